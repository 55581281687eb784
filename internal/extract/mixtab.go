package extract

// mixTab holds mix(t, v) for the small values v of one template, so that
// the taggers' low-cardinality features cost a load instead of a hash.
type mixTab struct {
	t uint64
	v []uint64
}

func newMixTab(t uint64, n int) mixTab {
	m := mixTab{t: t, v: make([]uint64, n)}
	for v := range m.v {
		m.v[v] = mix(t, uint64(v))
	}
	return m
}

// get returns mix(m.t, v).
func (m *mixTab) get(v uint64) uint64 {
	if v < uint64(len(m.v)) {
		return m.v[v]
	}
	return mix(m.t, v)
}

// Tables of the low-cardinality templates, sized to their value ranges
// (get falls back to mix outside them).
var (
	mtBias    = mix(fBias, 0)
	mtShape   = newMixTab(fShape, 96)
	mtDLR     = newMixTab(fDLR, 144)
	mtThat    = newMixTab(fThat, 32)
	mtComma   = newMixTab(fComma, 32)
	mtShapeDL = newMixTab(fShapeDL, 176)
	mtShapeDR = newMixTab(fShapeDR, 304)
	mtSDQ     = newMixTab(fSDQ, 40)
	mtLex     = newMixTab(fLex, 16)
	mtQDR     = newMixTab(fQDR, 624)
	mtFirst   = newMixTab(fFirst, 152)
	mtInQ     = newMixTab(fInQ, 2)
	mtRule    = newMixTab(fRule, 4)
	mtPrev    = newMixTab(fPrev, 4)
	mtShapeM1 = newMixTab(fShapeM1, 728)
	mtLexR    = newMixTab(fLexR, 32)
)
