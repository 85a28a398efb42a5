id: dev_30_analysis_window
split: dev
style: wire news analysis in the present tense, long appositives, scholars on both sides
speaker NP = Nadia Petrov | professor of security studies at Harwell University
speaker GX = Guo Xin | former Chinese defense attaché in Washington
speaker TB = Thomas Breyer | former Pentagon official for China policy
speaker LQ = Lin Qiao | researcher at the Center for Peace and Development Studies in Shanghai
speaker MH = Marcus Hale | Republican senator from Idaho
speaker USA = officials |
speaker WH = White House |
---
ANALYSIS: A narrow window for U.S.-China military talks, and little time to use it
WASHINGTON (Wire) — For the first time in more than a year, both Washington and Beijing are saying publicly that they want their militaries to talk again. Whether that turns into meetings, hotlines that work and officers who know each other is far less certain.
The White House says {i:WH:o:+|it has proposed a calendar of talks for the coming year, starting with a working-level meeting on maritime safety}.
Nadia Petrov, a professor of security studies at Harwell University who has advised three administrations on Asia, says {i:NP:s:0|the moment is real but fragile}. “{d:NP:o:+|The stars are lined up better than they have been in years. Both leaderships want a quiet few months, and military talks are the cheapest way to buy quiet},” she says.
She adds that {i:NP:s:-|the same alignment has come and gone before}, and that {i:NP:s:-|a single incident in the Taiwan Strait could close the window again}.
Guo Xin, a former Chinese defense attaché in Washington who now writes commentary for Chinese outlets, says {i:GX:c:-|Beijing’s caution is a reaction to years of U.S. pressure}. “{d:GX:c:-|For a long time the American side treated military talks as a place to lecture us and then went home and sold more weapons to Taiwan. Chinese officers remember that},” he says.
But Guo also says {i:GX:o:+|he expects a first meeting before the end of the year}. “{d:GX:o:+|I think the decision has been taken at the top. Now the two militaries need to find the format},” he says.
Thomas Breyer, a former Pentagon official who handled China policy, is less hopeful. He says {i:TB:s:-|the talks that took place in the past rarely reached the officers who actually make decisions in a crisis}.
“{d:TB:s:-|You get a nice dinner with a deputy director of a foreign affairs office who cannot order a ship to turn around. That is not crisis communication. That is tourism},” Breyer says.
He says {i:TB:n:0|he would judge any new round by one test: whether a U.S. commander can reach his Chinese counterpart within an hour}.
Lin Qiao, a researcher at the Center for Peace and Development Studies in Shanghai, says {i:LQ:o:+|the military channels matter more now than at any time in the past decade, because both navies operate more ships in the same waters}.
“{d:LQ:o:+|The number of encounters keeps rising. Sooner or later, both sides will need a set of rules they have actually practiced together, and that only comes from talking},” she says.
In Congress, skepticism runs deep. Sen. Marcus Hale, an Idaho Republican, says {i:MH:c:-|the administration is so eager for the talks that it has stopped asking what it gets in return}.
“{d:MH:c:-|We keep paying an entry fee for a room where nothing happens. If they want to talk, fine, but not because we softened our position on export controls to get them to the table},” Hale says.
The administration denies any such trade. {i:USA:n:0|Export controls and military talks are separate tracks}, officials say.
Petrov says {i:NP:o:+|the best case is modest: regular calls between theater commanders and a yearly defense policy meeting}.
“{d:NP:o:+|That sounds small. It isn’t. Two years ago we didn’t have even that},” she says.
