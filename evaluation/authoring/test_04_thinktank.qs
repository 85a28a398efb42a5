id: test_04_thinktank
split: test
style: think-tank analysis
speaker RA = Rafael Aldana | senior fellow at the Tidewater Center for Security Studies
speaker SV = Sigrid Vaaland | Norwegian researcher who studies Cold War military agreements
speaker ZM = Zhao Minghui | professor at a Beijing military university
speaker KB = Kwame Boateng | former U.S. Army attaché in Beijing
---
Can Military Talks Survive the Next Taiwan Crisis?
A Tidewater Center roundtable on the limits of U.S.-China defense dialogue
The roundtable convened four specialists to assess whether restored military channels between Washington and Beijing would hold up under pressure. Their answers ranged from guarded hope to deep doubt.
Rafael Aldana, a senior fellow at the Tidewater Center, opened by arguing that {i:RA:s:-|every previous set of channels had collapsed precisely when it was most needed}.
“{d:RA:s:-|We build these mechanisms in calm weather and they blow away in the first storm},” Aldana said. “{d:RA:o:+|That does not mean we stop building them. It means we build them to survive the storm.}”
Aldana proposed that {i:RA:o:+|the two sides agree in advance that military channels stay open even when political talks are suspended}.
Sigrid Vaaland, a Norwegian researcher who studies Cold War military agreements, said {i:SV:o:+|the Soviet and American navies kept their incidents-at-sea talks going through some of the worst years of the Cold War}.
“{d:SV:o:+|If Moscow and Washington could keep talking in 1983, Washington and Beijing can keep talking now},” Vaaland said.
Zhao Minghui, a professor at a military university in Beijing who joined by video, disputed the comparison. He said {i:ZM:c:-|the Soviet Union had accepted the American navy as a peer, while the United States today treats Chinese waters as its own backyard}.
“{d:ZM:c:-|You cannot ask China to sign rules that treat American warships off our coast as normal. That is not crisis management. That is surrender with paperwork},” Zhao said.
Zhao said {i:ZM:o:0|Chinese officers were nonetheless willing to discuss technical safety measures}.
Kwame Boateng, a former U.S. Army attaché in Beijing, said {i:KB:s:-|his experience suggested that the Chinese military would keep using talks as leverage}.
“{d:KB:c:-|Every time we asked for a meeting, there was a list of conditions. Stop the patrols. Stop the arms sales. Stop the congressional visits. The meeting itself became the concession},” Boateng said.
He said {i:KB:s:-|he saw little chance that a new set of channels would work better than the old ones}, but added that {i:KB:o:+|he still supported trying}.
Aldana said {i:RA:n:0|the roundtable’s full recommendations would be published next month}.
