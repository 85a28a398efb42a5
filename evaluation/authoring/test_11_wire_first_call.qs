id: test_11_wire_first_call
split: test
style: wire copy in real-wire manner: dateline, press secretary with two coordinated clauses, ministry statement, briefing spokesman, anonymous official, a lawmaker's fragment, an analyst, a third-country official with said … but added that
speaker MR = Megan Rourke | Pentagon press secretary
speaker MND = Chinese Ministry of National Defense |
speaker ZH = Zhang Heng | spokesman for China’s Ministry of National Defense
speaker AD = a U.S. defense official |
speaker CV = Carl Vandermeer | Ohio Republican on the House Armed Services Committee
speaker ST = Sunita Thakur | senior fellow at the Harbor Institute for Security Studies
speaker LP = Luis Padilla | Philippine defense undersecretary
speaker DOD = U.S. Department of Defense |
---
U.S., Chinese defense chiefs hold first call in 14 months
WASHINGTON (Wire) — The U.S. and Chinese defense chiefs spoke by video on Thursday for the first time in 14 months, a call both governments described as candid but which produced no agreement on resuming the regular military talks Washington has sought since last year.
Pentagon press secretary Megan Rourke told reporters that {i:MR:n:0|the hour-long call had covered a wide range of issues} and that {i:MR:o:0|Secretary Martin Hale had pressed for a regular schedule of talks between theater commanders}.
“{d:MR:o:+|This was a step, and we want the next one to come quickly. Open lines between our militaries are how you keep a bad day from becoming a catastrophe},” Rourke said.
She said {i:MR:n:0|the Chinese side had not committed to any date}.
China’s Ministry of National Defense said in a statement that {i:MND:c:-|the United States must stop its provocations in the Taiwan Strait and the South China Sea if it wanted military relations to improve}.
Asked at a monthly briefing whether the call signaled a return to regular talks, ministry spokesman Zhang Heng said {i:ZH:o:0|the two ministers had agreed to keep in communication}.
“{d:ZH:c:-|Whether exchanges can go further depends entirely on whether the U.S. side shows sincerity and stops saying one thing and doing another},” Zhang said.
A U.S. defense official, who spoke on condition of anonymity to describe the private exchange, said {i:AD:s:-|Defense Minister Liang Wei had spent much of the call reading from prepared remarks and had not engaged with the proposal for commander-level talks}.
“{d:AD:s:0|It was better than no call. I wouldn’t go further than that},” the official said.
Rep. Carl Vandermeer, an Ohio Republican on the House Armed Services Committee, called the call “{p:CV:c:-|a photo opportunity for Beijing}.”
“{d:CV:c:-|Every time we ask for a meeting, Beijing gets to decide what we pay for it. We should stop asking and start showing up in the strait},” he said.
Sunita Thakur, a senior fellow at the Harbor Institute for Security Studies in Washington, said {i:ST:s:0|the call was unlikely to lead quickly to regular talks because neither government wanted to be seen giving ground}.
“{d:ST:s:0|A call is not a channel. A channel is when the colonel on duty picks up at two in the morning, and we are a long way from that},” she said.
In Manila, Philippine Defense Undersecretary Luis Padilla said {i:LP:o:+|his government welcomed any contact that lowered the risk of an accident at sea}, but added that {i:LP:n:-|Chinese coast guard vessels had blocked two Philippine resupply missions this month}.
The last round of talks between the two countries’ theater commanders took place more than two years ago. The Pentagon said {i:DOD:n:0|Hale would attend a regional security conference in Singapore next month}, where a meeting with Liang was possible but had not been scheduled.
