id: dev_12_wire_maritime
split: dev
style: wire copy
speaker RK = Rachel Kemper | U.S. deputy assistant secretary of defense for China
speaker LJ = Liu Jianguo | senior colonel and spokesman for the Chinese Ministry of National Defense
speaker TO = Tomas Okafor | senior fellow at the Brightwater Institute
speaker DH = Dai Hongmei | professor at the Eastern Maritime University
speaker SM = Samuel Marsh | retired U.S. Navy captain
---
U.S. and Chinese naval officers meet for first maritime safety talks in two years
HONOLULU (Wire) — Naval officers from the United States and China sat down on Tuesday for two days of maritime safety consultations, the first such meeting since the talks were suspended two years ago.
Rachel Kemper, the U.S. deputy assistant secretary of defense for China, said {i:RK:n:0|the delegations would review a list of unsafe encounters at sea and in the air from the past year}.
“{d:RK:o:+|We came here to listen as much as to talk. Every encounter we can take off that list is a sailor who goes home safe},” Kemper told reporters before the meeting opened.
She said {i:RK:o:+|Washington hoped the meeting would become the first in a regular series, with working-level calls between meetings}.
Senior Col. Liu Jianguo, a spokesman for China’s Ministry of National Defense, said in Beijing that {i:LJ:n:0|the Chinese delegation was led by a deputy director of the navy’s operations department}.
Liu said {i:LJ:c:-|the United States bore full responsibility for the dangerous encounters near China’s coast because its ships and aircraft kept coming to China’s doorstep}.
“{d:LJ:c:-|If the U.S. side truly wants safety, it should stop sending warships to provoke. Talks cannot paper over that},” Liu said.
Analysts were divided on what the meeting could achieve.
“{d:TO:s:-|Meetings like this one produce a joint statement and a photograph. Whether they change how a pilot behaves at thirty thousand feet is a different question, and the record is not encouraging},” said Tomas Okafor, a senior fellow at the Brightwater Institute.
Okafor noted that {i:TO:s:-|similar consultations had been held for more than two decades without ending the close intercepts that prompted them}.
Dai Hongmei, a professor at the Eastern Maritime University, said {i:DH:o:+|the resumption showed both militaries had concluded that the cost of silence was too high}.
“{d:DH:o:+|It is a modest start, but it is a start. The two navies now have faces and names to put to the voices on the radio},” Dai said.
Samuel Marsh, a retired U.S. Navy captain who took part in earlier rounds, was more cautious. He said {i:SM:s:-|the Chinese side had in the past agreed to rules of the road at the table and then ignored them at sea}.
“{d:SM:s:-|I hope I am wrong this time. I will believe it when the intercepts stop},” Marsh said.
Marsh added that {i:SM:n:0|the U.S. delegation included officers from the Pacific Fleet and the Coast Guard}.
The talks are scheduled to end on Wednesday. Kemper said {i:RK:n:0|a summary would be released once both sides had agreed on its wording}.
