id: dev_19_explainer
split: dev
style: explainer
speaker DOD = U.S. Department of Defense |
speaker MND = Chinese Ministry of National Defense |
speaker CA = Clara Abernathy | senior analyst at the Fairhaven Strategic Forum
speaker VK = Viktor Kaminski | former European military attaché in Beijing
speaker SY = Sun Yiming | associate professor at Lakeside University
---
Explainer: What the new U.S.–China military agreement does, and does not, do
After more than a year in which the two militaries barely spoke, an agreement announced on Friday restores several channels of communication between them. Here is what the agreement covers, and what experts on both sides say about it.
What was agreed?
The Pentagon said in a statement that {i:DOD:n:0|the two sides had agreed to resume talks between theater commanders, hold a defense policy dialogue before the end of the year and reconvene the maritime safety consultations}.
China’s Ministry of National Defense said {i:MND:o:+|the agreement reflected the consensus reached by the two heads of state and would help stabilize military relations}.
Why does it matter?
Clara Abernathy, a senior analyst at the Fairhaven Strategic Forum, said {i:CA:o:+|the theater-level talks were the piece that mattered most, because they connected the officers who actually manage incidents}.
“{d:CA:o:+|Ministers can set the tone, but it is the commanders who will be on the phone when two ships get too close. Getting them talking again is a real gain},” she said.
What could go wrong?
“{d:VK:s:-|Almost everything. The agreement has no enforcement, no timetable for the calls and nothing to stop either side from suspending it again},” said Viktor Kaminski, a former European military attaché in Beijing.
Kaminski said {i:VK:s:-|he expected the first theater call to slip, as similar calls had in the past}.
Sun Yiming, an associate professor at Lakeside University, said {i:SY:c:-|the main risk was that Washington would treat the talks as cover for expanding its military activities near China}.
“{d:SY:c:-|Dialogue is not a permission slip. If the U.S. uses the talks to normalize its close-in surveillance, the talks will not survive},” Sun said.
Is anything else planned?
The Pentagon said {i:DOD:n:0|a separate working group on search and rescue would meet in the spring}.
Abernathy said {i:CA:s:-|she would not be surprised if the defense policy dialogue was postponed at least once}.
