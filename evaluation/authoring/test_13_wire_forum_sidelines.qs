id: test_13_wire_forum_sidelines
split: test
style: wire copy in real-wire manner: a partial quote inside the reporter's clause, state media quoting a minister, the report's own words, an anonymous briefer with two coordinated clauses, a third-country off-topic complaint, an analyst
speaker HA = Martin Hale | U.S. Defense Secretary
speaker LW = Liang Wei | Chinese Defense Minister
speaker XH = Xinhua | China’s state news agency
speaker SB = a senior U.S. defense official |
speaker FC = Fiona Calder | Australian Defence Minister
speaker TD = Tran Minh Duc | Vietnamese Deputy Defense Minister
speaker RP = Ravi Prakash | researcher at the Straits Centre for Defence Studies in Singapore
---
Defense chiefs trade barbs at Singapore forum but leave door ajar
SINGAPORE (Wire) — U.S. Defense Secretary Martin Hale and Chinese Defense Minister Liang Wei met for 40 minutes on the sidelines of a regional security forum on Saturday, hours after exchanging pointed criticism from the conference stage.
Hale told the forum that China’s refusal to answer calls during recent encounters at sea was “{p:HA:c:-|irresponsible and dangerous}.”
“{d:HA:o:+|We will keep the door open, and we will keep knocking. Our offer of regular talks between commanders stands, today and tomorrow},” Hale said in his speech.
Liang, in his own address, said {i:LW:c:-|the United States was the biggest source of instability in the Asia-Pacific and could not expect cooperation from China’s military while it armed Taiwan}.
After their meeting, China’s state news agency Xinhua quoted Liang as saying that {i:LW:o:0|the two militaries should maintain communication and avoid misjudgment}. The Xinhua report said {i:XH:n:0|the two ministers had exchanged views on Taiwan, the South China Sea and other issues}.
A senior U.S. defense official who briefed reporters after the meeting said {i:SB:o:0|Hale had proposed resuming talks between theater commanders within three months}, and that {i:SB:n:0|Liang had listened but not given an answer}.
“{d:SB:o:+|It was a real conversation, not an exchange of talking points. That is more than we had a year ago},” the official said.
Australian Defence Minister Fiona Calder said {i:FC:o:+|she was encouraged that the two ministers had met at all}.
“{d:FC:o:+|Every country in this room is safer when those two militaries are talking},” Calder told reporters.
Vietnamese Deputy Defense Minister Tran Minh Duc said {i:TD:n:-|Chinese survey ships had operated inside Vietnam’s exclusive economic zone for much of the past month}.
Ravi Prakash, a researcher at the Straits Centre for Defence Studies in Singapore, said {i:RP:s:0|the meeting was the kind of gesture both sides made before a leaders’ summit, and revealed little about whether working-level talks would follow}.
“{d:RP:s:-|We have seen this film before. A handshake in Singapore, then silence until the next crisis},” Prakash said.
