id: test_08_pronouns
split: test
style: pronoun chains and role nouns
speaker RB = Rebecca Blackwood | U.S. Deputy Secretary of State
speaker QS = Qiu Shanlin | Chinese Vice Foreign Minister
speaker MK = Magnus Kerr | retired Royal Navy admiral
---
Deputy secretary says Beijing has not answered proposal for military talks
TOKYO — U.S. Deputy Secretary of State Rebecca Blackwood said Monday that {i:RB:c:-|China had still not responded to a proposal made in January for a new round of military talks}.
The deputy secretary, speaking after meetings with Japanese officials, said {i:RB:o:+|the United States remained ready to hold the talks at any time}. “{d:RB:o:+|Our proposal is on the table. It has been on the table for five months},” she said.
She said {i:RB:c:-|Beijing’s silence was itself a message, and not a helpful one}.
Asked whether the delay was linked to U.S. arms sales to Taiwan, she said {i:RB:n:0|she would not speculate about Chinese motives}.
In Beijing, Vice Foreign Minister Qiu Shanlin said {i:QS:c:-|the U.S. side knew very well why military exchanges had been affected}. The vice minister said {i:QS:c:-|Washington could not expect normal exchanges while it continued to arm Taiwan}.
“{d:QS:o:0|The door is not closed. But it is not for China to open it},” he said.
He added that {i:QS:o:+|China attached importance to communication with the United States at all levels}.
The proposal, first described to reporters in January, called for talks between senior officers from both militaries on crisis communication and on the safety of ships and aircraft operating near each other.
Retired Royal Navy Adm. Sir Magnus Kerr, who chaired a British government review of maritime security in Asia, said {i:MK:s:-|he was not surprised by the delay}.
“{d:MK:s:-|Beijing has learned that it can keep Washington waiting at almost no cost},” the admiral said. He said {i:MK:s:-|he expected the proposal to sit unanswered until after the U.S. elections}.
Kerr said {i:MK:c:-|Western governments had made a mistake by announcing their proposals publicly, which made it easier for Beijing to refuse them publicly}.
Blackwood, for her part, said {i:RB:o:+|she remained hopeful}. “{d:RB:o:+|I have seen these things move very quickly once a decision is made},” she said.
