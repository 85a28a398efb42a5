id: dev_24_wire_accusations
split: dev
style: wire copy with off-topic accusations
speaker NB = Nathan Brooks | U.S. deputy secretary of state
speaker YH = Yao Hongwei | spokesman for the Chinese Ministry of Foreign Affairs
speaker CK = Caroline Keane | Republican senator
speaker OF = Omar Farouk | senior fellow at the Westlake Center for Asian Security
speaker DOD = U.S. Department of Defense |
speaker OFF = officials |
---
Defense talks go ahead despite new sanctions row between Washington and Beijing
WASHINGTON (Wire) — {i:OFF:n:0|U.S. and Chinese defense officials will hold a video conference next week as planned}, officials said, even as the two governments traded accusations over sanctions, cyberattacks and Taiwan.
The Pentagon said in a statement that {i:DOD:n:0|the video conference between deputy defense ministers would take place on Tuesday and would focus on crisis communication}.
Deputy Secretary of State Nathan Brooks said on Thursday that {i:NB:n:-|Chinese state hackers had broken into the email accounts of officials at three federal agencies}.
“{d:NB:n:-|This was a deliberate and reckless intrusion, and we will respond at a time and in a manner of our choosing},” Brooks said.
Brooks said {i:NB:o:+|the dispute would not derail the defense talks, which he called essential to preventing an accident between the two militaries}.
In Beijing, foreign ministry spokesman Yao Hongwei said {i:YH:n:-|the hacking accusations were a smear campaign by a country that spied on the whole world}.
“{d:YH:n:-|The sanctions announced by the U.S. side on Chinese companies are illegal and unilateral. China will take all necessary measures to protect the rights of its firms},” Yao said.
Yao said {i:YH:c:-|the U.S. side should not think it could impose sanctions one day and ask for military dialogue the next}.
Sen. Caroline Keane, a Republican, said {i:CK:n:-|Beijing’s pressure on Taiwan had grown every month for two years}.
“{d:CK:c:-|And our answer is to schedule another video call with the People’s Liberation Army. They must be laughing at us},” Keane said.
Omar Farouk, a senior fellow at the Westlake Center for Asian Security, said {i:OF:o:+|keeping the defense talks separate from the quarrels over sanctions and hacking was exactly right}.
“{d:OF:s:-|The trouble is that Beijing has never agreed to keep them separate. When the next quarrel is big enough, the call will be cancelled},” Farouk said.
Farouk said {i:OF:n:-|the cyber intrusion was among the most serious of the past decade}.
