id: dev_25_wire_fleet_chiefs
split: dev
style: long wire story with long mixed quotes
speaker RT = Rebecca Thornquist | commander of the U.S. Pacific Fleet
speaker DJ = Dong Jianhua | deputy commander of the PLA Navy
speaker FA = Felipe Arrieta | Pentagon spokesman
speaker DOD = U.S. Department of Defense |
speaker GW = Graham Whitlock | retired U.S. Navy captain and former Pacific Fleet intelligence officer
speaker NF = Nadia Ferreira | China scholar at the Hollister School of Government
speaker TL = Teodoro Lacson | Philippine navy spokesman
speaker QL = Qiao Lan | spokeswoman for the Chinese Ministry of Foreign Affairs
---
U.S., Chinese fleet commanders meet for first time in three years as Washington presses for rules at sea
QINGDAO, China (Wire) — The commander of the U.S. Pacific Fleet met her Chinese counterpart on Tuesday for the first face-to-face talks between the two navies’ senior officers in three years, a step U.S. officials hope will lead to regular meetings.
Adm. Rebecca Thornquist spent about two hours with Vice Adm. Dong Jianhua, the deputy commander of the PLA Navy, on the sidelines of a naval symposium attended by officers from 26 countries.
“{d:RT:o:+|I came here because I think the risk of an accident between our two navies is higher than it should be, and the only way I know to bring it down is to talk to the people whose ships are out there. We did that today. It was frank, it was professional, and we agreed to keep doing it},” Thornquist told reporters afterward.
She said {i:RT:o:+|the two sides had agreed in principle that their staffs would meet again before the end of the year to work on a common set of procedures for unplanned encounters}.
Thornquist said {i:RT:n:0|the talks had also covered search and rescue and the recovery of a Chinese sailor who fell overboard in the Philippine Sea in March}.
But she was blunt about the limits of what she was prepared to offer. “{d:RT:c:-|Let me be clear about one thing. I will meet with anyone who wants fewer accidents. What I will not do is pay for a meeting by keeping our ships out of waters where international law says we can sail. If the price of a phone call is that we stop flying and sailing, then the phone call is too expensive},” she said.
Dong told Chinese state television that {i:DJ:o:+|the Chinese navy was ready to work with the U.S. side to reduce risks at sea on the basis of mutual respect}.
“{d:DJ:o:+|Communication is better than confrontation, and meeting is better than not meeting},” Dong said. “{d:DJ:c:-|But the greatest risk at sea does not come from a lack of procedures. It comes from U.S. ships and aircraft conducting close-in reconnaissance along China’s coast every day. If the U.S. side reduces that, the risk will fall on its own.}”
The Pentagon said in a statement that {i:DOD:n:0|Thornquist’s visit had been planned for several months and included a tour of a Chinese training ship}.
Pentagon spokesman Felipe Arrieta said {i:FA:o:+|the department hoped the meeting would be the first of regular talks between fleet commanders}, and that {i:FA:o:+|the defense secretary was ready to speak with his Chinese counterpart whenever Beijing agreed to a call}.
“{d:FA:o:+|We have been saying for a long time that these channels should be open in good times and in bad. Today is a step in that direction, and we will build on it},” Arrieta said.
Not everyone in Washington was impressed. Graham Whitlock, a retired Navy captain who was once an intelligence officer at the Pacific Fleet, said {i:GW:c:-|the administration was making the same mistake it had made a decade earlier, treating a handshake in Qingdao as if it changed anything about how the Chinese navy behaved in the South China Sea}.
“{d:GW:c:-|Every few years we rediscover the value of talking, and every few years Beijing collects something for agreeing to pick up the phone. They hold the meetings hostage, we pay the ransom, and then the harassment starts again. I do not know why anyone expects a different ending this time},” Whitlock said.
Nadia Ferreira, a China scholar at the Hollister School of Government, said {i:NF:s:-|the record of past restarts gave little reason to expect this one to last}.
“{d:NF:s:-|Look at the pattern. A meeting, a joint statement about reducing risk, a year of calm, and then some political quarrel in Washington or Beijing and the channel goes quiet again. I do not see anything in today’s meeting that breaks that pattern. I hope I am wrong},” she said.
Ferreira said {i:NF:s:-|neither navy had much incentive to accept rules that would limit its freedom of action, so any procedures would probably remain vague}.
She added that {i:NF:n:0|the Chinese side had sent a more senior delegation to the symposium than in previous years}.
In Manila, Philippine navy spokesman Teodoro Lacson said {i:TL:o:+|the Philippines welcomed any talks that made collisions less likely in waters its own ships patrolled}. He said {i:TL:n:-|Chinese coast guard vessels had fired water cannon at a Philippine supply boat near Second Thomas Shoal two weeks ago}.
At a regular briefing in Beijing, foreign ministry spokeswoman Qiao Lan said {i:QL:c:-|the responsibility for the three-year interruption in military exchanges lay entirely with the United States, which had ignored China’s concerns on Taiwan}.
“{d:QL:n:-|The Taiwan question is the core of China’s core interests and the first red line that must not be crossed in China-U.S. relations},” Qiao said.
She said {i:QL:o:0|China was willing to keep up communication with the U.S. military on the basis of equality and respect}, but added that {i:QL:c:-|the U.S. side must stop provocations and match its words with deeds}.
The two navies have not held a formal round of their maritime safety consultations since a collision between a U.S. surveillance plane and a Chinese fighter jet over the Yellow Sea nearly a decade ago. Thornquist said {i:RT:o:+|she expected those consultations to resume next year}, though no date had been set.
