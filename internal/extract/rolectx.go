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
	cur := c.sentOf(a) // the sentence of token i
	for i := a; i < b; i++ {
		if i > a && c.first[i] {
			lastCue = -1
			cur = c.sentOf(i)
		}
		if isCue[i] {
			if cueStart[i] || lastCue < 0 {
				lastForm = c.m.toks[i].h
			}
			lastCue, that = i, false
			cueSentSeen = cur
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
			d := cur - cueSentSeen
			if d > 3 {
				d = 3
			}
			rc.sd[i] = int8(d)
		}
	}
	c.fillRoleRight(rc, a, b, isCue, cueStart)
}

// fillRoleRight computes the facts of the nearest cue to the right (dr,
// cr, comma) for tokens [a, b), whole sentences of one paragraph; the
// left ones emitRegion computes as it goes.
func (c *tctx) fillRoleRight(rc *roleCtx, a, b int, isCue, cueStart []bool) {
	// The slices cut to [a, b) in locals, indexed by k = i-a: the stores
	// below need not reload them, and need no bounds checks.
	n := b - a
	if n <= 0 {
		return
	}
	toks, first := c.m.toks[a:b][:n], c.first[a:b][:n]
	ic, cs := isCue[a:b][:n], cueStart[a:b][:n]
	dr, cr, cm := rc.dr[a:b][:n], rc.cr[a:b][:n], rc.comma[a:b][:n]
	nextCue := -1 // as k
	var nextForm uint64
	comma := false
	for k := n - 1; k >= 0; k-- {
		if k < n-1 && first[k+1] {
			nextCue = -1
		}
		if ic[k] {
			nextCue, comma = k, false
			// the first word of this cue run
			j := k
			for j > 0 && ic[j-1] && !cs[j] {
				j--
			}
			nextForm = toks[j].h
			dr[k], cr[k], cm[k] = 0, 0, false
			continue
		}
		if nextCue >= 0 {
			dr[k], cr[k], cm[k] = int32(nextCue-k), nextForm, comma
			if t := &toks[k]; t.mk == ',' || t.k == kQClose { // m.punctA(i, ',')
				comma = true
			}
		} else {
			dr[k], cr[k], cm[k] = 0, 0, false
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
