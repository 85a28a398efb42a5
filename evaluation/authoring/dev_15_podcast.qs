id: dev_15_podcast
split: dev
style: podcast transcript with two guests
speaker EO = Eleanor Osei | former State Department negotiator
speaker WZ = Wang Zhiyuan | research fellow at the Harbor Institute for International Studies in Shanghai
---
Crosscurrents, episode 112: Two views on the military hotline
This week’s episode brings together Eleanor Osei, a former State Department negotiator, and Wang Zhiyuan, a research fellow at the Harbor Institute for International Studies in Shanghai. The transcript has been edited for clarity.
Q: Let’s start simply. Are the military talks back for good?
OSEI: {d:EO:s:-|For good? No. Back for now, yes. Nothing in this relationship is for good, and the military channel is always the first thing to go when the politics sour.}
WANG: {d:WZ:o:+|I am a little more hopeful than Eleanor. Both leaderships have said in public that they want the channels to work. That public commitment makes it harder to walk away.}
Q: Why does the military channel get cut first?
WANG: {d:WZ:c:-|Because the United States keeps doing things that make it impossible to carry on as if nothing happened. Arms sales, close-in reconnaissance. China cannot reward that with business as usual.}
OSEI: {d:EO:c:-|With respect, that is the problem in one sentence. Beijing treats a safety line as a favour it can withdraw. You do not switch off the smoke alarm because you are angry with your neighbour.}
Q: What would a good outcome look like a year from now?
OSEI: {d:EO:o:+|Regular calls at the theater level, a working group on air intercepts that actually meets, and one crisis, a small one, handled by phone instead of by press release. That would be real progress, and I think it is within reach.}
WANG: {d:WZ:o:+|I agree with that list. I would add more exchanges between young officers. The people who will run these militaries in twenty years should know each other.}
Q: And a bad outcome?
WANG: {d:WZ:s:-|That we hold three meetings, issue three statements, and nothing changes in the air or at sea. I admit that has happened before.}
Q: Last question. What are you both reading?
OSEI: {d:EO:n:+|A history of the Congress of Vienna. Diplomats complaining about each other two hundred years ago is strangely comforting.}
WANG: {d:WZ:n:0|A biography of a Qing dynasty admiral, partly for work.}
