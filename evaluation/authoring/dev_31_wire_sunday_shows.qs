id: dev_31_wire_sunday_shows
split: dev
style: wire roundup of television interviews, pronoun chains across paragraphs, a question put to each guest
speaker PA = Paul Anders | U.S. national security adviser
speaker XL = Xu Lan | Chinese ambassador to the United States
speaker DR = Diane Rowe | Democratic senator from Michigan and member of the Senate Intelligence Committee
speaker KO = Kevin O’Malley | retired Army general and former commander of U.S. forces in Korea
speaker JT = Jeremy Tan | Singaporean scholar at the Lee Institute of Asian Affairs
---
Envoy, U.S. adviser spar over military talks on Sunday shows
WASHINGTON (Wire) — The U.S. national security adviser and China’s ambassador to Washington offered sharply different accounts on Sunday of why the two countries’ militaries are barely speaking, in back-to-back television interviews that also showed how far apart the two sides remain.
National Security Adviser Paul Anders said in an interview broadcast Sunday morning that {i:PA:c:-|the United States had asked for military talks at least a dozen times this year and had been turned down or ignored each time}.
“{d:PA:c:-|We’re the ones calling. They’re the ones not answering. I don’t know how much clearer the record can be},” Anders said.
Asked whether the administration would offer anything to get the talks started, he said {i:PA:n:0|the United States would not change its policy on Taiwan or its sanctions in exchange for a meeting}.
He said {i:PA:o:+|he still believed the talks would resume}, and that {i:PA:o:+|President Lawson would press the issue with his Chinese counterpart at their next meeting}. “{d:PA:o:+|I’m an optimist about this one. Eventually the logic of it wins out, because nobody wants an accident that nobody can explain},” he said.
Appearing on another network an hour later, Chinese Ambassador Xu Lan said {i:XL:c:-|Washington could not expect normal military relations while it treated China as an adversary in everything else}.
“{d:XL:c:-|You cannot put sanctions on our defense minister and then invite him to dinner. That is not how respect works},” Xu said.
She said China was open to talks “{p:XL:o:+|on an equal footing}” but declined to say when a meeting might take place.
Xu also said {i:XL:n:-|recent U.S. restrictions on Chinese students were discriminatory}, a complaint she has raised repeatedly since arriving in Washington.
Sen. Diane Rowe, a Michigan Democrat on the Intelligence Committee, said in a separate interview that {i:DR:s:-|she doubted either side was ready for serious talks}. “{d:DR:s:-|I hear a lot of both sides saying the door is open. I don’t see anybody walking through it},” she said.
Rowe said {i:DR:s:0|she supported the administration’s efforts but expected little before next year’s elections in both Taiwan and the United States}.
Retired Gen. Kevin O’Malley, a former commander of U.S. forces in Korea, said {i:KO:o:+|his own experience showed that contacts between officers could defuse a crisis}.
“{d:KO:o:+|In 2016 I had a Chinese general’s mobile number because we had sat next to each other at a conference. One night I used it. I won’t tell you what about, but I will tell you it helped},” O’Malley said.
He said {i:KO:c:-|Beijing was making a mistake by treating those contacts as a favor it could withdraw}.
Jeremy Tan, a Singaporean scholar at the Lee Institute of Asian Affairs, said {i:JT:s:-|the interviews showed each side was speaking mainly to audiences at home}.
“{d:JT:s:-|Both of them were very polite and very firm, which usually means nothing is going to move for a while},” Tan said.
