id: dev_16_roundup
split: dev
style: opinion roundup
speaker PD = Patricia Dunmore | columnist for the Harbor Ledger
speaker OA = Oliver Ashby | editor of the Meridian Review
speaker GF = Gu Fang | commentator for a state-run newspaper in Beijing
speaker NT = Nadia Toure | former Pentagon official and contributor to the Capital Forum
speaker HK = Hiroshi Kawabata | columnist for the Pacific Evening Post
---
What they are saying: the restart of U.S.–China military talks
A selection of commentary from across the spectrum
The agreement announced last week restores a defense policy dialogue, calls between theater commanders and the annual maritime safety consultations, all of which were suspended more than a year ago. Reaction in newspapers and journals on both sides of the Pacific has ranged from relief to scorn.
Patricia Dunmore, a columnist for the Harbor Ledger, argues that {i:PD:o:+|the restart is the most useful thing the two governments have done all year}. “{d:PD:o:+|Nobody should expect friendship. What we can expect is fewer surprises, and fewer surprises means fewer funerals},” she writes.
Oliver Ashby, editor of the Meridian Review, is scathing. He writes that {i:OA:c:-|the administration traded a pause in sanctions for a meeting that China will cancel the moment it suits it}. “{d:OA:c:-|This is not diplomacy. It is a subscription service, and Beijing sets the price},” Ashby writes.
Gu Fang, a commentator for a state-run newspaper in Beijing, writes that {i:GF:c:-|Washington talks about guardrails while building fences around China}. “{d:GF:c:-|The U.S. side must match its words with deeds if it wants its calls to be answered},” Gu writes.
Gu adds that {i:GF:o:+|stable military relations serve the interests of both peoples and of the world}.
Nadia Toure, a former Pentagon official writing for the Capital Forum, sounds a note of caution. She writes that {i:NT:s:-|the agreement says nothing about what happens when a crisis actually breaks out}. “{d:NT:s:-|The test of a hotline is not whether it rings on a quiet Tuesday. It is whether anyone picks up on the worst day of the year, and we have never passed that test},” Toure writes.
Hiroshi Kawabata, a columnist for the Pacific Evening Post, writes that {i:HK:s:-|Tokyo should not assume the talks will restrain Chinese activity near Japan’s southwestern islands}.
“{d:HK:n:0|The coast guard’s budget request for next year is the largest in its history},” he writes.
Kawabata adds that {i:HK:o:+|Japan should still encourage both sides to keep talking, since any channel is better than none}.
