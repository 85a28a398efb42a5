id: test_10_nested
split: test
style: nested and scare quotes
speaker EW = Eleanor Whitfield | former White House Asia adviser
speaker YT = Yang Tiancheng | former Chinese negotiator in military maritime talks
speaker RAD = a retired admiral |
speaker CA = Colm Ashby | author of a history of U.S.-China crisis diplomacy
---
Inside the ‘Talks About Talks’
For two decades, American and Chinese officials have met to discuss how to avoid military accidents. Participants call the meetings many things. “Productive” is rarely one of them.
Eleanor Whitfield, a former White House Asia adviser, said {i:EW:s:-|the meetings often ended with nothing more than an agreement to meet again}.
“{d:EW:s:-|We had a running joke on the delegation. We called it the ‘talks about talks about talks.’ Nobody laughed in the room, but we laughed on the plane home},” Whitfield said.
She said {i:EW:c:-|her Chinese counterparts had once spent an entire afternoon objecting to the word “incident” in a draft statement}.
Yang Tiancheng, who took part in the maritime talks as a Chinese negotiator, remembered the same dispute differently. He said {i:YT:c:-|the Americans had insisted on language that made Chinese ships sound like the troublemakers}.
“{d:YT:c:-|They wanted every paragraph to say ‘unsafe’ and ‘unprofessional.’ We told them, ‘Write that about your own ships first,’ and the room went quiet},” Yang said.
Yang said {i:YT:o:+|the meetings had nonetheless produced real agreements, including a common set of signals for ships at night}. “{d:YT:o:+|Those signals are used every week at sea. That is not nothing},” he said.
Colm Ashby, the author of a history of U.S.-China crisis diplomacy, said {i:CA:n:0|the talks had gone through at least five suspensions since they began}.
Ashby said {i:CA:s:-|each suspension had lasted longer than the one before}, a trend he called “{p:CA:s:-|the slow fade.}”
“{d:CA:s:-|People keep asking me when the next breakthrough will come. I tell them to look at the trend line. The trend line is not your friend},” Ashby said.
He said {i:CA:o:+|he still thought the talks were worth holding}, quoting a retired admiral who had told him the meetings were “{p:RAD:o:+|the cheapest insurance in the Pacific.}”
Whitfield agreed. “{d:EW:o:+|Even a bad meeting is a meeting. You learn the names, the faces, who has authority. That matters on the worst day},” she said.
