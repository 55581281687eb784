package sources

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		name, role string
		want       Kind
	}{
		// table
		{"Reuters", "", Agency},
		{"AP", "", Agency},
		{"Yonhap agency", "", Agency},
		{"WSJ", "", Outlet},
		{"The Wall Street Journal", "", Outlet},
		{"Russia's FSB", "", Intelligence},
		{"NATO", "", Organisation},
		{"the Kremlin", "", Government},
		// words
		{"The Kyiv Post", "", Outlet},
		{"Korea Herald", "", Outlet},
		{"Interlaken Daily Tribune", "", Outlet},
		{"Mekong news agency", "", Agency},
		{"meduza.io", "", Outlet},
		{"South Korea's National Intelligence Service", "", Intelligence},
		{"South Korean intelligence", "", Intelligence},
		{"Lithuanian military intelligence", "", Intelligence},
		{"Ministry of Defence of Ukraine", "", Government},
		{"the Russian Foreign Ministry", "", Government},
		{"South Korea", "", Government},
		{"Moscow", "", Government},
		{"Ruritanian Workers' Party", "", Organisation},
		{"Kharkiv Polytechnic University", "", Organisation},
		{"QXR", "", Organisation},
		// documents
		{"the agreement", "", Document},
		{"the report", "", Document},
		{"a statement", "", Document},
		{"a document", "", Document},
		{"the indictment", "", Document},
		{"court documents", "", Document},
		// anonymous
		{"a former Russian spy", "", Anonymous},
		{"sources", "", Anonymous},
		{"officials", "", Anonymous},
		{"people familiar with the matter", "", Anonymous},
		{"Babel sources", "", Anonymous},
		{"a senior official", "", Anonymous},
		{"two US officials", "", Anonymous},
		{"A Pentagon spokesman", "", Anonymous},
		{"a source close to the Kremlin", "", Anonymous},
		{"intelligence sources", "", Anonymous},
		// persons
		{"Yoon Seok-yeol", "", Person},
		{"Kyrylo Budanov", "head of the GUR", Person},
		{"Pentagon spokesman John Kirby", "", Person},
		{"the South Korean leader", "", Person},
		{"Ursula von der Leyen", "", Person},
		{"Budanov", "", Person},
		{"Senate Majority Leader Mitch McConnell", "", Person},
		{"NSA Director Adm. Michael Rogers", "", Person},
		{"Joel Pollak of Breitbart California", "", Person},
		{"Republicans", "", Anonymous},
		{"The Iranians", "", Anonymous},
		{"Director of National Intelligence", "", Person}, // an office held by one person
	}
	for _, tt := range tests {
		if got := Classify(tt.name, tt.role); got != tt.want {
			t.Errorf("Classify(%q, %q) = %s, want %s", tt.name, tt.role, got, tt.want)
		}
	}
}
