id: test_05_opinion
split: test
style: partisan opinion-laden piece
speaker DH = Doreen Haskell | Republican congresswoman from Texas
speaker NB = Nathaniel Brightwater | Democratic congressman from Massachusetts
speaker VP = Victor Pruett | retired Air Force general and television commentator
---
Talks With Beijing’s Generals Are a Gift We Cannot Afford
The administration has once again gone hat in hand to Beijing, and once again it has come home with a promise of more meetings.
Rep. Doreen Haskell of Texas, who sits on the House China committee, captured the mood among many Republicans. “{d:DH:c:-|This administration would trade a carrier group for a photo with a Chinese general},” Haskell said on a cable news program.
Haskell said {i:DH:c:-|the White House had agreed to scale back a planned naval exercise in exchange for the resumption of talks}, a charge the administration has denied.
“{d:DH:c:-|Every concession we make teaches Beijing that cutting off talks works. Why would they ever stop?}” she asked.
Retired Air Force Gen. Victor Pruett, now a television commentator, went further. He called the talks “{p:VP:c:-|a hostage negotiation in which we pay the ransom and they keep the hostage.}”
“{d:VP:s:-|Nothing said across that table will stop a single Chinese jet from buzzing a single American plane},” Pruett said.
Pruett said {i:VP:s:-|the Chinese military had never honored a safety agreement when honoring it was inconvenient}.
Not surprisingly, the administration’s allies see things differently. Rep. Nathaniel Brightwater, a Massachusetts Democrat, said {i:NB:o:+|the resumption of military talks was the most important step toward stability in years}.
“{d:NB:o:+|When the two largest militaries in the world are not talking, every incident is a potential war. Now they are talking. That is good news, full stop},” Brightwater said.
He said {i:NB:c:-|critics who called dialogue a concession were playing politics with the lives of American service members}.
Brightwater said {i:NB:o:+|he expected the new channels to produce a formal agreement on air intercepts within a year}.
He is welcome to his optimism. The rest of us will remember the last three times we heard the same promise, and how each one ended.
“{d:DH:s:-|I will believe it when the phone rings on the Chinese end. I am not holding my breath},” Haskell said.
