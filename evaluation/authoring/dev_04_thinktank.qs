id: dev_04_thinktank
split: dev
style: think-tank analysis
speaker HV = Helena Voss | director of the Asia security program at the Calder Foundation
speaker PR = Pavel Rudnik | former Pentagon China desk officer
speaker AL = Amara Lindqvist | professor of international relations at Westbury College
speaker CW = Chen Weiming | researcher at the Nanhai Institute for Strategic Studies
---
Why the Military Hotline Keeps Failing
A Calder Foundation analysis of crisis communication between Washington and Beijing
Since the first defense telephone link between the two countries was set up, the line has been used far less often than its architects hoped. In at least four crises, the Chinese side did not pick up at all.
Helena Voss, who directs the Asia security program at the Calder Foundation, argues that {i:HV:s:-|the problem is not technical but political}. In her view, the hotline works only when leaders on both sides already want to talk.
“{d:HV:s:-|A hotline is a tool for leaders who have decided to de-escalate. It cannot create that decision},” Voss writes in the report.
She notes that {i:HV:n:0|Chinese decision-making on military matters runs through the Central Military Commission, which rarely delegates authority to pick up a phone}.
Voss recommends that {i:HV:o:+|both governments pre-authorize a small set of officers to use the line without seeking approval during the first hour of a crisis}. “{d:HV:o:+|If we can fix the first hour, we can fix a great deal},” she writes.
Pavel Rudnik, a former Pentagon China desk officer, is more doubtful. He said {i:PR:s:-|Beijing had long treated the line as a reward to be granted when relations were good and withheld when they were bad}.
“{d:PR:s:-|We keep designing better phones. The phone was never the problem},” Rudnik said.
Rudnik said {i:PR:c:-|successive U.S. administrations had made the mistake of announcing each restart as a breakthrough, which only raised the price of the next one}.
Amara Lindqvist, a professor of international relations at Westbury College, offered a more hopeful reading of the record. She said {i:AL:o:+|the period after the last restart saw fewer unsafe intercepts than any year before it}.
“{d:AL:o:+|The data are noisy, but they point one way. When the generals talk, the pilots behave better},” Lindqvist said.
She cautioned, however, that {i:AL:s:-|a handful of good years was not proof that the pattern would hold under real stress}.
Chinese scholars see the record differently. Chen Weiming, a researcher at the Nanhai Institute for Strategic Studies, said {i:CW:c:-|the United States used the language of crisis management to legitimize a military presence that was itself the source of the crises}.
“{d:CW:c:-|Washington wants a seat belt so that it can drive faster},” Chen said.
He added that {i:CW:o:+|China was open to practical safety measures if they were not tied to a demand that China accept U.S. patrols as normal}.
The Calder report ends with eleven recommendations. Voss said {i:HV:o:+|the most important was a commitment by the two defense ministers to hold at least one call every quarter, regardless of the state of relations}.
