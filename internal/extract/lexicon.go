package extract

// General English word lists the rules use. Nothing here names a particular
// article's people; these are world knowledge (reporting verbs, titles,
// demonyms, wire agencies, boilerplate phrases).

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cueForms maps every inflection of a reporting verb to true. Forms that are
// also common nouns ("reports", "claims") are in nounCue and need a
// following "that", ":" or clause boundary.
var cueForms = set(
	"say", "says", "said", "tell", "tells", "told", "add", "adds", "added",
	"stress", "stresses", "stressed", "note", "noted", "report", "reported",
	"write", "writes", "wrote", "written", "announce", "announces", "announced",
	"claim", "claimed", "state", "stated", "warn", "warns", "warned",
	"insist", "insists", "insisted", "explain", "explains", "explained",
	"argue", "argues", "argued", "confirm", "confirms", "confirmed",
	"deny", "denies", "denied", "believe", "believes", "believed",
	"suggest", "suggests", "suggested", "acknowledge", "acknowledges", "acknowledged",
	"admit", "admits", "admitted", "assert", "asserts", "asserted",
	"allege", "alleges", "alleged", "contend", "contends", "contended",
	"predict", "predicts", "predicted", "reveal", "reveals", "revealed",
	"disclose", "discloses", "disclosed", "indicate", "indicates", "indicated",
	"emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
	"declare", "declares", "declared", "tweet", "tweeted", "testify", "testifies", "testified",
	"recall", "recalls", "recalled", "concede", "concedes", "conceded",
	"complain", "complains", "complained", "vow", "vowed", "promise", "promised",
	"reply", "replies", "replied", "respond", "responds", "responded",
	"observe", "observes", "observed", "remark", "remarked", "mention", "mentions", "mentioned",
	"assure", "assures", "assured", "clarify", "clarifies", "clarified",
	"conclude", "concludes", "concluded", "reiterate", "reiterates", "reiterated",
	"maintain", "maintains", "maintained", "caution", "cautions", "cautioned",
	"estimate", "estimated", "think", "thinks", "thought", "found", "finds",
	"agree", "agrees", "agreed", "boast", "boasts", "boasted", "joke", "jokes", "joked",
	"quip", "quips", "quipped", "lament", "laments", "lamented", "counter", "countered",
	"retort", "retorted", "acknowledging", "saying", "adding", "noting", "warning",
	"reports", "claims", "notes", "states", "estimates", "tweets", "promises", "vows",
	"show", "shows", "showed", "told",
)

// nounCue lists cue forms that are also nouns or adjectives; they count only
// before "that", ":" or a clause boundary.
var nounCue = set("reports", "claims", "notes", "states", "estimates", "tweets",
	"promises", "vows", "thought", "found", "finds", "show", "shows", "showed",
	"state", "report", "note", "claim", "estimate", "tweet", "promise", "vow",
	"counter", "alleged", "written", "think", "agree", "agrees", "agreed", "believe")

// participleCue lists "-ing" cues that follow a main clause (", adding that").
var participleCue = set("saying", "adding", "noting", "warning", "acknowledging")

// aboutVerbs take "about" as part of the cue ("spoke about").
var aboutVerbs = set("spoke", "speaks", "speak", "spoken", "talked", "talks", "talk", "wrote", "writes", "warned", "warns")

// citeCue introduce a further hop ("citing", "quoting").
var citeCue = set("citing", "quoting")

// subjSkip are auxiliaries and adverbs between a subject and its cue.
var subjSkip = set("also", "has", "have", "had", "was", "is", "were", "would", "will",
	"could", "may", "might", "did", "does", "do", "previously", "later", "earlier",
	"then", "recently", "repeatedly", "again", "further", "once", "publicly",
	"reportedly", "privately", "separately", "already", "often", "never", "not",
	"first", "just", "even", "still", "now", "should", "can", "must", "reportedly")

// npStop ends a subject noun phrase when walking left from a cue.
var npStop = set("that", "which", "who", "whom", "whose", "when", "where", "while",
	"because", "since", "if", "but", "or", "so", "than", "as", "after", "before",
	"although", "though", "unless", "until", "whether", "is", "are", "was", "were",
	"be", "been", "being", "to", "not", "what", "how", "why", "yet", "nor",
	"said", "says", "told", "and", "by", "has", "have", "had", "it's", "this")

