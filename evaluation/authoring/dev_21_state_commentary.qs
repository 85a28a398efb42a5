id: dev_21_state_commentary
split: dev
style: state-media commentary and reaction
speaker SC = Chinese state news agency commentary |
speaker LQ = Li Qingsong | professor of international relations at the Central Institute of Strategic Studies
speaker FY = Fang Yue | Chinese defense ministry spokeswoman
speaker RM = Robert Mallory | former U.S. defense attaché in Beijing
---
Chinese state media says U.S. must show sincerity before military exchanges deepen
BEIJING — A commentary carried on Thursday by China’s state news agency said {i:SC:c:-|the United States had to prove its sincerity before military exchanges between the two countries could go further}.
The commentary appeared two weeks after the two militaries held their first video call between theater commanders in more than a year, and as U.S. lawmakers debated a new package of arms sales to Taiwan.
The commentary said {i:SC:c:-|Washington had repeatedly damaged the atmosphere for dialogue by selling weapons to Taiwan and sending warships through the Taiwan Strait}.
“{d:SC:c:-|Dialogue cannot be a one-way street in which the U.S. side takes what it wants and gives nothing in return},” the commentary said.
It said {i:SC:o:+|China valued the recent resumption of contacts and was ready to keep them going if the two sides respected each other’s core interests}.
Li Qingsong, a professor of international relations at the Central Institute of Strategic Studies, said {i:LQ:o:+|the resumption of theater-level calls was a meaningful step that both militaries should build on}.
“{d:LQ:o:+|The two sides have shown that they can manage their differences when there is political will. I expect more exchanges before the end of the year},” Li said.
Li added that {i:LQ:n:0|the timing of the commentary was linked to the annual legislative sitting in Washington}.
At a monthly briefing, defense ministry spokeswoman Fang Yue said {i:FY:n:0|the Chinese and U.S. militaries had held a video call between theater commanders in September}.
Asked about the next round of maritime safety talks, Fang said {i:FY:n:0|the two sides were in communication on the arrangements}.
Robert Mallory, a former U.S. defense attaché in Beijing, said {i:RM:s:-|he read the commentary as a sign that Beijing would slow down the exchanges again}.
“{d:RM:s:-|This is how it usually goes. A few calls, a few smiles, and then the conditions come back. I would not count on the maritime talks happening this year},” Mallory said.
