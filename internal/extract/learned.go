package extract

import (
	"cmp"
	"slices"
	"sort"
)

// ruleRoles marks each token with the role the rule-based claims gave it.
func (x *extractor) ruleRoles(claims []Claim) []uint8 {
	roles, _ := x.ruleRolesInto(nil, nil, claims)
	return roles
}

// ruleRolesInto is ruleRoles reusing the array of roles; it also appends
// to cues every token it marks as a cue (a later mark may change it).
func (x *extractor) ruleRolesInto(roles []uint8, cues []int32, claims []Claim) ([]uint8, []int32) {
	roles = grow(roles, len(x.m.toks))
	mark := func(s Span, r uint8) {
		toks, end := x.m.toks, s.End // in registers, not reloaded per token
		roles := roles[:len(toks)]
		for i := x.tokAt(s.Start); i < len(toks) && toks[i].s < end; i++ {
			roles[i] = r
			if r == roleCue {
				cues = append(cues, int32(i))
			}
		}
	}
	for _, c := range claims {
		if c.Cue == nil {
			continue
		}
		for _, s := range c.Spans {
			mark(s, roleCon)
		}
		mark(c.Cue.Span, roleCue)
		for k, h := range c.Chain {
			if h.Cue != nil {
				mark(h.Cue.Span, roleCue)
				if h.Mention != nil {
					mark(h.Mention.Span, roleCon)
				}
			} else if h.Mention != nil && k == 0 {
				mark(h.Mention.Span, roleSrc)
			}
		}
	}
	return roles, cues
}

// learned runs the tagger and adds the attributions it finds that the
// rules missed. A rule claim whose cue the tagger also found is kept as it
// is (it carries the chain, agency credits and coreference); the outlet's
// own claims that a new attribution covers are replaced by it.
func (x *extractor) learned(md *Model, paras []para, claims []Claim) []Claim {
	m := x.m
	sc := scratchPool.Get().(*tagScratch)
	defer func() {
		sc.c.m, sc.c.inQ = nil, nil // do not keep the text (or its prepBuf) alive in the pool
		scratchPool.Put(sc)
	}()
	sc.rule, sc.ruleCues = x.ruleRolesInto(sc.rule, sc.ruleCues[:0], claims)
	c := &sc.c
	c.initWith(m, paras, sc.rule, &x.pre, sc.ruleCues)
	sc.st.initInfer(len(m.toks))
	var rels []trel
	rels, sc.regs = md.tagText(c, &sc.st, sc.regs, paras)
	if len(rels) == 0 {
		return claims
	}
	cueSpans := sc.cueSpans[:0] // the rule claims' cues, sorted
	ruleContent := sc.ruleContent[:0]
	defer func() { sc.cueSpans, sc.ruleContent = cueSpans[:0], ruleContent[:0] }()
	for _, cl := range claims {
		if cl.Cue != nil {
			cueSpans = append(cueSpans, cl.Cue.Span)
			ruleContent = append(ruleContent, cl.Spans...)
		}
		for _, h := range cl.Chain {
			if h.Cue != nil {
				cueSpans = append(cueSpans, h.Cue.Span)
			}
		}
	}
	slices.SortFunc(cueSpans, byStart)
	slices.SortFunc(ruleContent, byStart)
	added := sc.added[:0]
	defer func() {
		clear(added)
		sc.added = added[:0]
	}()
	for _, r := range rels {
		cs := Span{m.toks[r.cue.a].s, m.toks[r.cue.b-1].e}
		if overlapsAny(cueSpans, cs) || x.furniture(c.sents[c.sentOf(r.cue.a)]) {
			continue
		}
		sc.content = append(sc.content[:0], r.content...)
		rw := raw{src: r.src, cue: r.cue, content: sc.content}
		m.finish(&rw)
		if len(rw.content) == 0 {
			continue
		}
		cl := x.build(rw)
		if overlapsAny(ruleContent, cs) || overlapsAnySpans(ruleContent, cl.Spans) {
			// The rules already read this stretch as (part of) another
			// attribution; a nested cue is not the outermost one.
			continue
		}
		cl.Cue = x.mention(rw.cue)
		if !rw.src.empty() {
			cl.Chain = x.a.newHops(1)
			cl.Chain[0] = x.hopOf(rw.src, claims, cl.Start())
		}
		added = append(added, cl)
	}
	if len(added) == 0 {
		return claims
	}
	// Drop the outlet's own claims that a new attribution covers.
	cover := sc.cover[:0]
	for _, a := range added {
		cover = append(cover, a.Spans...)
		cover = append(cover, a.Cue.Span)
	}
	slices.SortFunc(cover, byStart)
	sc.cover = cover[:0]
	// Filter in place: the claims are this extraction's own.
	out := claims[:0]
	for _, cl := range claims {
		if cl.Cue == nil && overlapsAnySpans(cover, cl.Spans) {
			continue
		}
		out = append(out, cl)
	}
	clear(claims[len(out):])
	return mergeByStart(out, added)
}

// mergeByStart returns a and b (a's array reused) in the order a stable
// sort by start of a followed by b gives: a merge when both are sorted.
func mergeByStart(a, b []Claim) []Claim {
	byClaimStart := func(x, y Claim) int { return cmp.Compare(x.Start(), y.Start()) }
	if !slices.IsSortedFunc(a, byClaimStart) || !slices.IsSortedFunc(b, byClaimStart) {
		out := append(a, b...)
		slices.SortStableFunc(out, byClaimStart)
		return out
	}
	// Merge from the back in place: on a tie b's claim goes after a's.
	out := append(a, b...)
	i, j := len(a)-1, len(b)-1
	for k := len(out) - 1; j >= 0; k-- {
		if i >= 0 && out[i].Start() > b[j].Start() {
			out[k] = out[i]
			i--
		} else {
			out[k] = b[j]
			j--
		}
	}
	return out
}

// hopOf makes the hop of a tagged source phrase: a pronoun takes the
// source of the nearest attributed claim before it, anything else goes
// through coreference.
func (x *extractor) hopOf(src rng, claims []Claim, at int) Hop {
	m := x.m
	h := Hop{Mention: x.mention(src)}
	if src.b-src.a == 1 && (m.toks[src.a].fl&flPron != 0) {
		for i := len(claims) - 1; i >= 0; i-- {
			cl := &claims[i]
			if cl.Start() < at && len(cl.Chain) > 0 && cl.Cue != nil {
				last := cl.Chain[len(cl.Chain)-1]
				h.Name, h.Role = last.Name, last.Role
				return h
			}
		}
		h.Name = m.str(src)
		return h
	}
	res := x.co.resolve(m, src, rng{})
	h.Name, h.Role = res.name, res.role
	if h.Name == "" {
		h.Name = m.str(src)
	}
	return h
}

// byStart orders spans by their start; slices.SortFunc leaves ties as
// sort.Slice did (TestSortFuncAsSortSlice).
func byStart(a, b Span) int { return cmp.Compare(a.Start, b.Start) }

// overlapsAny: s shares a code point with one of the sorted spans.
func overlapsAny(sorted []Span, s Span) bool {
	k := sort.Search(len(sorted), func(k int) bool { return sorted[k].Start >= s.End })
	for j := k - 1; j >= 0; j-- {
		if sorted[j].End > s.Start {
			return true
		}
		if s.Start-sorted[j].Start > 2000 {
			break
		}
	}
	return false
}

func overlapsAnySpans(sorted []Span, ss []Span) bool {
	for _, s := range ss {
		if overlapsAny(sorted, s) {
			return true
		}
	}
	return false
}
