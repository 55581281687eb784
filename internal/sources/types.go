package sources

// Kind is what sort of thing a source is.
type Kind string

// The kinds of source.
const (
	Outlet       Kind = "outlet"
	Agency       Kind = "agency"
	Person       Kind = "person"
	Government   Kind = "government"
	Intelligence Kind = "intelligence"
	Organisation Kind = "organisation"
	Document     Kind = "document"
	Anonymous    Kind = "anonymous"
)

// Source is anything a claim can be attributed to.
type Source struct {
	// Name is the canonical name.
	Name string
	Kind Kind
	// Aliases are the other surface forms that resolve to this source.
	Aliases []string
	// Affiliation is the institution a person speaks for, or the outlet an
	// anonymous source belongs to ("" when none is known).
	Affiliation string
	// Country is the country a source belongs to, by its canonical name
	// ("South Korea", "United States"), or "" when unknown.
	Country string
	// ID is free for the store (its row id); the registry copies it and
	// never sets it.
	ID int64

	in *info // the registry's facts about a source it made (infoOf)
}
