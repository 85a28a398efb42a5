id: dev_17_briefing
split: dev
style: press briefing report
speaker XM = Xu Meiling | spokeswoman for the Chinese Ministry of Foreign Affairs
speaker DL = Derek Lowell | Pentagon press secretary
speaker AN = a senior U.S. defense official |
speaker CN = China |
speaker DOD = U.S. Department of Defense |
---
Military talks: Beijing points at Washington as the Pentagon waits for a reply
BEIJING — China said on Monday that {i:CN:c:0|the future of its military dialogue with the United States depended on Washington}, a day after the Pentagon said {i:DOD:o:0|it had proposed dates for a call between the two defense chiefs}.
The two defense chiefs have not spoken by telephone since the spring, when a series of close encounters between ships and aircraft near the Paracel Islands led each side to accuse the other of reckless behavior. Lower-level contacts between the two militaries have continued sporadically.
At a regular news briefing, foreign ministry spokeswoman Xu Meiling said {i:XM:c:-|the U.S. side should stop the words and deeds that undermine China’s sovereignty if it wanted the exchanges to go forward}.
“{d:XM:n:0|China’s position on military exchanges with the United States is consistent and clear},” Xu said.
Asked whether a call between the defense chiefs would take place this month, Xu said {i:XM:n:0|she had no information to release}.
“{d:XM:c:-|The present difficulties were not created by China. It was the United States that took the provocative steps first, and it must take the first steps to repair the damage},” she said.
In Washington, Pentagon press secretary Derek Lowell said {i:DL:o:+|the department had proposed several dates for a call and was waiting for a reply}.
“{d:DL:o:+|The invitation stands. We think the two defense chiefs should talk, and we are ready to do it this week},” Lowell told reporters.
Lowell said {i:DL:n:0|the secretary was traveling to Australia on Thursday for a long-planned visit}.
A senior U.S. defense official, speaking on condition of anonymity to discuss diplomatic exchanges, said {i:AN:s:-|the department did not expect an answer before the Chinese leadership’s meetings next month}.
“{d:AN:s:-|We have heard the word soon many times. Soon can mean a year},” the official said.
The official said {i:AN:c:-|China had used the suspension of the talks to signal anger over decisions that had nothing to do with the military relationship}.
