package scoring

// Beta prior of source reliability: Beta(2, 2), mean 0.5, so a source needs
// a few judged claims before its letter moves away from F.
const (
	priorA       = 2.0
	priorB       = 2.0
	minEvidence  = 3  // judged propositions before a letter other than F
	minEvidenceA = 10 // judged propositions before an A
)

// tally is a source's track record: propositions later corroborated by
// independent origins or confirmed by a fact-checker (succ) and those
// contradicted or marked false (fail).
type tally struct{ succ, fail float64 }

// letter turns a track record into an Admiralty reliability letter and the
// Beta posterior mean.
func letter(t tally) (string, float64) {
	n := t.succ + t.fail
	m := (priorA + t.succ) / (priorA + priorB + n)
	switch {
	case n < minEvidence:
		return "F", m
	case m >= 0.85 && n >= minEvidenceA:
		return "A", m
	case m >= 0.7:
		return "B", m
	case m >= 0.55:
		return "C", m
	case m >= 0.4:
		return "D", m
	}
	return "E", m
}

// ratingValue is MISP's admiralty-scale value of a letter.
func ratingValue(l string) float64 {
	switch l {
	case "A":
		return 1
	case "B":
		return 0.75
	case "C":
		return 0.5
	case "D":
		return 0.25
	case "E":
		return 0
	}
	return 0.5
}

// letterWeight weighs an origin's vote by its reliability; unknown (F)
// sources count as fair.
func letterWeight(l string) float64 {
	switch l {
	case "A":
		return 1.5
	case "B":
		return 1.25
	case "D":
		return 0.6
	case "E":
		return 0.3
	}
	return 1
}

// gradeInput is what the credibility rule looks at for one proposition.
type gradeInput struct {
	support     []weighted // independent supporting groups
	contraIndep []weighted // contradicting groups independent of the support
	contraDep   int        // contradicting claims that share a source with the support
	oneOutlet   bool       // every supporting claim comes from one outlet
	verdict     string     // "", "true", "false", "misleading", "conflict"
}

type weighted struct {
	class  int
	letter string
	w      float64
}

// credibility applies the Admiralty information-credibility rules and
// returns the grade, a score in [0,1] and the rule in words.
func credibility(g gradeInput) (string, float64, string) {
	var ws, wc float64
	strong := 0
	reliable := false
	for _, s := range g.support {
		ws += s.w
		if s.class <= clsBroken {
			strong++
			if s.letter != "D" && s.letter != "E" {
				reliable = true
			}
		}
	}
	cStrong, cReliable := 0, false
	for _, c := range g.contraIndep {
		wc += c.w
		if c.class <= clsBroken {
			cStrong++
			if c.letter == "A" || c.letter == "B" {
				cReliable = true
			}
		}
	}
	f := ws / (ws + wc + 1)
	band := func(lo, hi float64) float64 { return lo + (hi-lo)*f }
	switch {
	case g.verdict == "conflict":
		return "6", 0.5, "fact-checker verdicts on its claims disagree, so it cannot be judged (6)"
	case g.verdict == "false":
		return "5", band(0, 0.2), "a fact-checker marked it false, so it is improbable (5)"
	case g.verdict == "true":
		return "1", band(0.8, 1), "a fact-checker marked it true, so it is confirmed (1)"
	case g.verdict == "misleading":
		return "4", band(0.25, 0.45), "a fact-checker marked it misleading, so it is doubtful (4)"
	case len(g.support) == 0:
		return "6", 0.5, "no supporting origin, so it cannot be judged (6)"
	case len(g.contraIndep) > 0:
		switch {
		case cStrong > 0 && (cReliable || len(g.contraIndep) >= 2) && wc >= ws:
			return "5", 0.2 * (1 - wc/(ws+wc+1)), "independent, reliable origins contradict it at least as strongly as it is supported, so it is improbable (5)"
		case strong >= 2 && ws >= 2*wc:
			return "2", band(0.65, 0.8), "two or more independent origins support it and outweigh the contradiction, so it is probably true (2)"
		}
		return "4", band(0.25, 0.45), "an independent origin of comparable weight contradicts it, so it is doubtful (4)"
	case strong >= 2 && (g.oneOutlet || g.contraDep > 0):
		why := "all of them reach us through one outlet"
		if !g.oneOutlet {
			why = "a chain from one of its origins reports it differently"
		}
		return "2", band(0.65, 0.8), "two or more independent origins support it but " + why + ", so it is probably true (2)"
	case strong >= 2:
		return "1", band(0.8, 1), "two or more independent origins confirm it and nothing contradicts it, so it is confirmed (1)"
	case strong == 1 && len(g.support) >= 2 && reliable:
		return "2", band(0.65, 0.8), "one reliable named origin plus independent weak (anonymous or unattributed) support, so it is probably true (2)"
	case strong == 1:
		return "3", band(0.45, 0.65), "only one independent origin, so it is possibly true (3)"
	}
	return "4", band(0.25, 0.45), "only anonymous or unattributed origins, so it is doubtful (4)"
}
