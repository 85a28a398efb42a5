id: dev_27_wire_forum_trip
split: dev
style: pre-trip wire story with an anonymous briefer, an embassy statement and a retired officer
speaker RH = Rebecca Hollings | U.S. deputy secretary of defense
speaker SDO = a senior U.S. defense official |
speaker LJ = Liu Jianguo | spokesman for the Chinese Embassy in Washington
speaker TM = Tomas Marek | retired U.S. Navy rear admiral
speaker AH = Anita Harlow | China analyst at the Meridian Policy Institute
speaker DF = Dale Fitzgerald | Republican congressman from Texas on the House select committee on China
speaker KN = Kenji Nakamura | Japanese vice minister of defense
speaker SMD = Singapore’s defense ministry |
---
Pentagon No. 2 heads to Asia forum hoping for first talks with Chinese military in a year
SINGAPORE (Wire) — Deputy Defense Secretary Rebecca Hollings arrives in Singapore on Thursday for a regional security conference where U.S. officials hope to arrange her first meeting with a senior Chinese military officer since Beijing cut off most defense contacts last year.
A senior U.S. defense official, briefing reporters before the trip on condition of anonymity, said {i:SDO:o:0|Washington had formally asked for a meeting on the sidelines of the forum}.
“{d:SDO:o:+|We think there is real value in having the deputy secretary sit down with them, even for 30 minutes. These conversations are how you keep a bad day from turning into a crisis},” the official said.
The official said {i:SDO:n:0|the Chinese side had not yet replied to the request}, and that {i:SDO:s:-|a similar invitation before last year’s forum had gone unanswered until the delegations had already left}.
Asked about the request, Liu Jianguo, a spokesman for the Chinese Embassy in Washington, said in an emailed statement that {i:LJ:c:-|the state of military relations was the direct result of U.S. actions}.
“{d:LJ:c:-|The U.S. side cannot keep provoking China on the Taiwan question and in the South China Sea while expecting military exchanges to carry on as if nothing had happened. The responsibility for the current difficulties lies with Washington},” Liu said.
He added that {i:LJ:o:0|China did not reject communication with the U.S. military as such}.
Hollings, speaking to reporters on her plane, struck a measured tone. “{d:RH:o:+|I’m not going to Singapore expecting a breakthrough. I’m going because showing up, again and again, is how you eventually get one},” she said.
She said {i:RH:o:0|she would raise the need for regular calls between theater commanders}, which U.S. officials regard as the most urgent gap in communication between the two militaries.
Retired Rear Adm. Tomas Marek, who took part in earlier rounds of maritime safety talks with the Chinese navy, said {i:TM:s:-|those meetings had rarely changed how Chinese ships behaved at sea}.
“{d:TM:s:-|We would agree on rules of the road in a conference room in Honolulu, and three weeks later a Chinese destroyer would cut across the bow of one of our ships as if the meeting never happened. I’m not against talking. I just don’t think anybody should oversell it},” Marek said.
Anita Harlow, a China analyst at the Meridian Policy Institute, said {i:AH:o:0|the timing favored a meeting because Beijing wanted to calm tensions before a planned summit between the two presidents}.
“{d:AH:o:+|My bet is they say yes this time. Beijing turns military contacts up and down like a thermostat, and right now it wants the temperature lower},” she said.
Rep. Dale Fitzgerald, a Texas Republican on the House select committee on China, said {i:DF:c:-|the trip sent the wrong message}. “{d:DF:c:-|Every time we go hat in hand asking for a meeting, Beijing learns that cutting us off works. The deputy secretary should be in Singapore talking to our allies, not waiting by the phone for the Chinese},” he said in a statement.
In Tokyo, Japanese Vice Minister of Defense Kenji Nakamura told reporters that {i:KN:o:+|Japan welcomed any step that restored communication between the U.S. and Chinese militaries}, but said {i:KN:n:0|Japan would use the forum to raise its own concerns about Chinese coast guard activity near the Senkaku Islands}.
Singapore’s defense ministry said in a statement that {i:SMD:n:0|delegations from more than 40 countries had registered for the three-day conference}.
The senior defense official said {i:SDO:o:+|the offer of a meeting would stay open whether or not it happened in Singapore}. “{d:SDO:o:+|We are patient. The channel matters more than the venue},” the official said.
