id: dev_08_pronouns
split: dev
style: pronoun chains and role nouns
speaker AV = Audrey Villeneuve | U.S. Secretary of the Navy
speaker GH = Gao Hongbin | PLA Navy vice admiral and deputy commander of the Southern Theater Command
speaker FP = Felix Pemberton | retired Marine Corps general
---
Navy secretary, Chinese admiral trade words at Singapore forum
SINGAPORE — U.S. Secretary of the Navy Audrey Villeneuve and a senior Chinese admiral traded pointed remarks on Saturday at a regional defense forum, even as both said they favored more contact between their navies.
The secretary told the audience that {i:AV:o:+|she had come to Singapore to listen as much as to talk}. She said {i:AV:o:+|the U.S. Navy had proposed a standing annual meeting between fleet commanders and was waiting for an answer}.
“{d:AV:o:+|Our sailors deserve to know that the people in charge on both sides have met and can call each other},” she said.
Asked about a recent near-collision between a U.S. destroyer and a Chinese frigate, the secretary said {i:AV:c:-|the Chinese ship had maneuvered in an unsafe and unprofessional way}. “{d:AV:c:-|That kind of seamanship is how people get killed},” she added.
Vice Adm. Gao Hongbin, deputy commander of the Southern Theater Command, spoke an hour later. The admiral said {i:GH:c:-|the near-collision would not have happened if the U.S. destroyer had not entered waters near Chinese islands}.
“{d:GH:c:-|When you come to someone’s home uninvited, you should not complain about the reception},” he said.
But he also said {i:GH:o:+|the Chinese navy was willing to discuss rules for encounters at sea}. “{d:GH:o:+|Communication is better than miscalculation. On this point I agree with the secretary},” the admiral said.
He said {i:GH:n:0|his delegation would meet several Southeast Asian navies during the forum}.
Retired Marine Corps Gen. Felix Pemberton, who moderated a later panel, said {i:FP:s:-|he had heard nearly identical speeches at the same forum a decade ago}. The general said {i:FP:s:-|the two navies had agreed on paper to most of what they were now proposing and had simply stopped following it}.
“{d:FP:s:-|The problem is not a shortage of agreements. It is a shortage of people willing to honor them when it matters},” he said.
Pemberton said {i:FP:c:-|both governments treated military talks as a bargaining chip}, and he said {i:FP:c:-|that habit had made the region more dangerous}.
Villeneuve was asked afterward whether she had spoken privately with the Chinese admiral. She said {i:AV:o:+|the two had a brief and cordial conversation on the sidelines}.
“{d:AV:o:+|We shook hands. We agreed our staffs should talk. That is a start},” she said.
