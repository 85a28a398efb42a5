id: test_06_qa
split: test
style: Q&A transcript
speaker TO = Tobias Okonkwo | former deputy commander of U.S. Pacific Fleet
---
‘The Silence Is the Signal’: An Interview With a Former Fleet Commander
Retired Vice Adm. Tobias Okonkwo was deputy commander of the U.S. Pacific Fleet during two periods when Chinese military leaders refused to take American calls. He talked with us about what the current push to restore those channels can achieve.
Q: Are you encouraged by the news that the two militaries are talking again?
OKONKWO: {d:TO:o:+|Encouraged, yes. Talking is always better than not talking. But I have been encouraged before.}
Q: What happened the last time?
OKONKWO: {d:TO:c:-|The last time, we had a beautiful agreement on paper, and the first time it was tested, the Chinese side simply stopped answering. The silence is the signal. They use it deliberately.}
Q: So why bother?
OKONKWO: {d:TO:o:+|Because the alternative is worse. A call that sometimes goes unanswered is still better than no number to call at all. And every meeting builds relationships that can matter later.}
Q: What should the U.S. avoid this time?
OKONKWO: {d:TO:c:-|Paying for meetings. We should never change an exercise schedule or delay a patrol to get a meeting. The moment we do that, the meeting becomes a product they sell us.}
Q: Do you think Beijing wants these talks?
OKONKWO: {d:TO:s:-|Parts of their system do. The people who make the final decision, I am less sure. They see the talks as something Washington needs more than they do.}
Q: How long will this round last?
OKONKWO: {d:TO:s:-|Until the next crisis. I hope I am wrong about that, but the pattern is very consistent.}
Q: Is there anything that would change the pattern?
OKONKWO: {d:TO:o:+|An agreement that both sides announce publicly, with a commitment to keep military channels open no matter what else happens. That would raise the cost of walking away.}
Q: Last question. What do you miss about the job?
OKONKWO: {d:TO:n:+|The sailors. Always the sailors.}