// npInner are prepositions allowed inside a source phrase
// ("head of the GUR", "people close to the talks").
var npInner = set("of", "for", "at", "with", "from", "in", "on", "close", "familiar", "the", "a", "an", "to")

var pronouns = set("he", "she", "they", "it", "we", "i", "you")

var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our")

// titles are words of a role that can stand before a name.
var titles = set("president", "vice", "prime", "minister", "chancellor", "premier",
	"senator", "sen", "representative", "rep", "congressman", "congresswoman",
	"governor", "gov", "mayor", "secretary", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "general", "gen", "colonel", "col", "lieutenant", "lt", "sergeant",
	"admiral", "commander", "chief", "head", "director", "chairman", "chairwoman",
	"chair", "ceo", "founder", "king", "queen", "prince", "princess", "pope", "judge",
	"justice", "attorney", "prosecutor", "sheriff", "officer", "adviser", "advisor",
	"aide", "leader", "dr", "mr", "mrs", "ms", "prof", "professor", "rev", "mp",
	"lawmaker", "deputy", "foreign", "defense", "defence", "interior", "finance",
	"former", "acting", "speaker", "candidate", "nominee", "commissioner", "envoy",
	"economist", "analyst", "correspondent", "editor", "reporter", "sgt", "capt", "captain",
	"engineer", "inspector", "detective", "coach", "manager", "treasurer", "auditor",
	"marshal", "archbishop", "bishop", "cardinal", "sheikh", "emir", "president-elect",
	"superintendent", "constable", "major", "private", "corporal", "agent", "diplomat")

// roleClass groups role nouns that can describe the same kind of source,
// so that "the leader" can refer back to a "President".
var roleClass = map[string]string{
	"president": "hos", "leader": "hos", "premier": "hos", "chancellor": "hos",
	"king": "hos", "queen": "hos", "monarch": "hos", "prime": "hos", "minister": "min",
	"agency": "body", "service": "body", "ministry": "body", "department": "body",
	"office": "body", "bureau": "body", "intelligence": "body", "government": "body",
	"authorities": "body", "administration": "body",
	"newspaper": "press", "paper": "press", "outlet": "press", "publication": "press",
	"daily": "press", "journal": "press", "magazine": "press", "broadcaster": "press",
	"company": "firm", "firm": "firm", "group": "firm", "corporation": "firm",
	"senator": "leg", "lawmaker": "leg", "congressman": "leg", "congresswoman": "leg",
	"governor": "gov", "mayor": "gov", "spokesman": "spk", "spokeswoman": "spk",
	"spokesperson": "spk", "official": "off", "candidate": "cand", "nominee": "cand",
	"general": "mil", "commander": "mil", "military": "mil", "army": "mil",
	"head": "hos", "chief": "hos", "secretary": "min", "ambassador": "dip", "diplomat": "dip",
}

// orgWords mark a name as an organisation rather than a person.
var orgWords = set("service", "ministry", "agency", "journal", "times", "post", "news",
	"department", "committee", "council", "party", "office", "court", "bank",
	"association", "institute", "university", "company", "inc", "corp", "bureau",
	"intelligence", "government", "administration", "police", "army", "forces",
	"command", "commission", "foundation", "center", "centre", "group", "network",
	"tribune", "herald", "telegraph", "guardian", "press", "reuters", "staff",
	"fund", "organization", "organisation", "union", "league", "board", "house",
	"senate", "congress", "parliament", "kremlin", "pentagon", "campaign", "report",
	"survey", "poll", "study", "statement", "agreement", "document", "data")

// documents are description heads that name a document rather than a speaker.
var documents = set("agreement", "report", "document", "study", "memo", "statement",
	"deal", "treaty", "survey", "poll", "letter", "filing", "indictment", "complaint",
	"lawsuit", "ruling", "order", "plan", "proposal", "data", "analysis", "assessment")

