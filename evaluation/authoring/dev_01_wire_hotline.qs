id: dev_01_wire_hotline
split: dev
style: wire copy
speaker DW = Dana Whitcombe | U.S. deputy assistant secretary of defense for East Asia
speaker TH = Tian Haoran | Chinese Defense Ministry spokesman
speaker RE = Ruth Ellery | Republican member of the House Armed Services Committee
speaker KO = Kenji Okabe | senior fellow at the Harbor Strait Institute
speaker OFF = a U.S. defense official |
---
WASHINGTON (Wire) — U.S. and Chinese defense officials will hold their first working-level video call in more than a year next week, a modest step that both governments described in sharply different terms on Tuesday.
Dana Whitcombe, the U.S. deputy assistant secretary of defense for East Asia, said {i:DW:o:+|the call was a sign that the two militaries could rebuild channels that had gone quiet}.
“{d:DW:o:+|This is the first brick, not the whole wall. But you have to lay the first brick},” Whitcombe told reporters at the Pentagon.
She said {i:DW:o:0|the agenda would cover maritime safety procedures and the rules for unplanned encounters at sea}.
“{d:DW:o:+|We expect to come out of this with a date for the next round},” she added.
In Beijing, Defense Ministry spokesman Tian Haoran said {i:TH:c:-|any progress depended on Washington ending what he called provocative naval patrols near Chinese waters}.
“{d:TH:c:-|The door to dialogue has never been closed by the Chinese side. It is the U.S. side that keeps sending warships to our doorstep},” Tian said at a monthly news briefing.
He said {i:TH:n:0|the Chinese delegation would be led by an officer from the Central Military Commission’s international cooperation office}.
Analysts were divided on whether the call would lead anywhere.
“{d:KO:s:-|I have watched three of these restarts in ten years, and each one ended the first time a ship came too close to another},” said Kenji Okabe, a senior fellow at the Harbor Strait Institute. “{d:KO:s:-|Nobody should confuse a video call with a hotline that actually gets answered in a crisis.}”
Okabe said {i:KO:s:-|the Chinese military had little incentive to commit to rules that would limit its options around Taiwan}.
On Capitol Hill, Rep. Ruth Ellery, a Republican member of the House Armed Services Committee, called the call “{p:RE:c:-|a photo opportunity dressed up as diplomacy.}”
“{d:RE:c:-|Every time we beg for a meeting, Beijing names a new price. The administration keeps paying it},” Ellery said in a statement.
She urged {i:RE:c:-|the Pentagon to refuse any concession on patrols in exchange for talks}.
A U.S. defense official, who spoke on condition of anonymity to discuss internal planning, said {i:OFF:n:0|the call would last about two hours and would be conducted in both languages with interpreters}.
The official said {i:OFF:o:+|both sides had already exchanged draft agendas, which he described as a good sign}.
The two militaries have not held a senior-level meeting since early last year. Whitcombe said {i:DW:o:+|she hoped a meeting between defense chiefs could follow before the end of the year}, but she declined to give a date.
“{d:DW:n:0|I am not going to get ahead of the process},” she said.
