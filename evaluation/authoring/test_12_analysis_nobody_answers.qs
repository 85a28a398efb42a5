id: test_12_analysis_nobody_answers
split: test
style: news analysis in real-wire manner: present-tense attributions, an anecdote lede, inverted attribution with a relative clause, hedged experts, an anonymous official, a lawmaker who rejects concessions
speaker RB = Rebecca Baptiste | former Pentagon China policy official
speaker HJ = Huang Jiayi | researcher at the Shanghai Institute of Strategic Studies
speaker TO = Tomasz Olek | retired U.S. Navy rear admiral
speaker WH = a White House official |
speaker GP = Gordon Pryce | Idaho Republican senator
speaker KM = Keiko Mori | analyst at the Tokai Policy Forum in Tokyo
---
Analysis: A hotline only works if someone answers
WASHINGTON (Wire) — When a Chinese fighter jet passed within 20 feet of a U.S. reconnaissance plane over the South China Sea last spring, the Pentagon tried the defense telephone link. Nobody answered for two days.
That episode hangs over the latest round of talk about restoring military channels between Washington and Beijing, an idea that has come back into fashion in both capitals.
“{d:RB:s:-|The problem has never been the hardware. The phone works. The problem is that nobody on the Chinese side is allowed to pick it up without permission from the top},” said Rebecca Baptiste, who handled China policy at the Pentagon until last year.
Baptiste says {i:RB:o:0|regular meetings between mid-level officers are still worth pursuing, because they build the familiarity a crisis call depends on}.
Chinese analysts describe the problem differently. Huang Jiayi, a researcher at the Shanghai Institute of Strategic Studies, said {i:HJ:c:-|Washington treated the hotline as a tool for managing incidents that its own patrols created}.
“{d:HJ:c:-|If you send ships and planes to China’s doorstep every week and then ask for a number to call when something goes wrong, you should not be surprised by the answer},” Huang said.
He said {i:HJ:o:0|dialogue between defense ministers could still be useful if both sides approached it with respect}.
Retired Rear Adm. Tomasz Olek, who commanded a destroyer squadron in the Western Pacific, said {i:TO:o:+|the maritime safety rules the two navies agreed to a decade ago had made encounters at sea noticeably calmer for several years}.
“{d:TO:o:+|People forget that we did this once and it worked. The ships talked to each other on the radio in plain English. Nobody had to call Beijing},” Olek said.
The White House has said little in public. A White House official, speaking on condition of anonymity, said {i:WH:o:0|the president intended to raise military communication at his next meeting with the Chinese leader}.
On Capitol Hill, skepticism runs deeper. Sen. Gordon Pryce, an Idaho Republican, said in an interview that {i:GP:c:-|the administration had spent two years chasing talks that Beijing handed out as a reward for good behavior}.
“{d:GP:c:-|I’m not against talking. I’m against paying to talk},” Pryce said.
Keiko Mori, an analyst at the Tokai Policy Forum in Tokyo, said {i:KM:s:-|a working channel would help everyone in the region, though the last two years gave little reason to expect one to survive the next serious incident}.
“{d:KM:s:-|Everyone agrees on the need. What nobody has shown is the will},” she said.
For now, the phone on the Pentagon’s side is tested every month. Whether anyone in Beijing would answer it during a crisis is a question neither government will take up in public.
