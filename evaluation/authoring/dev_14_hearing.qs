id: dev_14_hearing
split: dev
style: congressional hearing report
speaker HB = Harold Brandt | Republican senator and chairman of the Senate Armed Services subcommittee on seapower
speaker JP = Jonathan Pryce | U.S. assistant secretary of defense for Indo-Pacific security affairs
speaker MC = Maria Castellanos | Democratic senator
speaker LE = Lucas Everett | Republican senator
---
Senators press Pentagon on the price of restarting China military talks
WASHINGTON — Senators from both parties questioned a senior Pentagon official on Wednesday about what the United States had given up to restore military talks with China, in a hearing that showed how divided Congress remains over engaging Beijing.
Sen. Harold Brandt, the Republican chairman of the subcommittee, said {i:HB:c:-|the administration had rewarded Beijing for cutting off the talks in the first place}.
“{d:HB:c:-|They hung up on us, and we sent flowers. Every time we beg for a meeting, we teach them that hanging up works},” Brandt said.
Brandt said {i:HB:n:0|the subcommittee would hold a closed hearing on Chinese naval activity next month}.
Jonathan Pryce, the assistant secretary of defense for Indo-Pacific security affairs, rejected the charge. “{d:JP:o:+|We gave up nothing. We asked for the channels back because our commanders need them, and we got them back},” Pryce said.
He told the senators that {i:JP:o:+|a first call between theater commanders was expected within weeks}.
Pryce said {i:JP:n:0|the department had briefed the committee’s staff on the terms of the agreement in March}.
Sen. Maria Castellanos, a Democrat, said {i:MC:o:+|she supported restoring the talks}.
“{d:MC:s:-|But I have sat through this hearing before. We restored the channels, the Chinese cut them again, and we came back here to ask what went wrong. What is different this time?}” Castellanos asked.
Pryce replied that {i:JP:o:0|both sides had agreed to a schedule of meetings for the first time, rather than a single event}.
Sen. Lucas Everett, a Republican, called the agreement “{p:LE:c:-|a photo opportunity dressed up as a security policy}.”
Everett said {i:LE:s:-|he doubted the Chinese side would pick up the phone during the next crisis}.
“{d:LE:s:-|A hotline that nobody answers is just a very expensive telephone},” he said.
Castellanos said {i:MC:n:0|she would ask the department for a written list of the meetings held under the agreement by the end of the year}.
