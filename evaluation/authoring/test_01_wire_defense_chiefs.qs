id: test_01_wire_defense_chiefs
split: test
style: wire copy
speaker CV = Conrad Vasquez | U.S. Defense Secretary
speaker HQ = Huang Qiming | Chinese Defense Minister
speaker PN = Priya Narang | Pentagon press secretary
speaker EV = Elliot Varga | former State Department arms control negotiator
speaker MO = Mei Ouyang | Chinese foreign ministry spokeswoman
---
U.S., Chinese defense chiefs meet for first time in 18 months
HONOLULU (Wire) — U.S. Defense Secretary Conrad Vasquez met his Chinese counterpart, Huang Qiming, on Sunday on the sidelines of a regional security meeting, the first face-to-face talks between the two defense chiefs in a year and a half.
Vasquez told reporters after the 75-minute meeting that {i:CV:o:+|the two men had agreed to restore regular calls between theater commanders}.
“{d:CV:o:+|It was candid, it was professional, and it was overdue},” Vasquez said. “{d:CV:o:+|We both understand that the worst outcome is an accident nobody wanted.}”
He said {i:CV:c:-|he had raised what he called a pattern of dangerous intercepts of U.S. aircraft by Chinese fighter jets}.
Huang, according to a statement released by the Chinese delegation, said {i:HQ:c:-|the United States must respect China’s sovereignty and stop provocations in the Taiwan Strait}.
“{d:HQ:o:0|China is willing to strengthen communication, but communication requires sincerity from both sides},” Huang said, according to the statement.
Pentagon press secretary Priya Narang said {i:PN:o:+|working-level talks on maritime safety would resume next month in Hawaii}. She said {i:PN:n:0|a date for a follow-up meeting between the defense chiefs had not been set}.
“{d:PN:o:+|This is what the Secretary came here to do. He came to reopen the channels, and the channels are reopening},” Narang said.
In Beijing, foreign ministry spokeswoman Mei Ouyang said {i:MO:o:+|the meeting was positive and constructive}. She said {i:MO:c:-|the U.S. side should stop sending mixed signals by talking about dialogue while selling arms to Taiwan}.
Elliot Varga, a former State Department arms control negotiator, said {i:EV:s:-|the announcement sounded familiar}.
“{d:EV:s:-|We restored theater-level calls in 2019 too. They lasted until the first real crisis},” Varga said. “{d:EV:s:-|The question is not whether they agree to talk. It is whether anyone answers when it counts.}”
Varga said {i:EV:o:+|the agreement was still worth having}.
The two ministers did not hold a joint news conference.
