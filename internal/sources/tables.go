package sources

import "strings"

// This file holds general world knowledge: countries with their demonyms
// and capitals, well-known news agencies, outlets, intelligence services and
// institutions, and the word lists used by Classify. Nothing here is specific
// to any one article.

// countryForms lists each country's canonical name followed by its other
// names, abbreviations, demonyms and capital (capitals stand for the
// government by metonymy: "Moscow said"). Forms are matched by Key.
var countryForms = [][]string{
	{"United States", "US", "U.S.", "USA", "U.S.A.", "America", "American", "United States of America", "Washington"},
	{"United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British", "London"},
	{"Russia", "Russian Federation", "Russian", "Moscow"},
	{"Ukraine", "Ukrainian", "Kyiv", "Kiev"},
	{"South Korea", "Republic of Korea", "ROK", "South Korean", "Seoul"},
	{"North Korea", "DPRK", "Democratic People's Republic of Korea", "North Korean", "Pyongyang"},
	{"China", "People's Republic of China", "PRC", "Chinese", "Beijing"},
	{"Japan", "Japanese", "Tokyo"},
	{"Germany", "German", "Berlin"},
	{"France", "French", "Paris"},
	{"Poland", "Polish", "Warsaw"},
	{"Italy", "Italian", "Rome"},
	{"Spain", "Spanish", "Madrid"},
	{"Israel", "Israeli", "Jerusalem"},
	{"Iran", "Iranian", "Tehran"},
	{"Turkey", "Türkiye", "Turkish", "Ankara"},
	{"India", "Indian", "New Delhi"},
	{"Pakistan", "Pakistani", "Islamabad"},
	{"Belarus", "Belarusian", "Belarussian", "Minsk"},
	{"Moldova", "Moldovan", "Chisinau"},
	{"Romania", "Romanian", "Bucharest"},
	{"Hungary", "Hungarian", "Budapest"},
	{"Slovakia", "Slovak", "Bratislava"},
	{"Czech Republic", "Czechia", "Czech", "Prague"},
	{"Lithuania", "Lithuanian", "Vilnius"},
	{"Latvia", "Latvian", "Riga"},
	{"Estonia", "Estonian", "Tallinn"},
	{"Finland", "Finnish", "Helsinki"},
	{"Sweden", "Swedish", "Stockholm"},
	{"Norway", "Norwegian", "Oslo"},
	{"Denmark", "Danish", "Copenhagen"},
	{"Netherlands", "Dutch", "The Hague", "Amsterdam"},
	{"Belgium", "Belgian", "Brussels"},
	{"Austria", "Austrian", "Vienna"},
	{"Switzerland", "Swiss", "Bern"},
	{"Canada", "Canadian", "Ottawa"},
	{"Mexico", "Mexican", "Mexico City"},
	{"Brazil", "Brazilian", "Brasilia"},
	{"Australia", "Australian", "Canberra"},
	{"Taiwan", "Taiwanese", "Taipei"},
	{"Syria", "Syrian", "Damascus"},
	{"Iraq", "Iraqi", "Baghdad"},
	{"Saudi Arabia", "Saudi", "Riyadh"},
	{"Qatar", "Qatari", "Doha"},
	{"Egypt", "Egyptian", "Cairo"},
	{"Lebanon", "Lebanese", "Beirut"},
	{"Afghanistan", "Afghan", "Kabul"},
	{"Kazakhstan", "Kazakh", "Astana"},
	{"Azerbaijan", "Azerbaijani", "Baku"},
	{"Armenia", "Armenian", "Yerevan"},
	{"Vietnam", "Vietnamese", "Hanoi"},
	{"Philippines", "Philippine", "Filipino", "Manila"},
	{"Indonesia", "Indonesian", "Jakarta"},
	{"South Africa", "South African", "Pretoria"},
	{"Nigeria", "Nigerian", "Abuja"},
	{"Venezuela", "Venezuelan", "Caracas"},
	{"Argentina", "Argentine", "Argentinian", "Buenos Aires"},
	{"Greece", "Greek", "Athens"},
	{"Serbia", "Serbian", "Belgrade"},
	{"Croatia", "Croatian", "Zagreb"},
	{"Bulgaria", "Bulgarian", "Sofia"},
	{"Ireland", "Irish", "Dublin"},
	{"Portugal", "Portuguese", "Lisbon"},
}

