id: dev_11_wire_exercise
split: dev
style: wire copy
speaker AK = Abigail Kwan | U.S. Navy Seventh Fleet spokeswoman
speaker ZH = Zhang Hui | Chinese Eastern Theater Command spokesman
speaker SD = Stellan Dahl | Swedish naval analyst
speaker NAVY = U.S. Navy |
speaker TM = Tomoko Mizuhara | Japanese chief cabinet secretary
---
U.S., Chinese warships in tense encounter days after talks resume
TOKYO (Wire) — {i:NAVY:n:-|A U.S. destroyer and a Chinese frigate came within 150 yards of each other in the East China Sea on Thursday}, the U.S. Navy said, just days after the two militaries held their first talks in months.
“{d:AK:c:-|The Chinese vessel executed a series of aggressive maneuvers that violated the rules of the road},” said Lt. Abigail Kwan, a spokeswoman for the Seventh Fleet.
Kwan said {i:AK:n:0|the destroyer had been conducting routine operations in international waters}. She said {i:AK:o:+|the ship’s crew had contacted the frigate by radio using the procedures agreed at the recent talks, and the frigate had answered}.
“{d:AK:o:+|That is exactly what the procedures are for. The call was answered, and the situation was resolved},” Kwan said.
The Chinese military gave a different account. Senior Col. Zhang Hui, a spokesman for the Eastern Theater Command, said {i:ZH:c:-|the U.S. destroyer had entered an area where Chinese forces were conducting a live-fire drill announced in advance}.
“{d:ZH:c:-|The U.S. side deliberately stirred up trouble and must stop such dangerous provocations immediately},” Zhang said in a statement.
Zhang said {i:ZH:n:0|the frigate had tracked and monitored the destroyer throughout the encounter}.
Stellan Dahl, a Swedish naval analyst who tracks incidents at sea, said {i:SD:o:+|the radio exchange suggested the new procedures were working at least at the tactical level}. “{d:SD:o:+|A year ago, nobody would have answered that call. That is progress, even if the politics look the same},” Dahl said.
He said {i:SD:s:-|one answered call did not mean the underlying tensions had eased}.
Japan’s chief cabinet secretary, Tomoko Mizuhara, told a regular news conference that {i:TM:o:+|Tokyo welcomed communication between the U.S. and Chinese militaries}. She said {i:TM:c:-|China’s growing military activity near Japanese waters remained a serious concern}.
The U.S. Navy said {i:NAVY:n:0|it would continue to sail and fly wherever international law allows}.
