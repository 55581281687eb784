package extract

// roleCtx holds, for each token, where the nearest cue stands.
type roleCtx struct {
	dl, dr     []int32  // distance to the nearest cue left/right in the sentence (0 none)
	cl, cr     []uint64 // form hash of that cue's first word
	that       []bool   // "that" or ":" between the left cue and the token
	comma      []bool   // a comma between the token and the right cue
	sd         []int8   // sentences since the last sentence with a cue (in the paragraph), 9 none
	isCue      []bool
	paraFirstS []int32
}

// fillRoleCtx computes the cue-relative facts for tokens [a, b) (one
// paragraph) given the cue marks isCue (text-wide; B/I via cueStart).
func (c *tctx) fillRoleCtx(rc *roleCtx, a, b int, isCue, cueStart []bool) {
	c.fillRoleRange(rc, a, b, -1, isCue, cueStart)
}

// fillRoleRegions is fillRoleCtx for the tokens of the regions of
// paragraph [a, b) only (whole sentences, in order): the facts are
// sentence-local but for the distance to the paragraph's last sentence
// with a cue, carried over by a scan of the cue marks.
func (c *tctx) fillRoleRegions(rc *roleCtx, a int, regs []rng, isCue, cueStart []bool) {
	seen := int32(-1) // the sentence of the last cue before pos
	pos := a
	for _, r := range regs {
		for ; pos < r.a; pos++ {
			if isCue[pos] {
				seen = c.sent[pos]
			}
		}
		c.fillRoleRange(rc, r.a, r.b, seen, isCue, cueStart)
	}
}

// fillRoleRange computes the facts for tokens [a, b), whole sentences of
// one paragraph; seen is the sentence of the paragraph's last cue before
// a (-1 none).
func (c *tctx) fillRoleRange(rc *roleCtx, a, b int, seen int32, isCue, cueStart []bool) {
	m := c.m
	// Left sweep.
	lastCue := -1
	var lastForm uint64
	that := false
	cueSentSeen := seen
	for i := a; i < b; i++ {
		if i > a && c.sent[i] != c.sent[i-1] {
			lastCue = -1
		}
		if isCue[i] {
			if cueStart[i] || lastCue < 0 {
				lastForm = c.form[i]
			}
			lastCue, that = i, false
			cueSentSeen = c.sent[i]
			rc.dl[i], rc.cl[i], rc.that[i] = 0, 0, false
		} else if lastCue >= 0 {
			rc.dl[i], rc.cl[i], rc.that[i] = int32(i-lastCue), lastForm, that
			if m.word(i, "that") || m.punctA(i, ':') {
				that = true
			}
		} else {
			rc.dl[i], rc.cl[i], rc.that[i] = 0, 0, false
		}
		if cueSentSeen < 0 {
			rc.sd[i] = 9
		} else {
			d := c.sent[i] - cueSentSeen
			if d > 3 {
				d = 3
			}
			rc.sd[i] = int8(d)
		}
	}
	// Right sweep.
	nextCue := -1
	var nextForm uint64
	comma := false
	for i := b - 1; i >= a; i-- {
		if i < b-1 && c.sent[i] != c.sent[i+1] {
			nextCue = -1
		}
		if isCue[i] {
			nextCue, comma = i, false
			// the first word of this cue run
			j := i
			for j > a && isCue[j-1] && !cueStart[j] {
				j--
			}
			nextForm = c.form[j]
			rc.dr[i], rc.cr[i], rc.comma[i] = 0, 0, false
			continue
		}
		if nextCue >= 0 {
			rc.dr[i], rc.cr[i], rc.comma[i] = int32(nextCue-i), nextForm, comma
			if m.punctA(i, ',') || m.toks[i].k == kQClose {
				comma = true
			}
		} else {
			rc.dr[i], rc.cr[i], rc.comma[i] = 0, 0, false
		}
	}
}

func newRoleCtx(n int) *roleCtx {
	rc := &roleCtx{}
	rc.init(n)
	return rc
}

func (rc *roleCtx) init(n int) {
	rc.dl, rc.dr, rc.cl, rc.cr = grow(rc.dl, n), grow(rc.dr, n), grow(rc.cl, n), grow(rc.cr, n)
	rc.that, rc.comma, rc.sd = grow(rc.that, n), grow(rc.comma, n), grow(rc.sd, n)
}
