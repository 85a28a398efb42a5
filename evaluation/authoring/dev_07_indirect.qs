id: dev_07_indirect
split: dev
style: mostly indirect speech
speaker OM = Oliver Marchetti | U.S. Indo-Pacific Command spokesman
speaker SJ = Sun Jiawei | Chinese Embassy spokesperson in Washington
speaker DR = Delphine Rourke | analyst at the Meridian Group consultancy
speaker NY = Naoko Yamashiro | Japanese defense ministry official
speaker MS = Mateo Salcedo | Philippine navy spokesman
---
Regional powers weigh in as U.S., China edge toward resuming talks
MANILA — Governments around the region reacted cautiously on Wednesday to signs that the United States and China might resume regular contacts between their armed forces.
Oliver Marchetti, a spokesman for U.S. Indo-Pacific Command, said {i:OM:o:+|the command had sent a fresh invitation to its Chinese counterparts for a call between theater commanders}. He said {i:OM:n:0|the invitation had been delivered through the defense attaché office in Beijing on Monday}.
Marchetti added that {i:OM:o:+|the command was ready to hold the call on short notice once Beijing agreed}.
The Chinese Embassy in Washington said {i:SJ:c:-|the United States should first stop the actions that led to the suspension of exchanges}, according to spokesperson Sun Jiawei.
Sun said {i:SJ:c:-|U.S. warships had sailed through the Taiwan Strait three times in the past month} and that {i:SJ:c:-|such moves undermined the atmosphere for dialogue}.
He said {i:SJ:o:0|China had not ruled out further contacts at an appropriate time}.
In Tokyo, defense ministry official Naoko Yamashiro said {i:NY:o:+|Japan welcomed any step that reduced the risk of accidents in the East China Sea}. She said {i:NY:o:+|Tokyo hoped the two militaries would agree on clear procedures for encounters between aircraft}.
Yamashiro said {i:NY:s:0|it was too early to judge whether the contacts would last}.
The Philippine navy’s spokesman, Mateo Salcedo, told reporters that {i:MS:o:+|Manila supported direct communication between the two largest militaries in the Pacific}. He said {i:MS:c:-|Chinese coast guard vessels continued to block Philippine resupply missions} and that {i:MS:c:-|talk of safety rang hollow while those blockades continued}.
Salcedo said {i:MS:n:0|the navy would publish a report on the latest incident next week}.
Delphine Rourke, an analyst at the Meridian Group consultancy in Singapore, said {i:DR:s:-|the regional reaction reflected years of disappointment with earlier rounds of U.S.-China military talks}. She said {i:DR:s:-|most governments in the region expected the talks to stall again within a year}.
Rourke said {i:DR:s:-|the deeper problem was that neither side trusted the other to keep its word during a crisis}, and that {i:DR:s:0|no agreement on paper could change that quickly}.
Regional officials will meet in Singapore next month for an annual security conference, where U.S. and Chinese delegations are expected to attend.
Marchetti said {i:OM:n:0|no decision had been made about who would lead the U.S. delegation}.
