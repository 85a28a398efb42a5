id: dev_28_wire_beijing_briefing
split: dev
style: wire story from a foreign-ministry briefing, with state-media nesting and a reply from Washington
speaker BJ = Beijing |
speaker FMA = Chinese Ministry of Foreign Affairs |
speaker FY = Fang Yue | spokeswoman for the Chinese Ministry of Foreign Affairs
speaker CH = Chen Haoran | researcher at the Institute of Maritime Strategy in Beijing
speaker MP = Matthew Porter | U.S. State Department spokesman
speaker AD = an Asian diplomat in Beijing |
speaker GC = Grace Cordero | Philippine national security adviser
speaker BL = Brian Lowell | Democratic senator from Oregon
---
{i:BJ:c:-|U.S. must stop provoking China before military talks can resume}, Beijing says
BEIJING (Wire) — China’s foreign ministry on Tuesday brushed aside a U.S. request for a call between the two countries’ most senior military officers, saying Washington had to stop “{p:FMA:c:-|containing and suppressing}” China before the two militaries could have a normal conversation.
“{d:FY:c:-|China has never closed the door to dialogue. But dialogue requires mutual respect, and the U.S. side keeps selling weapons to Taiwan and sending warships to our doorstep. It cannot do these things and then complain that the phone is not being answered},” foreign ministry spokeswoman Fang Yue said at a regular news briefing.
Asked whether Beijing would accept the call, Fang said {i:FY:n:0|she had no information to offer on that question} and referred reporters to the defense ministry.
The defense ministry did not respond to a faxed request for comment.
Chen Haoran, a researcher at the Institute of Maritime Strategy in Beijing, told the state-run China Daily that {i:CH:o:+|both militaries had an interest in preventing accidents at sea} and that {i:CH:o:+|contacts would probably resume within months}.
“{d:CH:o:+|The leaders have already agreed in principle. What remains is the timing and the choreography, and neither side wants to look as if it is the one asking},” Chen was quoted as saying.
In Washington, State Department spokesman Matthew Porter said {i:MP:o:+|the United States would keep pressing for open lines of communication with the People’s Liberation Army}.
“{d:MP:o:+|We have been clear that responsible management of competition requires open military channels, especially at moments like this one. That is not a favor to anyone. It is in the interest of both countries and of the region},” Porter told a briefing.
He said {i:MP:n:0|U.S. arms sales to Taiwan were consistent with long-standing policy} and that {i:MP:c:-|China was using them as a pretext to avoid talking}.
An Asian diplomat in Beijing, who asked not to be named because of the sensitivity of the subject, said {i:AD:s:-|the Chinese military had little appetite for talks while its leadership was focused on internal discipline campaigns}.
“{d:AD:s:-|The people who would have to sit across from the Americans are exactly the people who are nervous about their own careers right now. Nobody in that system wants to be the general who was seen being friendly with the U.S. side},” the diplomat said.
Philippine National Security Adviser Grace Cordero said {i:GC:o:+|Manila hoped the two powers would resume military talks soon}, but warned that {i:GC:c:-|Beijing could not use the prospect of such talks to distract from its conduct toward Philippine vessels at Second Thomas Shoal}.
Sen. Brian Lowell, an Oregon Democrat, said on social media that {i:BL:o:+|the administration was right to keep asking}. “{d:BL:o:+|You don’t stop calling because the other side hangs up. You keep calling, because the day they pick up might be the day it matters},” he wrote.
China suspended several military dialogues with the United States two years ago, and only a handful of lower-level exchanges have taken place since.
