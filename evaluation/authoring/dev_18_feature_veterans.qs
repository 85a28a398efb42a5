id: dev_18_feature_veterans
split: dev
style: feature with anecdotes
speaker MB = Marcus Bellamy | retired U.S. Air Force colonel
speaker ZQ = Zhou Qiang | retired Chinese navy captain
speaker RL = Rosa Lindgren | historian at Eastfield University who studies crisis communication
speaker JT = Jamal Thornton | U.S. Navy lieutenant commander serving on a destroyer based in Japan
---
The officers who used to call each other
Retired officers from both sides remember what the military channels were like when they worked, and what happened when they went silent
When Marcus Bellamy flew reconnaissance missions over the South China Sea in the early 2000s, the Chinese fighters that came up to meet him were flown by strangers.
“{d:MB:n:0|You would see the pilot’s helmet, sometimes his hand signals, and that was it. No names. No way to reach anyone},” said Bellamy, a retired U.S. Air Force colonel.
Years later, after the two militaries began holding regular talks, Bellamy served on a U.S. delegation that met Chinese air force officers in Hangzhou.
“{d:MB:o:+|We had dinner, we argued, we exchanged business cards. Six months later one of those officers was on the other end of a call about an intercept that had gone wrong, and we sorted it out in an afternoon. That is what these talks buy you},” he said.
Zhou Qiang, a retired Chinese navy captain who took part in several rounds of maritime talks, remembers the period differently.
“{d:ZQ:c:-|The Americans came to the meetings to tell us where their ships had a right to sail. It was not a dialogue. It was a lecture},” Zhou said.
Still, Zhou said {i:ZQ:o:+|the meetings had prevented at least one collision that he knew of}.
“{d:ZQ:o:+|When you know the man on the other ship, you give him more room. That is human nature},” he said.
Rosa Lindgren, a historian at Eastfield University who studies crisis communication, said {i:RL:s:-|the record of the channels in real crises was poor}.
“{d:RL:s:-|In three of the four most serious incidents I have studied, the line was either not used or used only after the danger had passed. The channel works best when it is needed least},” Lindgren said.
She said {i:RL:n:0|her study drew on declassified cables and interviews with more than forty retired officers}.
“{d:JT:s:-|I have been at sea for eleven years and I have never once talked to a Chinese officer. I will believe in these talks when they reach the people who actually drive the ships},” said Lt. Cmdr. Jamal Thornton, who serves on a destroyer based in Japan.
Bellamy said {i:MB:o:+|he hoped the officers now resuming the talks would be given the time to build the same kind of ties}.
