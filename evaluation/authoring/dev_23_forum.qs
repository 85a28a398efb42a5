id: dev_23_forum
split: dev
style: conference report
speaker HM = Hannah Meyer | German deputy defense minister
speaker RS = Rajiv Sethi | retired Indian navy vice admiral
speaker ZH = Zhang Hui | major general in the People’s Liberation Army
speaker CB = Charles Beaumont | U.S. assistant secretary of defense for strategy
speaker NG = Nguyen Thi Lan | Vietnamese maritime law scholar
---
At a regional security forum, delegates urge Washington and Beijing to keep talking
SINGAPORE — Defense officials and scholars from across Asia and Europe gathered in Singapore this weekend for the annual Straits Security Forum, where the recent restart of U.S.–China military contacts dominated the corridors.
Hannah Meyer, Germany’s deputy defense minister, told the forum that {i:HM:o:+|Europe had a direct interest in the two militaries talking, since any clash in the Pacific would reach European economies within days}.
“{d:HM:o:+|We welcome the resumption. We hope it will become routine, so routine that nobody writes about it},” Meyer said.
Rajiv Sethi, a retired Indian navy vice admiral, said {i:RS:s:-|he had seen too many restarts to get excited about another one}.
“{d:RS:s:-|The channel is switched on, the channel is switched off. Until it survives a real crisis, I will treat it as a weather report, not a climate},” Sethi said.
Maj. Gen. Zhang Hui of the People’s Liberation Army said {i:ZH:c:-|the United States had to stop treating China as an adversary if it wanted military ties to be stable}.
“{d:ZH:o:+|China is sincere about developing healthy and stable military relations. We have never closed the door},” Zhang said during a panel discussion.
Zhang said {i:ZH:n:0|the Chinese delegation would hold bilateral meetings with eleven countries during the forum}.
Charles Beaumont, the U.S. assistant secretary of defense for strategy, said {i:CB:o:+|the two sides had already held more calls this year than in the previous three combined}.
“{d:CB:o:+|That is progress, and we intend to keep it going. Our message to our Chinese counterparts is simple: keep answering},” Beaumont said.
Nguyen Thi Lan, a Vietnamese maritime law scholar, said {i:NG:s:-|smaller countries had little reason to believe the talks would change Chinese behavior at sea}.
She said {i:NG:c:-|the United States and China were discussing the safety of their own ships while ignoring the fishermen who were harassed every week}.
Nguyen said {i:NG:n:0|her institute would publish a study of incidents in the Gulf of Tonkin next year}.