// countryByKey maps the Key of every country form to the canonical name.
// capitalKeys marks the forms that are capitals. Both are read-only after
// init, so concurrent readers are safe.
var countryByKey, capitalKeys = buildCountries()

func buildCountries() (map[string]string, map[string]bool) {
	m := make(map[string]string)
	caps := make(map[string]bool)
	for _, forms := range countryForms {
		for i, f := range forms {
			m[Key(f)] = forms[0]
			if i == len(forms)-1 && i > 0 {
				caps[Key(f)] = true
			}
		}
	}
	return m, caps
}

// countryFirst holds the first token of every key in countryByKey, so that
// countryPrefix rejects most words with one lookup. Read-only after init.
var countryFirst = func() map[string]bool {
	m := make(map[string]bool)
	for k := range countryByKey {
		if fs := strings.Fields(k); len(fs) > 0 {
			m[fs[0]] = true
		}
	}
	return m
}()

// knownShapes holds the shapes of the keys of knownByKey.
var knownShapes = shapesOf(knownByKey, (*tokenShapes).add)

// knownIndex is knownByKey[k], looked up only for a key whose shape some
// key of the table has.
func knownIndex(k string) (int, bool) {
	if len(k) > 0 && !hasShape(knownShapes, k) {
		return 0, false
	}
	i, ok := knownByKey[k]
	return i, ok
}

// knownIndexBytes is knownIndex(string(k)), without a copy of k.
func knownIndexBytes(k []byte) (int, bool) {
	if len(k) > 0 && !hasShape(knownShapes, k) {
		return 0, false
	}
	i, ok := knownByKey[string(k)]
	return i, ok
}

// countryShapes holds the shapes of the keys of countryFirst (see
// tokenShapes).
var countryShapes = func() *tokenShapes {
	s := new(tokenShapes)
	for t := range countryFirst {
		s.add(t) // never empty
	}
	return s
}()

// frozenCountryFirst is countryFirst for fast lookups.
var frozenCountryFirst = freeze(countryFirst)

// maybeCountryFirst is countryFirst[t], looked up only for a token whose
// shape some key has.
func maybeCountryFirst(t string) bool {
	if t != "" && !countryShapes.has(t) {
		return false
	}
	ok, _ := frozenCountryFirst.get(t)
	return ok
}

// knownSource is one entry of the table of well-known sources. Names[0] is
// the full name; Acronyms are the short forms.
type knownSource struct {
	Names    []string
	Acronyms []string
	Kind     Kind
	Country  string
}

