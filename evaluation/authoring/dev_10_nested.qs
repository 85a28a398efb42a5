id: dev_10_nested
split: dev
style: nested and scare quotes
speaker RH = Rosalind Hatcher | former U.S. ambassador to the Association of Southeast Asian Nations
speaker LY = Li Yuanchao | commentator for a Chinese state-run newspaper
speaker DM = Desmond Mbeki | naval historian at the Carrow Maritime Museum
speaker CC = a Chinese counterpart |
speaker AP = Arjun Patel | retired Indian Navy commodore
---
The ‘Guardrails’ Debate: What Diplomats Really Mean When They Talk About Talks
In Washington’s foreign policy vocabulary, few words have traveled as far as “guardrails.” Officials use it to describe everything from hotlines to annual meetings between defense chiefs.
Rosalind Hatcher, a former U.S. ambassador to the Association of Southeast Asian Nations, said {i:RH:s:-|the word had become a way to avoid admitting that relations were bad}.
“{d:RH:s:-|When I hear ‘guardrails,’ I hear: ‘We have given up on steering, so let us at least pad the edges of the road.’ That is not a strategy},” Hatcher said.
She recalled a Chinese counterpart telling her years ago, “{d:CC:c:-|You Americans want a rulebook for a game you invented.}” Hatcher said {i:RH:n:0|she had repeated the line to colleagues in Washington many times}.
In Beijing, the favored phrase is different. Commentators there speak of “mutual respect” and “win-win cooperation,” terms that American officials sometimes dismiss as slogans.
Li Yuanchao, a commentator for a Chinese state-run newspaper, wrote last week that {i:LY:c:-|the American idea of guardrails was designed to protect U.S. ships, not Chinese sovereignty}. He described U.S. calls for crisis communication as “{p:LY:c:-|a fire alarm installed by the arsonist.}”
“{d:LY:c:-|China will talk with anyone who treats it as an equal. But we will not accept talks whose only purpose is to make American patrols more comfortable},” Li wrote.
Desmond Mbeki, a naval historian at the Carrow Maritime Museum, said {i:DM:n:0|the modern rules for encounters at sea were modeled on a Cold War agreement between the American and Soviet navies}.
“{d:DM:o:+|That agreement worked better than anyone expected. The two navies stopped playing chicken within a few years},” Mbeki said. He said {i:DM:s:-|the difference today was that one side did not accept the other’s right to be there at all}.
Mbeki pointed to a 1972 cable describing the Soviet side’s attitude to the talks as grudging but businesslike. He said {i:DM:o:+|that attitude, grudging but practical, was exactly what was needed now}.
Arjun Patel, a retired commodore in the Indian Navy, said {i:AP:o:+|Asian navies had a strong interest in seeing the two powers restore their military channels}.
“{d:AP:o:+|When elephants fight, the grass suffers. We are the grass. So yes, we want them to talk},” Patel said.
But he said {i:AP:s:-|the talks would only matter if both sides stopped treating each meeting as a “gift” to the other}.
