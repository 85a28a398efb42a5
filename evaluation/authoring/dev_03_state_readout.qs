id: dev_03_state_readout
split: dev
style: state-media readout
speaker MND = Chinese Ministry of National Defense |
speaker ZL = Zhou Lanting | Chinese Defense Minister
speaker SP = Ren Jiahui | spokesperson of the Chinese Ministry of National Defense
speaker XIN = the state news agency |
---
BEIJING, March 14 (State News Agency) — {i:MND:n:0|Chinese Defense Minister Zhou Lanting held a video call with the U.S. Secretary of Defense on Thursday at the request of the U.S. side}, the Ministry of National Defense said.
According to a readout released by the ministry, Zhou stressed that {i:ZL:c:-|the U.S. side bears full responsibility for the current difficulties in relations between the two militaries}.
Zhou said {i:ZL:c:-|the Taiwan question is the core of China’s core interests and the first red line that must not be crossed in China-U.S. relations}.
“{d:ZL:c:-|The Chinese military will never allow any external force to interfere in China’s internal affairs},” Zhou was quoted as saying.
The minister said {i:ZL:o:+|China values military-to-military exchanges and is willing to maintain communication on the basis of mutual respect}, the readout said.
He also said {i:ZL:c:-|the U.S. side should stop its frequent close-in reconnaissance near China’s territorial airspace and waters, which seriously endangers the safety of Chinese personnel}.
“{d:ZL:o:+|Dialogue and consultation are the right way forward. Confrontation leads nowhere},” Zhou said.
The ministry said {i:MND:n:0|the two sides agreed to keep in contact through appropriate channels}.
At a regular news conference later on Thursday, ministry spokesperson Col. Ren Jiahui said {i:SP:c:-|the responsibility for the suspension of some exchanges lies entirely with the U.S. side}.
“{d:SP:c:-|The U.S. cannot on one hand sell advanced weapons to the Taiwan region and on the other hand ask for normal military exchanges. That logic does not hold},” Ren said.
Asked whether a face-to-face meeting between the two defense chiefs was planned, Ren said {i:SP:n:0|he had no information to release at this time}.
“{d:SP:o:+|We hope the U.S. side will work with China in the same direction and create conditions for the healthy development of military relations},” he said.
Ren said {i:SP:c:-|the U.S. side had repeatedly hyped the so-called “China military threat” to justify its own military expansion in the region}.
The state news agency said in a commentary on Friday that {i:XIN:o:+|the call showed that communication between the two militaries remains possible when the U.S. side shows sincerity}.
The commentary said {i:XIN:c:-|Washington must match its words with deeds}.
