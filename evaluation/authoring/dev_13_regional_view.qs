id: dev_13_regional_view
split: dev
style: regional newspaper
speaker AR = Amelia Reyes | Philippine defense undersecretary
speaker KN = Kenji Nakamura | former commander in Japan’s Maritime Self-Defense Force
speaker SL = Siti Lestari | researcher at the Archipelago Policy Centre in Jakarta
speaker BW = Brendan Walsh | Australian defence analyst at the Southern Cross Strategy Group
speaker CE = Chinese Embassy in Manila |
---
Region watches as Washington and Beijing try to talk again
Neighbours hope restored military contacts will lower the risk of accidents at sea, but few expect a quick thaw
MANILA — For the countries that live between the two largest militaries in the world, the news that U.S. and Chinese defense officials had agreed to resume regular contacts was greeted with relief, and with some doubt.
Amelia Reyes, the Philippine defense undersecretary, said {i:AR:o:+|her government welcomed any step that reduced the chance of a collision in the South China Sea}.
“{d:AR:o:+|When the big powers talk to each other, the small boats around them are safer. We want these channels open and we want them used},” Reyes said at a forum in Manila on Thursday.
But she warned that {i:AR:c:-|talks between Washington and Beijing could not be a substitute for China respecting the rights of its neighbours at sea}.
Kenji Nakamura, a former commander in Japan’s Maritime Self-Defense Force, said {i:KN:s:-|he had watched the same cycle play out several times}.
“{d:KN:s:-|They agree to talk, there is an incident, one side walks out, and everyone starts again. I see no reason this round will be different},” Nakamura said.
Siti Lestari, a researcher at the Archipelago Policy Centre in Jakarta, said {i:SL:o:+|the restart was overdue} and that {i:SL:o:+|regional governments should press both capitals to keep it going}.
“{d:SL:o:+|Southeast Asian governments have spent years asking for exactly this. Now they have to help make it stick},” she said.
Lestari said {i:SL:n:0|the region’s foreign ministers would meet in Vientiane next month}.
Brendan Walsh, an Australian defence analyst at the Southern Cross Strategy Group, said {i:BW:s:-|the agreement was thin on detail}.
“{d:BW:s:-|There is no date for the first meeting, no agenda and no commitment that anyone will answer the phone in a crisis. That is an intention, not an arrangement},” Walsh said.
Walsh said {i:BW:c:-|Beijing had repeatedly switched the channels off to punish Washington for decisions it disliked, which made any promise of reliability hard to take seriously}.
The Chinese Embassy in Manila said in a statement that {i:CE:o:+|China was willing to keep up communication with the U.S. military and to manage differences through dialogue}.
The embassy said {i:CE:c:-|countries outside the region should stop stirring up confrontation if they wanted the waters to stay calm}.
Reyes said {i:AR:n:0|the Philippine navy would continue its regular patrols near the disputed shoals}.
