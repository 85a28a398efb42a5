id: dev_05_opinion
split: dev
style: partisan opinion-laden piece
speaker GB = Garrett Bolling | Republican senator from Montana
speaker LF = Lydia Fenwick | Democratic senator from Oregon
speaker TK = Thaddeus Krall | former national security adviser to a Republican governor
speaker WH = White House |
---
Another Beijing Charm Offensive, Another American Cave-In
The administration wants you to believe that a phone call between generals is a triumph of statecraft. It is not.
Sen. Garrett Bolling of Montana put it bluntly on the Senate floor this week. “{d:GB:c:-|We are rewarding Beijing for hanging up the phone. They cut the lines, they harass our pilots, and we send flowers},” Bolling said.
Bolling said {i:GB:c:-|the administration had quietly delayed a weapons package for Taiwan to win the Chinese military’s agreement to a single call}. The White House denied that {i:WH:n:0|any such delay had taken place}.
“{d:GB:c:-|If that is not a concession, I do not know what the word means},” he said.
Thaddeus Krall, who advised a Republican governor on national security, called the talks “{p:TK:c:-|theater for people who have never negotiated with a Leninist party.}”
“{d:TK:s:-|They will agree to talk about talking. They will never agree to anything that constrains the People’s Liberation Army},” Krall said. “{d:TK:s:-|Ask anyone who sat across the table from them in the last thirty years.}”
Krall said {i:TK:c:-|the Pentagon’s own officials had been too eager to declare victory after every meeting}.
Not everyone in Washington shares the gloom, of course. Sen. Lydia Fenwick, an Oregon Democrat, argued that {i:LF:o:+|talking to an adversary was not a favor to the adversary}.
“{d:LF:o:+|You talk to your rivals precisely because they are your rivals. That is how you keep a close call from becoming a war},” Fenwick said.
Fenwick said {i:LF:o:+|she expected the call to lead to a resumption of regular theater-level talks within months}.
“{d:LF:c:-|My colleagues who call this a cave-in should explain what their alternative is. Silence? We tried silence. It gave us a collision over the Pacific},” she said.
That is a fair question, and it deserves an answer. The answer is that dialogue is only worth having when the other side wants it too, and Beijing has shown again and again that it does not.
The White House said in a statement that {i:WH:o:+|the call reflected the president’s commitment to responsible management of competition with China}.
Bolling was unmoved. “{d:GB:s:-|Responsible management. I have heard that phrase for ten years. Show me one thing it has produced},” he said.
