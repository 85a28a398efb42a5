id: test_02_feature_pilot
split: test
style: long feature with multi-paragraph quotes
speaker JR = Jonah Reyes | U.S. Navy reconnaissance pilot
speaker LX = Liu Xiaodan | retired PLA Air Force colonel
speaker CK = Corinne Kessler | former Pentagon official who negotiated air safety rules
---
Sixty Feet Apart
Lt. Cmdr. Jonah Reyes had flown the same reconnaissance route over international waters dozens of times before the morning a Chinese fighter pulled alongside close enough for him to see the pilot’s visor.
“{d:JR:c:-|He sat there off my wing at sixty feet, and then he rolled over the top of us. I could see the weapons on his rails.
“We called on the guard frequency. We called on the frequency we had agreed on in the last round of talks. Nothing.
“I do not blame the kid in the cockpit. He was doing what he was told. The people I blame are the ones who decided that our radio calls should go unanswered.}”
Reyes, who spoke on the condition that his unit not be named, said {i:JR:o:+|he had since volunteered to brief officials preparing for the next round of military talks}.
“{d:JR:o:+|If my story helps get a working phone line between the two air forces, then it was worth telling},” he said.
Liu Xiaodan, a retired colonel in the Chinese air force who flew interceptors for two decades, sees the same encounters from the other side of the canopy.
“{d:LX:c:-|Every one of those flights is a probe of our air defenses. Our pilots are told to escort them, and they do.
“Americans call it unsafe. We call it the natural result of flying a spy plane near someone else’s coast.}”
Liu said {i:LX:o:+|he nonetheless favored regular meetings between the two air forces}, and recalled a joint seminar in the early 2000s where pilots from both sides compared procedures.
“{d:LX:o:+|For three days we were not enemies. We were pilots complaining about the same things},” he said, laughing.
He said {i:LX:s:-|he doubted such a seminar could happen again soon}. “{d:LX:s:-|The politics are too cold now. Nobody in Beijing wants to be seen shaking hands.}”
Corinne Kessler, a former Pentagon official who helped negotiate air safety rules with the Chinese military, said {i:CK:n:0|the existing agreement covered only surface ships and military aircraft under certain conditions}.
“{d:CK:o:+|We got further than people think. We had draft language on air intercepts that both sides had initialed},” Kessler said. “{d:CK:c:-|Then the talks were cut off over an unrelated political dispute, and the draft went into a drawer in Beijing.}”
She said {i:CK:o:+|the draft could be revived quickly if both governments wanted it}.
Reyes still flies the route.
