id: test_03_state_readout
split: test
style: state-media readout
speaker GF = Gu Fengxiang | vice chairman of the Central Military Commission
speaker MND = Chinese Ministry of National Defense |
speaker WL = Wu Lihua | spokeswoman of the Chinese Ministry of National Defense
speaker GT = a newspaper run by the military |
---
BEIJING, June 2 (State News Agency) — Gu Fengxiang, vice chairman of the Central Military Commission, met a visiting U.S. military delegation led by the commander of U.S. Indo-Pacific Command in Beijing on Tuesday.
Gu said {i:GF:o:+|maintaining communication between the two militaries is of great significance to stabilizing bilateral relations}.
He pointed out that {i:GF:c:-|the U.S. side has frequently sent military aircraft and vessels to conduct close-in reconnaissance, which is the root cause of maritime and air security risks}.
“{d:GF:c:-|The Chinese People’s Liberation Army has the determination and the ability to safeguard national sovereignty, security and development interests},” Gu said.
Gu said {i:GF:o:+|the two militaries should implement the consensus reached by the two heads of state and enhance dialogue on the basis of equality}.
The Ministry of National Defense said in a statement that {i:MND:o:+|the two sides had an in-depth exchange of views and agreed to maintain contact at various levels}.
The statement said {i:MND:n:0|the U.S. delegation would also visit an army academy in Nanjing}.
At a press conference on Thursday, ministry spokeswoman Wu Lihua said {i:WL:o:+|the visit was a concrete step in implementing the important consensus of the two leaders}.
“{d:WL:c:-|We urge the U.S. side to view China’s military development objectively and rationally, and to stop spreading the so-called China threat theory},” Wu said.
Wu said {i:WL:c:-|the U.S. side’s recent arms sales to the Taiwan region sent a seriously wrong signal}. She said {i:WL:c:-|the sales would inevitably affect military relations}.
Asked whether the two defense chiefs would meet later this year, she said {i:WL:n:0|information would be released in due course}.
The visit was the first by a serving U.S. theater commander to China in several years, and it came after months of preparation by working-level officials on both sides.
A commentary published on Friday by a newspaper run by the military said {i:GT:o:+|stable military ties served the fundamental interests of both peoples}. The newspaper said {i:GT:c:-|Washington’s habit of containing China while seeking dialogue was self-defeating}.