// agencies are well-known news agencies (wire services), lower-cased.
var agencies = set("reuters", "associated press", "ap", "afp", "agence france-presse",
	"yonhap", "xinhua", "tass", "ria novosti", "interfax", "ukrinform", "unian", "kyodo",
	"jiji", "ansa", "efe", "dpa", "pti", "ani", "bloomberg", "anadolu", "bernama",
	"antara", "kcna", "irna", "wafa", "mena", "sana", "petra", "kuna", "spa", "ria",
	"interfax-ukraine", "belta", "pap", "ctk", "mti", "bta", "ntb", "tt", "stt", "apa",
	"upi", "united press international", "press trust of india", "canadian press",
	"australian associated press", "aap", "yonhap news agency", "ukrinform news agency")

// demonyms maps a nationality adjective or country name to a country key.
var demonyms = map[string]string{
	"south korean": "south korea", "south korea": "south korea", "korean": "korea", "korea": "korea",
	"north korean": "north korea", "north korea": "north korea", "dprk": "north korea",
	"american": "us", "u.s.": "us", "us": "us", "united states": "us", "america": "us",
	"russian": "russia", "russia": "russia", "ukrainian": "ukraine", "ukraine": "ukraine",
	"chinese": "china", "china": "china", "japanese": "japan", "japan": "japan",
	"british": "uk", "britain": "uk", "u.k.": "uk", "uk": "uk", "french": "france", "france": "france",
	"german": "germany", "germany": "germany", "polish": "poland", "poland": "poland",
	"israeli": "israel", "israel": "israel", "iranian": "iran", "iran": "iran",
	"turkish": "turkey", "turkey": "turkey", "indian": "india", "india": "india",
	"italian": "italy", "italy": "italy", "spanish": "spain", "spain": "spain",
	"canadian": "canada", "canada": "canada", "mexican": "mexico", "mexico": "mexico",
	"brazilian": "brazil", "brazil": "brazil", "syrian": "syria", "syria": "syria",
	"iraqi": "iraq", "iraq": "iraq", "afghan": "afghanistan", "afghanistan": "afghanistan",
	"pakistani": "pakistan", "pakistan": "pakistan", "saudi": "saudi arabia", "saudi arabia": "saudi arabia",
	"egyptian": "egypt", "egypt": "egypt", "palestinian": "palestine", "european": "eu", "eu": "eu",
	"belarusian": "belarus", "belarus": "belarus", "australian": "australia", "australia": "australia",
	"taiwanese": "taiwan", "taiwan": "taiwan", "hungarian": "hungary", "hungary": "hungary",
	"dutch": "netherlands", "netherlands": "netherlands", "swedish": "sweden", "sweden": "sweden",
	"finnish": "finland", "finland": "finland", "norwegian": "norway", "norway": "norway",
	"georgian": "georgia", "moldovan": "moldova", "romanian": "romania", "czech": "czechia",
	"lithuanian": "lithuania", "latvian": "latvia", "estonian": "estonia", "venezuelan": "venezuela",
	"cuban": "cuba", "nigerian": "nigeria", "south african": "south africa", "kenyan": "kenya",
}

// abbrevs end with a period that does not end a sentence (lower case, no dot).
var abbrevs = set("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt",
	"col", "sgt", "capt", "cmdr", "adm", "maj", "st", "jr", "sr", "inc", "corp", "co",
	"ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "dept", "univ",
	"approx", "est", "fig", "vol", "ave", "blvd", "rd", "gov't", "messrs", "atty", "supt")

// endAbbrev can also close a sentence ("... Apple Inc. The company said").
var endAbbrev = set("etc", "inc", "corp", "co", "ltd", "jr", "sr")

var starters = set("the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and",
	"in", "on", "at", "this", "that", "these", "those", "his", "her", "their", "its",
	"our", "there", "as", "after", "before", "when", "while", "if", "for", "with",
	"yet", "so", "however", "meanwhile", "still", "also", "one", "some", "many",
	"most", "all", "no", "not", "what", "why", "how", "according", "since", "during")

// boiler are phrases of page furniture that never make a claim.
var boiler = []string{"follow us", "subscribe", "read more", "click here", "sign up",
	"newsletter", "all rights reserved", "copyright", "©", "photo:", "image:",
	"getty images", "read the rest", "related:", "advertisement", "share this",
	"contributed to this report", "reporting by", "editing by", "writing by",
	"follow him on", "follow her on", "like us on", "download our app", "read also",
	"see also", "watch:", "listen:", "sign in", "log in", "cookie"}