var knownSources = []knownSource{
	// news agencies
	{[]string{"Reuters", "Thomson Reuters"}, nil, Agency, "United Kingdom"},
	{[]string{"Associated Press"}, []string{"AP"}, Agency, "United States"},
	{[]string{"Agence France-Presse", "Agence France Presse", "France-Presse"}, []string{"AFP"}, Agency, "France"},
	{[]string{"Yonhap", "Yonhap News Agency", "Yonhap News"}, nil, Agency, "South Korea"},
	{[]string{"TASS", "ITAR-TASS"}, nil, Agency, "Russia"},
	{[]string{"Interfax"}, nil, Agency, "Russia"},
	{[]string{"Interfax-Ukraine"}, nil, Agency, "Ukraine"},
	{[]string{"RIA Novosti", "RIA"}, nil, Agency, "Russia"},
	{[]string{"Xinhua", "Xinhua News Agency"}, nil, Agency, "China"},
	{[]string{"Kyodo", "Kyodo News"}, nil, Agency, "Japan"},
	{[]string{"Ukrinform"}, nil, Agency, "Ukraine"},
	{[]string{"UNIAN"}, nil, Agency, "Ukraine"},
	{[]string{"Korean Central News Agency"}, []string{"KCNA"}, Agency, "North Korea"},
	{[]string{"Deutsche Presse-Agentur"}, []string{"DPA"}, Agency, "Germany"},
	{[]string{"ANSA"}, nil, Agency, "Italy"},
	{[]string{"EFE"}, nil, Agency, "Spain"},
	{[]string{"Press Trust of India"}, []string{"PTI"}, Agency, "India"},
	{[]string{"Anadolu", "Anadolu Agency"}, nil, Agency, "Turkey"},
	{[]string{"Bloomberg", "Bloomberg News"}, nil, Agency, "United States"},
	{[]string{"Belta"}, nil, Agency, "Belarus"},
	// outlets
	{[]string{"The New York Times", "New York Times"}, []string{"NYT"}, Outlet, "United States"},
	{[]string{"The Wall Street Journal", "Wall Street Journal"}, []string{"WSJ"}, Outlet, "United States"},
	{[]string{"The Washington Post", "Washington Post"}, []string{"WaPo"}, Outlet, "United States"},
	{[]string{"British Broadcasting Corporation", "BBC News"}, []string{"BBC"}, Outlet, "United Kingdom"},
	{[]string{"Cable News Network"}, []string{"CNN"}, Outlet, "United States"},
	{[]string{"Fox News", "Fox News Channel"}, nil, Outlet, "United States"},
	{[]string{"Politico"}, nil, Outlet, "United States"},
	{[]string{"Axios"}, nil, Outlet, "United States"},
	{[]string{"The Guardian", "Guardian"}, nil, Outlet, "United Kingdom"},
	{[]string{"Financial Times"}, []string{"FT"}, Outlet, "United Kingdom"},
	{[]string{"The Economist", "Economist"}, nil, Outlet, "United Kingdom"},
	{[]string{"National Public Radio"}, []string{"NPR"}, Outlet, "United States"},
	{[]string{"NBC News"}, []string{"NBC"}, Outlet, "United States"},
	{[]string{"CBS News"}, []string{"CBS"}, Outlet, "United States"},
	{[]string{"ABC News"}, nil, Outlet, "United States"},
	{[]string{"USA Today"}, nil, Outlet, "United States"},
	{[]string{"HuffPost", "Huffington Post"}, nil, Outlet, "United States"},
	{[]string{"Breitbart", "Breitbart News"}, nil, Outlet, "United States"},
	{[]string{"Al Jazeera"}, nil, Outlet, "Qatar"},
	{[]string{"Le Monde"}, nil, Outlet, "France"},
	{[]string{"Der Spiegel", "Spiegel"}, nil, Outlet, "Germany"},
	{[]string{"The Kyiv Independent", "Kyiv Independent"}, nil, Outlet, "Ukraine"},
	{[]string{"Ukrainska Pravda"}, nil, Outlet, "Ukraine"},
	{[]string{"Meduza"}, nil, Outlet, "Russia"},
	{[]string{"Novaya Gazeta"}, nil, Outlet, "Russia"},
	{[]string{"Kommersant"}, nil, Outlet, "Russia"},
	{[]string{"RT", "Russia Today"}, nil, Outlet, "Russia"},
	{[]string{"Sputnik"}, nil, Outlet, "Russia"},
	{[]string{"NHK"}, nil, Outlet, "Japan"},
	{[]string{"Radio Free Europe/Radio Liberty", "Radio Liberty", "Radio Free Europe"}, []string{"RFE/RL"}, Outlet, "United States"},
	// intelligence services
	{[]string{"Central Intelligence Agency"}, []string{"CIA"}, Intelligence, "United States"},
	{[]string{"National Security Agency"}, []string{"NSA"}, Intelligence, "United States"},
	{[]string{"Defense Intelligence Agency"}, []string{"DIA"}, Intelligence, "United States"},
	{[]string{"Secret Intelligence Service"}, []string{"MI6", "SIS"}, Intelligence, "United Kingdom"},
	{[]string{"Security Service"}, []string{"MI5"}, Intelligence, "United Kingdom"},
	{[]string{"Government Communications Headquarters"}, []string{"GCHQ"}, Intelligence, "United Kingdom"},
	{[]string{"Mossad"}, nil, Intelligence, "Israel"},
	{[]string{"Shin Bet"}, nil, Intelligence, "Israel"},
	{[]string{"Federal Security Service"}, []string{"FSB"}, Intelligence, "Russia"},
	{[]string{"Foreign Intelligence Service"}, []string{"SVR"}, Intelligence, "Russia"},
	{[]string{"Main Directorate of the General Staff"}, []string{"GRU"}, Intelligence, "Russia"},
	{[]string{"Main Intelligence Directorate", "Defence Intelligence of Ukraine", "Defense Intelligence of Ukraine"}, []string{"GUR", "HUR"}, Intelligence, "Ukraine"},
	{[]string{"Security Service of Ukraine"}, []string{"SBU"}, Intelligence, "Ukraine"},
	{[]string{"National Intelligence Service"}, []string{"NIS"}, Intelligence, "South Korea"},
	{[]string{"Reconnaissance General Bureau"}, []string{"RGB"}, Intelligence, "North Korea"},
	{[]string{"Bundesnachrichtendienst"}, []string{"BND"}, Intelligence, "Germany"},
	{[]string{"General Directorate for External Security"}, []string{"DGSE"}, Intelligence, "France"},
	{[]string{"Ministry of State Security"}, []string{"MSS"}, Intelligence, "China"},
	{[]string{"Inter-Services Intelligence"}, []string{"ISI"}, Intelligence, "Pakistan"},
	// government
	{[]string{"Kremlin"}, nil, Government, "Russia"},
	{[]string{"White House"}, nil, Government, "United States"},
	{[]string{"Pentagon"}, nil, Government, "United States"},
	{[]string{"State Department", "U.S. State Department", "Department of State"}, nil, Government, "United States"},
	{[]string{"Federal Bureau of Investigation"}, []string{"FBI"}, Government, "United States"},
	{[]string{"Downing Street"}, nil, Government, "United Kingdom"},
	{[]string{"Verkhovna Rada"}, nil, Government, "Ukraine"},
	{[]string{"State Duma", "Duma"}, nil, Government, "Russia"},
	{[]string{"Knesset"}, nil, Government, "Israel"},
	{[]string{"Congress", "U.S. Congress"}, nil, Government, "United States"},
	// organisations
	{[]string{"North Atlantic Treaty Organization"}, []string{"NATO"}, Organisation, ""},
	{[]string{"United Nations"}, []string{"UN", "U.N."}, Organisation, ""},
	{[]string{"European Union"}, []string{"EU"}, Organisation, ""},
	{[]string{"International Atomic Energy Agency"}, []string{"IAEA"}, Organisation, ""},
	{[]string{"World Health Organization"}, []string{"WHO"}, Organisation, ""},
	{[]string{"International Monetary Fund"}, []string{"IMF"}, Organisation, ""},
	{[]string{"World Bank"}, nil, Organisation, ""},
	{[]string{"Organization for Security and Co-operation in Europe"}, []string{"OSCE"}, Organisation, ""},
	{[]string{"International Committee of the Red Cross", "Red Cross"}, []string{"ICRC"}, Organisation, ""},
	{[]string{"Amnesty International"}, nil, Organisation, ""},
	{[]string{"Human Rights Watch"}, []string{"HRW"}, Organisation, ""},
	{[]string{"Institute for the Study of War"}, []string{"ISW"}, Organisation, "United States"},
}

