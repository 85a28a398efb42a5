id: dev_06_qa
split: dev
style: Q&A transcript
speaker IH = Ingrid Halvorsen | retired U.S. Navy rear admiral and former defense attaché in Beijing
---
Q&A: A Former Attaché on Why the Generals Stopped Talking
Retired Rear Adm. Ingrid Halvorsen served as the U.S. defense attaché in Beijing for three years and later led the Navy’s office for engagement with the People’s Liberation Army. She spoke with us about the prospects for restoring military talks. The conversation has been edited for length.
Q: The two militaries have not held regular talks for more than a year. How worried should we be?
HALVORSEN: {d:IH:s:-|Worried enough to keep pushing, not so worried that we panic. I have been through three of these freezes. None of them ended quickly, and I do not expect this one to.}
Q: What does it take to end a freeze?
HALVORSEN: {d:IH:n:0|Usually a decision at the very top in Beijing. The People’s Liberation Army does not decide on its own to pick up the phone. It waits for the party leadership to signal that talking is useful again.}
Q: Is there anything Washington can do to speed that up?
HALVORSEN: {d:IH:o:+|Keep the invitations open and keep them concrete. Offer a date, a venue, an agenda. When the signal comes, you want to be ready the next morning, not six months later.}
Q: Some critics say the U.S. gives too much away just to get a meeting.
HALVORSEN: {d:IH:c:-|Some of that criticism is fair. We have at times announced a meeting as if it were an achievement in itself, and that teaches the other side that a meeting is worth a price. It should not be.}
Q: And the Chinese side? What do they get out of refusing?
HALVORSEN: {d:IH:c:-|Leverage, mostly. Cutting off talks costs them very little and lets them show displeasure without firing a shot. It is an old tactic and, frankly, an irresponsible one when ships and aircraft are operating this close.}
Q: You sound frustrated.
HALVORSEN: {d:IH:c:-|I am frustrated. I have sat in rooms where one phone call would have settled a dangerous misunderstanding, and the call never came.}
Q: When you were attaché, did the talks you took part in make any difference?
HALVORSEN: {d:IH:o:+|They did. Small things, mostly. A captain who had met his counterpart at a conference would radio him instead of turning on his fire-control radar. That is not nothing. Those small habits add up.}
Q: What would you tell the officers who will sit down at the next round?
HALVORSEN: {d:IH:o:+|Be patient and be specific. Ask for a schedule of quarterly calls and a working group on air intercepts. Bank every small agreement.}
Q: Will there be a next round this year?
HALVORSEN: {d:IH:s:0|I would not bet on it. I would like to be wrong.}
Q: Any lighter note to end on?
HALVORSEN: {d:IH:n:+|The dumplings at the attaché residence were excellent. I miss those.}
