id: test_07_indirect
split: test
style: mostly indirect speech
speaker HS = Hollis Stanwick | U.S. Army general and commander of U.S. Army Pacific
speaker PL = Pan Lijun | Chinese military attaché in Canberra
speaker FA = Fiona Ashworth | Australian deputy prime minister
speaker RT = Ravi Tandon | security analyst at the Lakeside Policy Institute
speaker VN = Vo Thi Ngoc | Vietnamese foreign ministry spokeswoman
---
Army commander says he has invited Chinese counterpart to Hawaii
CANBERRA — The commander of U.S. Army Pacific, Gen. Hollis Stanwick, said on Tuesday that {i:HS:o:+|he had invited his Chinese counterpart to observe a land forces symposium in Hawaii next spring}.
Stanwick, speaking at a defense conference in Canberra, said {i:HS:n:0|the invitation had been sent in writing last month}. He said {i:HS:s:0|he had not yet received a reply}.
The general said {i:HS:o:+|armies tended to be overlooked in discussions about military talks, which usually focused on ships and aircraft}, and that {i:HS:o:+|land commanders could help build trust because they were less often involved in daily encounters}.
China’s military attaché in Canberra, Senior Col. Pan Lijun, told the conference that {i:PL:o:+|China welcomed exchanges that were based on equality}. He said {i:PL:c:-|the United States had to stop treating China as an enemy if it wanted the exchanges to succeed}.
Pan said {i:PL:c:-|the deployment of American missile systems in the region was a direct threat to China}, according to a transcript released by the conference organizers.
Australia’s deputy prime minister, Fiona Ashworth, said {i:FA:o:+|Canberra strongly supported the resumption of U.S.-China military dialogue}. She said {i:FA:o:+|Australia would be glad to host such talks if both sides wished}.
Ashworth said {i:FA:n:0|Australian and Chinese defense officials would hold their own annual dialogue in October}.
Ravi Tandon, a security analyst at the Lakeside Policy Institute, said {i:RT:s:-|invitations of this kind had been issued many times without result}. He said {i:RT:s:-|the Chinese army rarely sent senior officers to U.S.-hosted events during periods of tension}.
Tandon said {i:RT:c:-|both governments bore some responsibility because each had used the suspension of talks to punish the other}.
In Hanoi, foreign ministry spokeswoman Vo Thi Ngoc said {i:VN:o:+|Vietnam hoped all countries would settle disagreements through dialogue}. She said {i:VN:n:0|Vietnam did not take sides in disputes between major powers}.
Stanwick said {i:HS:o:+|he would keep the invitation open regardless of the answer}.