// knownByKey maps the Key of every name and acronym in knownSources to its
// index. Read-only after init.
var knownByKey = func() map[string]int {
	m := make(map[string]int)
	for i, k := range knownSources {
		for _, n := range k.Names {
			m[Key(n)] = i
		}
		for _, a := range k.Acronyms {
			m[Key(a)] = i
		}
	}
	return m
}()

// wordSet builds a set from a space-separated list.
func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// anonNouns are words for unnamed people; a description built on them is an
// anonymous source ("a former Russian spy", "officials", "a source").
var anonNouns = wordSet(`source sources official officials person people spy spies diplomat diplomats
insider insiders witness witnesses resident residents analyst analysts expert experts aide aides
employee employees officer officers lawmaker lawmakers member members staffer staffers agent agents
soldier soldiers serviceman servicemen adviser advisers advisor advisors individual individuals
acquaintance acquaintances contact contacts investigator investigators observer observers
correspondent correspondents journalist journalists reporter reporters blogger bloggers
insider informant informants defector defectors negotiator negotiators representative representatives
interlocutor interlocutors participant participants volunteer volunteers veteran veterans
milbloggers someone somebody user users local locals eyewitness eyewitnesses
democrats republicans conservatives liberals progressives libertarians voters supporters critics
opponents protesters activists campaigners rebels militants separatists`)

