package scoring

// General English word lists used by the matcher. They carry no knowledge of
// any particular article.

var stopWords = wordSet(`a an the and or but if then than that this these those there here
of to in on at by for from with without about into onto over under after before during
as is are was were be been being am has have had having do does did done
it its it's he him his she her they them their we us our you your i me my
who whom whose which what when where why how also too very just only even still
said say says saying told tell tells reported report reports reporting according
claimed claims stated states announced added noted wrote writes write
so such some any all each both either more most other another own same
up out off again further once now already yet while because since until
per via s t`)

var negationWords = wordSet(`not no never neither nor none nobody nothing cannot`)

var denialWords = wordSet(`deny denies denied denying denial refute refutes refuted debunk debunked`)

var falsityWords = wordSet(`fake false untrue baseless groundless fabricated fabrication nonsense hoax lies disinformation`)

var copulas = wordSet(`is are was were be been being`)

var futureWords = wordSet(`will shall would may might could plan plans planned planning
intend intends intended going expected expects soon consider considers considering`)

var hedgeWords = wordSet(`may might could can possibly possible perhaps probably likely
reportedly allegedly apparently potentially consider considers considering depending`)

var months = wordSet(`january february march april may june july august september october november december`)

var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
	"billion": 1e9, "billions": 1e9, "trillion": 1e12, "dozen": 12, "k": 1e3, "mln": 1e6, "bn": 1e9,
}

// irregular maps irregular verb and noun forms to a common stem.
var irregular = map[string]string{
	"sent": "send", "said": "say", "told": "tell", "gave": "give", "given": "give",
	"made": "make", "took": "take", "taken": "take", "went": "go", "gone": "go",
	"began": "begin", "begun": "begin", "brought": "bring", "bought": "buy", "sold": "sell",
	"held": "hold", "left": "leave", "met": "meet", "paid": "pay", "ran": "run",
	"saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak", "struck": "strike",
	"thought": "think", "won": "win", "wrote": "write", "written": "write", "fell": "fall",
	"fought": "fight", "killed": "kill", "men": "man", "women": "woman", "children": "child",
	"people": "person", "fled": "flee", "led": "lead", "lost": "lose", "shot": "shoot",
	"signed": "sign", "news": "news", "series": "series", "arms": "arms",
}

// synonyms folds common newsroom synonyms onto one stem.
var synonyms = map[string]string{
	"soldier": "troop", "servicemen": "troop", "serviceman": "troop",
	"weaponry": "weapon", "dispatch": "send", "deploy": "send",
}
