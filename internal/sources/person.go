package sources

// personSlot is everything the registry knows about one phonetic skeleton
// (see phonetic.go), in one map entry held by value: a lookup of a person
// costs one map access per skeleton instead of one per index. The zero
// slot is a skeleton nothing is known about.
type personSlot struct {
	// phon is the first person whose whole name has the skeleton.
	phon *Source
	// surname holds the persons whose first or last name token has it.
	surname []*Source
	// single is the person known only by this one token, while no full
	// name of theirs is known.
	single *Source
}

// repoint replaces from by to in the slot (Merge).
func (ps *personSlot) repoint(from, to *Source) {
	if ps.phon == from {
		ps.phon = to
	}
	if ps.single == from {
		ps.single = to
	}
	ps.surname = repointList(ps.surname, from, to)
}