// titleNouns are offices and titles; "the South Korean leader" is a specific
// (if unnamed) person, "a Pentagon spokesman" is anonymous.
var titleNouns = wordSet(`president presidents leader leaders minister ministers premier spokesman spokeswoman
spokesperson spokespeople spokesmen spokeswomen secretary chancellor king queen prince ambassador
ambassadors head chief director commander general governor mayor senator congressman congresswoman
chairman chairwoman chair speaker envoy ceo founder prosecutor judge pope dictator ruler emperor
deputy commissioner admiral colonel marshal`)

// personTitles are words that may precede a personal name and are not part
// of it ("President Yoon", "Mr. Smith", "Gen. Budanov").
var personTitles = wordSet(`president vice prime minister mr mrs ms miss dr prof professor gen general lt
col colonel maj major capt captain adm admiral sgt sen senator rep representative gov governor
secretary chancellor king queen prince princess sir dame lord lady rev pope sheikh ambassador
foreign defense defence interior deputy former chief head leader spokesman spokeswoman spokesperson
press commander mayor chairman chairwoman judge justice attorney premier acting minister st`)

// documentNouns head a description of a document.
var documentNouns = wordSet(`agreement agreements report reports statement statements document documents
indictment indictments memo memos memorandum study studies letter letters filing filings ruling
decree resolution treaty contract survey poll polls transcript transcripts complaint lawsuit
records record data dossier communique communiqué cable cables email emails leak leaks
assessment assessments analysis review bulletin release order orders paper papers footage video
documents report`)

// outletWords make a capitalised name an outlet ("Kyiv Post", "Korea Herald").
var outletWords = wordSet(`news times post journal tv radio gazette herald tribune daily telegraph
guardian observer chronicle magazine broadcasting television channel weekly mail express examiner
inquirer courier monitor dispatch pravda izvestia gazeta vedomosti media newspaper press`)

// governmentWords make a name a government body.
var governmentWords = wordSet(`ministry ministries department government cabinet kremlin pentagon parliament
congress senate embassy administration presidency office military army navy forces police
court prosecutor prosecutors authorities council duma rada command staff commission`)

// organisationWords make a name an organisation.
var organisationWords = wordSet(`company inc corp corporation ltd llc plc group union party university
institute foundation association organization organisation fund center centre society bank
federation alliance network coalition movement league club charity trust agency bureau`)

// genericGovernment are lowercase descriptions that stand for a country's
// government as a whole ("the Russian government", "Ukrainian authorities").
var genericGovernment = wordSet(`government authorities administration side leadership officialdom state`)

// intelligenceWords mark an intelligence service.
var intelligenceWords = wordSet(`intelligence counterintelligence`)

// functionWords are not counted when computing acronyms.
var functionWords = wordSet(`of the and for on in at to de du des la le el y und fur für a an`)
