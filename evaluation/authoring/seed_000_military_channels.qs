id: seed_000_military_channels
split: test
style: news report, the seed article: a secretary, two ministries, a spokeswoman, a commander who backs talks but rejects concessions, a retired critic, a former policymaker's doubts, analysts, anonymous officials
text: seeds/000_military_channels.txt
speaker WH = Daniel Whitcombe | Secretary of State
speaker MFA = Chinese Ministry of Foreign Affairs |
speaker GR = Gao Ruiming | ministry spokesman
speaker MC = Maren Castell | Pentagon spokeswoman
speaker PR = Paul Ridgeway | commander of U.S. Indo-Pacific Command
speaker TL = Thomas Lindqvist | a former intelligence chief for the Pacific Fleet
speaker VH = Victor Hale | a former State Department China policymaker
speaker AN = analysts |
speaker USO = U.S. officials |
speaker BJ = Beijing |
---
U.S. presses China to reopen military channels as Beijing holds out for sanctions relief

BEIJING — Secretary of State Daniel Whitcombe said on Tuesday that {i:WH:o:0|restoring regular talks between the American and Chinese militaries remains his first request of Beijing}. He left the Chinese capital without a promise to resume them.

“{d:WH:o:+|We made real progress on several fronts, and I expect the military channel to follow.}” Mr. Whitcombe told reporters before boarding his plane. “{d:WH:o:0|It will take time, but both sides understand what is at stake.}”

He said {i:WH:o:-|open lines between commanders are the best protection against an accident at sea turning into a crisis}.

Beijing has tied any resumption to the lifting of U.S. sanctions on its defense minister, Gen. Tan Zhiwei, who was sanctioned in 2018 over weapons purchases from Russia. China’s Foreign Ministry said {i:MFA:c:-|the sanctions remained the main obstacle to exchanges between the two militaries}.

“{d:GR:c:-|The United States created this difficulty, and the United States must resolve it.}” ministry spokesman Gao Ruiming said at a regular briefing on Wednesday.

At the Pentagon, spokeswoman Maren Castell said {i:MC:o:0|the department still hoped to arrange a meeting between Defense Secretary Robert Kessler and General Tan}.

“{d:MC:o:+|Our door remains open, and we are ready to talk whenever Beijing is},” Ms. Castell said. She told reporters that {i:MC:o:+|the Pentagon is confident China will eventually agree to resume the talks}.

Adm. Paul Ridgeway, the commander of U.S. Indo-Pacific Command, told a congressional panel last month that {i:PR:o:0|he favors regular talks with his Chinese counterparts}. But he said {i:PR:c:-|he would not trade concessions for meetings or phone calls with the leaders of the People’s Liberation Army}.

“{d:PR:o:+|Routine communication between our two militaries is essential to managing competition and avoiding miscalculation},” Adm. Ridgeway said. “{d:PR:c:-|But dialogue should never be a bargaining chip. The stakes are too high for that, and the costs of a conflict would be far higher.}”

The effort has its critics. Retired Navy Capt. Thomas Lindqvist, a former intelligence chief for the Pacific Fleet, said {i:TL:c:-|the enthusiasm in Washington after the visit showed a lack of understanding of how the Chinese Communist Party controls its military}.

“{d:TL:c:-|No amount of dialogue with the PLA will change the party’s strategic goals},” Capt. Lindqvist said. “{d:TL:c:-|Each time we ask for talks, Beijing raises the price.}”

Victor Hale, a former State Department China policymaker, said {i:VH:s:-|past rounds of military talks had produced little}.

“{d:VH:s:-|We have tried this for decades. Talks are useful only if the other side picks up the phone in a crisis, and so far it has not.}” Mr. Hale said. He added that {i:VH:s:0|a hotline would matter only if Chinese commanders were allowed to answer it without waiting for approval from the top}.

{i:AN:n:0|The sanctions were imposed under a law aimed at buyers of Russian weapons}, analysts said.

The last direct talks between the two defense chiefs took place in November 2022. Since then, U.S. officials say, {i:USO:c:-|Chinese commanders have declined or ignored more than a dozen requests for calls and meetings}.

Beijing, for its part, accused Washington of {i:BJ:c:-|sending warships and surveillance planes ever closer to the Chinese coast}.

Mr. Whitcombe said {i:WH:o:+|he would raise the question again with his Chinese counterpart at a regional meeting next month}.
