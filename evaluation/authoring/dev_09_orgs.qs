id: dev_09_orgs
split: dev
style: organisations and anonymous officials as speakers
speaker DOD = U.S. Department of Defense |
speaker MFA = Chinese Ministry of Foreign Affairs |
speaker SO = a senior U.S. administration official |
speaker DIP = an Asian diplomat |
speaker TWN = Taiwan’s Ministry of National Defense |
speaker EX = experts |
---
Pentagon says Chinese military accepts first call in months
WASHINGTON — The Pentagon said on Friday that {i:DOD:o:+|China’s military had accepted a proposal for a call between the two countries’ top uniformed officers}, ending a months-long freeze in contacts.
In a statement, the Defense Department said {i:DOD:o:+|the call would take place in the coming weeks and would focus on reducing the risk of misunderstanding}. “{d:DOD:o:+|Open lines of communication are essential, especially when tensions are high},” the statement said.
A senior U.S. administration official, who briefed reporters on condition of anonymity, said {i:SO:o:+|the agreement came after several weeks of quiet contacts between the two capitals}. The official said {i:SO:c:-|Beijing had previously turned down four separate requests for calls since last spring}.
“{d:SO:c:-|They used the calls as a way of signaling displeasure. We have told them that is not how responsible militaries behave},” the official said.
China’s Foreign Ministry struck a cooler tone. “{d:MFA:c:-|The U.S. side should take concrete actions to correct its mistakes rather than simply asking for dialogue},” the ministry said in response to a question.
The ministry said {i:MFA:o:0|China was open to communication with the United States on the basis of equality and mutual respect}.
An Asian diplomat based in Beijing, who asked not to be named because he was not authorized to speak publicly, said {i:DIP:s:-|Chinese officials had privately described the call as a courtesy rather than the start of regular talks}.
“{d:DIP:s:-|Nobody here is talking about a new chapter. They are talking about one phone call},” the diplomat said.
Taiwan’s Ministry of National Defense said {i:TWN:n:0|it was monitoring Chinese military activity around the island as usual}. It did not comment directly on the call.
Experts cautioned against reading too much into a single conversation. Many experts say {i:EX:s:-|previous calls between top officers have done little to change the behavior of pilots and ship captains in the field}.
The Pentagon said {i:DOD:n:0|it would release a readout after the call}.
