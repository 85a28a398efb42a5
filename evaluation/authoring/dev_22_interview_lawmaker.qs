id: dev_22_interview_lawmaker
split: dev
style: Q&A interview with a legislator
speaker DR = Diane Rutherford | Democratic member of the House Armed Services Committee
---
Interview: A lawmaker who has changed her mind on talking to China’s military
Rep. Diane Rutherford, a Democrat who sits on the House Armed Services Committee, once called military talks with Beijing a waste of time. She spoke to us after returning from a congressional visit to the region. Rutherford, who represents a district with a large naval shipyard, has visited the region four times since joining the committee. The interview has been condensed.
Q: You were a critic of these talks. What changed?
RUTHERFORD: {d:DR:o:+|I went out on a destroyer and listened to the crew describe the intercepts. Those sailors want the two sides talking. If the people taking the risk want the channel, I am not going to argue with them.}
Q: Do you think the talks will actually reduce those intercepts?
RUTHERFORD: {d:DR:s:0|Honestly, I do not know. The evidence from past rounds is mixed at best, and I have not seen anything yet that tells me this round will be different.}
Q: Some of your colleagues say the administration paid too high a price.
RUTHERFORD: {d:DR:c:-|Some of them have a point. Announcing a call between two generals as if it were a peace treaty was a mistake. It tells Beijing that we want this more than they do.}
Q: What about Beijing’s record of cutting the channels off?
RUTHERFORD: {d:DR:c:-|It is reckless. You do not turn off a safety line because you are upset about an arms sale. The Chinese leadership knows that, and does it anyway.}
Q: What would you like to see from the next meeting?
RUTHERFORD: {d:DR:o:+|A fixed calendar. Calls every quarter, whatever the weather in the relationship. If we can get that written down, I will be the first to say it was worth it.}
Q: Are you planning another trip?
RUTHERFORD: {d:DR:n:0|In the spring, if the committee’s schedule allows. We are still working out the dates.}
