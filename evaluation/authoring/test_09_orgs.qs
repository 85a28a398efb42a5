id: test_09_orgs
split: test
style: organisations and anonymous officials as speakers
speaker MND = Chinese Ministry of National Defense |
speaker DOS = U.S. Department of State |
speaker DOD = U.S. Department of Defense |
speaker OFF = two U.S. officials familiar with the planning |
speaker CO = a Chinese official |
speaker AN = analysts |
---
China suspends planned maritime safety talks after U.S. sanctions on defense firms
BEIJING — China’s Defense Ministry said on Wednesday that {i:MND:c:-|it had postponed a round of maritime safety talks with the U.S. military in response to new American sanctions on Chinese defense companies}.
“{d:MND:c:-|The U.S. side must bear full responsibility for the consequences},” the ministry said in a statement posted on its website. The statement said {i:MND:c:-|the sanctions had seriously poisoned the atmosphere for exchanges between the two militaries}.
The State Department said {i:DOS:n:0|the sanctions were imposed because the companies had supplied components to Russia’s military}. A department spokesman said {i:DOS:c:-|linking the sanctions to military talks was a choice Beijing had made on its own}.
The Pentagon said {i:DOD:c:-|it regretted the decision}. “{d:DOD:o:+|We remain committed to keeping lines of communication open, and we urge the PLA to do the same},” a Pentagon statement said.
Two U.S. officials familiar with the planning said {i:OFF:n:0|the talks had been scheduled to take place in Qingdao at the end of the month}. The officials said {i:OFF:o:+|working-level staff had nearly finished a draft agreement on communication between ships at sea}.
“{d:OFF:s:-|We were close. Now it will take months to get back to where we were},” one of the officials said.
A Chinese official, who spoke on condition of anonymity because he was not authorized to discuss the matter, said {i:CO:c:-|Beijing could not continue business as usual while Washington punished Chinese companies}.
He said {i:CO:o:0|the talks could be rescheduled if the United States showed goodwill}.
The postponement is the second this year. A planned round of talks in the spring was called off after a dispute over a U.S. congressional delegation’s visit to Taiwan, and the two sides never agreed on a new date.
Analysts said {i:AN:s:-|the episode showed how easily military dialogue between the two countries could be derailed by unrelated disputes}.
Some analysts said {i:AN:c:-|Beijing was using the talks as a bargaining chip to pressure Washington over sanctions}.
