id: dev_20_wire_incident
split: dev
style: wire copy
speaker GH = Gregory Holt | U.S. Pacific Fleet spokesman
speaker TW = Tan Wei | spokesman for the Chinese navy’s Southern Theater Command
speaker AO = a U.S. official |
speaker LM = Leila Moradi | maritime security analyst at the Northgate Policy Institute
speaker PK = Peter Kowalczyk | retired U.S. Navy rear admiral
---
Chinese, U.S. warships pass within 150 yards in South China Sea; hotline call goes unanswered
SINGAPORE (Wire) — A Chinese destroyer cut across the bow of a U.S. Navy destroyer in the South China Sea on Saturday, passing within about 150 yards, in the closest encounter between the two navies this year.
Cmdr. Gregory Holt, a spokesman for the U.S. Pacific Fleet, said {i:GH:n:0|the American ship had slowed to ten knots to avoid a collision}.
“{d:GH:c:-|The Chinese vessel’s maneuver was unsafe and unprofessional, and it came only weeks after both sides promised to prevent exactly this kind of encounter},” Holt said.
A U.S. official, who spoke on condition of anonymity because the official was not authorized to discuss the matter, said {i:AO:c:-|a request for an urgent call with the Chinese theater command had gone unanswered for more than a day}.
The official said {i:AO:n:0|the request had been sent through the channel set up under the agreement reached in the spring}.
Senior Col. Tan Wei, a spokesman for the Southern Theater Command, said {i:TW:c:-|the U.S. ship had entered the area to provoke} and that {i:TW:n:0|the Chinese navy had acted lawfully to warn it off}.
“{d:TW:c:-|The U.S. side talks about communication while it sends its warships to our doorstep. It should look at its own behavior first},” Tan said in a statement.
Leila Moradi, a maritime security analyst at the Northgate Policy Institute, said {i:LM:s:-|the episode showed the limits of the channels that were restored in the spring}.
“{d:LM:s:-|A hotline is only as good as the willingness to answer it, and on Saturday that willingness was not there. I would not expect the next one to be answered either},” Moradi said.
But Peter Kowalczyk, a retired U.S. Navy rear admiral, said {i:PK:o:+|the answer was to use the channels more, not to write them off}.
“{d:PK:o:+|One unanswered call does not make the line worthless. The working-level talks are still scheduled, and that is exactly where this incident should be raised},” Kowalczyk said.
Holt said {i:GH:n:0|the destroyer had resumed its planned route and arrived in port on Sunday}.
