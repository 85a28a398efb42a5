id: dev_29_wire_close_encounter
split: dev
style: wire story on an incident at sea, both commands' statements, then reactions on the hotline
speaker USM = U.S. military |
speaker IPC = U.S. Indo-Pacific Command |
speaker STC = Southern Theater Command |
speaker TL = Tian Lei | spokesman for the Chinese People's Liberation Army Southern Theater Command
speaker USO = a U.S. official familiar with the episode |
speaker GW = Gregory Walsh | U.S. Navy captain and spokesman for the Seventh Fleet
speaker ZM = Zhou Ming | retired senior colonel of the People's Liberation Army
speaker RK = Rachel Kim | senior fellow at the Atlantic Harbor Institute
speaker EV = Elena Vasquez | ranking Democrat on the House Armed Services Committee
speaker PD = Patrick Doyle | Republican chairman of the Senate Foreign Relations Committee
---
{i:USM:n:-|Chinese warship came within 150 yards of U.S. destroyer}, U.S. military says
HONOLULU (Wire) — {i:USM:n:-|A Chinese navy destroyer sailed within 150 yards of a U.S. guided-missile destroyer in the South China Sea on Sunday, forcing the American ship to slow sharply to avoid a collision}, the U.S. military said, in the closest encounter between the two navies in more than a year.
In a statement, U.S. Indo-Pacific Command said the Chinese ship had carried out an “{p:IPC:n:-|unsafe and unprofessional}” maneuver and that {i:IPC:n:0|the U.S. ship had been conducting routine operations in international waters}.
The statement described the encounter as “{p:IPC:c:-|the latest in a pattern of risky behavior that makes the absence of regular military talks all the more dangerous}.”
China’s Southern Theater Command said {i:STC:n:-|the U.S. destroyer had entered waters near the Paracel Islands without permission}. “{d:TL:n:-|The U.S. side deliberately stirred up trouble and endangered the safety of our personnel. The theater’s forces remain on high alert and will resolutely defend national sovereignty},” Senior Col. Tian Lei, a command spokesman, said in a statement posted online.
Tian did not mention the dormant military hotline, which Washington has urged Beijing to use after such incidents.
According to a U.S. official familiar with the episode, {i:USO:s:-|the U.S. side tried to reach its Chinese counterparts through the defense telephone link within an hour of the encounter but received no answer}.
“{d:USO:s:-|We rang the line. Nobody picked up. That has been the pattern for two years, and I would not bet on it changing next week},” the official said, speaking on condition of anonymity to discuss sensitive communications.
Capt. Gregory Walsh, a spokesman for the Seventh Fleet, said {i:GW:n:0|the destroyer had resumed its planned transit after the encounter}. He said {i:GW:o:+|the Navy would keep using every channel available to talk with the Chinese navy at sea}.
“{d:GW:o:+|Professional mariners talk to each other. Our sailors hailed the Chinese ship on bridge-to-bridge radio, and we want that kind of conversation to happen at every level, from the ships up to the admirals},” Walsh said.
Zhou Ming, a retired senior colonel of the People’s Liberation Army who now comments on military affairs, said {i:ZM:o:+|such incidents showed why the two militaries needed to restore their talks quickly}. “{d:ZM:o:+|Neither navy wants a collision. When the two sides were talking regularly, there were fewer of these moments. That is not a coincidence},” he said in an interview.
Rachel Kim, a senior fellow at the Atlantic Harbor Institute, said {i:RK:s:-|the incident would renew calls in Washington for crisis-communication talks but was unlikely to bring them about}. “{d:RK:s:-|Everyone agrees the hotline should work. Beijing says so, Washington says so. And yet every time we test it, it turns out to be a phone ringing in an empty room},” Kim said.
She said {i:RK:s:0|a resumption would more likely come from a political decision at the top than from any incident at sea}.
Rep. Elena Vasquez, the ranking Democrat on the House Armed Services Committee, said the encounter was a reminder that “{p:EV:o:+|talking to the Chinese military is not a reward, it’s a seatbelt}.”
Sen. Patrick Doyle, the Republican chairman of the Senate Foreign Relations Committee, said {i:PD:c:-|Beijing was using the silence on the hotline as leverage}. “{d:PD:c:-|They switch the phone off so that we will pay to have it switched back on. We should stop paying},” Doyle said.
Doyle said {i:PD:n:0|he would press the administration to brief senators on the incident this week}.
The last face-to-face talks between senior U.S. and Chinese commanders took place more than two years ago.
