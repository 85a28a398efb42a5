id: dev_26_wire_ministers_call
split: dev
style: long wire story with partial quotes and hedged experts
speaker HB = Harold Brennan | U.S. defense secretary
speaker ZK = Zhang Kai | spokesman for the Chinese Ministry of National Defense
speaker MO = Margaret Osei | Republican senator and member of the Senate Armed Services Committee
speaker LW = Lionel Whitaker | former U.S. ambassador to China
speaker CR = Claire Rutherford | Australian defense minister
speaker SO = Samuel Otieno | senior fellow at the Ridgeway Center for Strategic Studies
speaker DOD = U.S. Department of Defense |
speaker USO = U.S. officials familiar with the preparations |
---
U.S., Chinese defense chiefs speak for first time in six months; Pentagon calls talk “{p:DOD:o:+|candid}”
WASHINGTON (Wire) — U.S. Defense Secretary Harold Brennan spoke by video with his Chinese counterpart on Friday for the first time in six months, a conversation the Pentagon described as “{p:DOD:o:+|candid and constructive}” and which both sides said could open the way to more regular contacts between their militaries.
{i:USO:n:0|The call, which lasted about 90 minutes, came after weeks of negotiation over its timing and agenda}, according to U.S. officials familiar with the preparations.
In a statement after the call, the Pentagon said {i:DOD:n:0|the two ministers had discussed the situation on the Korean Peninsula, the war in Ukraine and the safety of military aircraft and ships operating near each other}.
Brennan told reporters at the Pentagon that {i:HB:o:+|he had proposed that the two militaries restart their annual defense policy talks and set up a standing working group on maritime incidents}, and that {i:HB:o:+|his counterpart had agreed to study the proposals}.
“{d:HB:o:+|I am not going to pretend that one call changes the relationship. It does not. But I have said from the first day in this job that the worst time to look for a phone number is in the middle of a crisis, and today we have a working line again. I intend to use it},” Brennan said.
Brennan said {i:HB:c:-|he had also raised what he called a pattern of dangerous intercepts by Chinese fighter jets over the East China Sea}, and told his counterpart that {i:HB:c:-|the behavior was unacceptable}.
China’s defense ministry spokesman, Senior Col. Zhang Kai, said in a statement that {i:ZK:o:+|the two sides had agreed to maintain communication} and that {i:ZK:o:+|China valued a stable military relationship with the United States}.
But Zhang also said {i:ZK:c:-|the United States bore responsibility for the long freeze in military contacts because of its arms sales to Taiwan and its sanctions on Chinese defense officials}. “{d:ZK:c:-|If the U.S. side truly wants communication, it should stop doing things that poison the atmosphere and then asking why the Chinese side is not in the mood to talk},” Zhang said.
Sen. Margaret Osei, a Republican member of the Armed Services Committee, said {i:MO:c:-|the administration had been too eager for the call and had dropped a demand that Beijing explain the intercepts before any talks took place}.
“{d:MO:c:-|We asked for an explanation. We got a video call instead, and we said thank you. That is not how you deal with a military that is testing you every week},” Osei said in an interview.
Osei said {i:MO:n:0|she would hold a hearing on the intercepts next month}.
Lionel Whitaker, a former U.S. ambassador to China, was doubtful that the call would change much. “{d:LW:s:-|I have watched a dozen of these calls. They produce a readout, sometimes a working group, and then the next political storm blows them away. I would be happy to be surprised, but I have not been surprised yet},” he said.
Whitaker said {i:LW:s:-|the deeper problem was that neither side’s leadership saw much to gain from a close military relationship, which meant any agreements would stay thin}.
Samuel Otieno, a senior fellow at the Ridgeway Center for Strategic Studies, was more hopeful. He said {i:SO:o:+|the fact that the call had taken place at all, after months of refusals, suggested Beijing had decided that a complete freeze no longer served its interests}.
“{d:SO:o:+|I would describe myself as cautiously optimistic. The incentives have shifted a little on both sides, and a little is often all you need to get the working-level talks going again},” Otieno said.
He cautioned that {i:SO:s:-|the working group Brennan proposed could take a year or more to produce anything concrete}.
In Canberra, Australian Defense Minister Claire Rutherford said {i:CR:o:+|her government welcomed the call and had urged both sides for some time to keep their militaries talking}.
“{d:CR:o:+|Every country in this region is safer when the two largest militaries in the world can pick up the phone to each other},” Rutherford said.
