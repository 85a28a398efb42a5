id: dev_02_feature_sailor
split: dev
style: long feature with multi-paragraph quotes
speaker MH = Marisol Hargrove | retired Navy commander who served on a destroyer in the South China Sea
speaker WZ = Wei Zhenyu | retired PLA Navy captain
speaker BA = Brendan Achebe | maritime law scholar at Corran University
---
THE LONG SILENCE
Marisol Hargrove still remembers the night the radio went quiet.
She was the executive officer of a destroyer sailing through the South China Sea when a Chinese frigate cut across the bow at less than two hundred yards. The bridge tried the emergency channel three times. Nobody answered.
“{d:MH:c:-|We had a procedure for that moment, and the procedure assumed somebody on the other end would pick up.
“It took us forty seconds to realize nobody would. Forty seconds is a very long time when two warships are that close.
“That silence was a choice. It was not a technical failure. Somebody in their chain of command decided that not answering sent a message.}”
Hargrove, now retired after twenty-two years in the Navy, has spent much of the last decade arguing that the two militaries need to talk far more than they do. She has testified before Congress twice.
She said {i:MH:o:+|the answer was not fewer contacts but many more of them, at every level from ship captains to theater commanders}.
“{d:MH:o:+|I know how it sounds. But I have seen what happens when the sailors on both sides know each other’s voices},” she said. “{d:MH:o:+|It is the cheapest insurance a navy can buy.}”
Not everyone who has stood on a bridge in those waters agrees.
Wei Zhenyu, a retired captain in the People’s Liberation Army Navy who now teaches at a naval academy in Dalian, said {i:WZ:c:-|American crews often mistook Chinese caution for hostility}.
“{d:WZ:c:-|The Americans come eight thousand miles to sail past our coast and then ask why our sailors do not greet them warmly},” Wei said in a phone interview. “{d:WZ:c:-|Talks about safety are fine. But the first safety measure is to stay home.}”
He said {i:WZ:s:-|he did not expect a new round of military talks to change much as long as the patrols continued}.
“{d:WZ:s:-|Both sides will read statements. Then the next incident will happen, and everyone will say the talks failed.
“I have seen this film before. I know the ending.}”
Brendan Achebe, who studies maritime law at Corran University, said {i:BA:n:0|the existing rules for unplanned encounters at sea were adopted by both navies more than a decade ago}.
“{d:BA:s:-|The rules exist on paper. What nobody can legislate is the willingness to use them when a captain is angry and the politics back home reward toughness},” he said.
Achebe said {i:BA:o:+|regular meetings between mid-level officers did help}, pointing to a period when incidents fell after the two navies held quarterly exchanges.
For Hargrove, the argument is personal.
“{d:MH:o:+|I want the young officer who has my old job to have a number she can call. And I want someone to answer it},” she said.
She paused, and then added: “{d:MH:s:-|I am not naive about it. I do not think it happens next year.}”
