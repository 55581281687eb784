package scoring

import "strings"

const maxListed = 5 // origins or chains named in one explanation

var gradeWord = map[string]string{"1": "confirmed", "2": "probably true", "3": "possibly true",
	"4": "doubtful", "5": "improbable", "6": "cannot be judged"}

// chainString writes a claim's chain as "Outlet -> Agency -> Origin".
func (e *env) chainString(c *Claim) string {
	var b strings.Builder
	b.WriteString(e.name(c.Outlet))
	for _, h := range c.Chain {
		b.WriteString(" -> ")
		b.WriteString(e.name(h))
	}
	if len(c.Chain) == 0 {
		b.WriteString(" (its own statement)")
	}
	return b.String()
}

// describeComp names a group's origin, its class and an example chain.
func (e *env) describeComp(cp *component, letter string) string {
	c := e.claims[cp.claims[0]]
	s := e.name(cp.origin) + " (" + className[cp.class] + ", reliability " + letter + "; " + plural(len(cp.claims), "claim") + ", e.g. " + e.chainString(c) + ")"
	return s
}

func plural(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return itoa(int64(n)) + " " + w + "s"
}

// explainProp writes the sentences a fact-checker can quote for a grade.
func explainProp(e *env, props []propWork, p int, rt *relTable, pr Proposition) string {
	pw := &props[p]
	var b strings.Builder
	b.WriteString("Grade " + pr.Grade + " (" + gradeWord[pr.Grade] + "): " + pw.rule + ". ")
	b.WriteString("Independent origins (" + itoa(int64(len(pw.comps))) + "): ")
	for i := range pw.comps {
		if i == maxListed {
			b.WriteString("; and " + itoa(int64(len(pw.comps)-maxListed)) + " more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.describeComp(&pw.comps[i], rt.letterFor(e, pw.comps[i].origin, p)))
	}
	b.WriteString(". Supported in " + plural(pr.SupportingArticles, "article"))
	if n := len(pw.support); n > len(pw.comps) {
		b.WriteString("; " + plural(n-len(pw.comps), "claim") + verb(n-len(pw.comps), " only echoes", " only echo") + " an origin already counted")
	}
	b.WriteString(".")
	if len(pw.contraIndep) > 0 {
		b.WriteString(" Contradicted by " + plural(len(pw.contraIndep), "independent origin") + ": ")
		for i, cp := range pw.contraIndep {
			if i == maxListed {
				b.WriteString("; and more")
				break
			}
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(e.describeComp(cp, rt.letterFor(e, cp.origin, p)))
		}
		b.WriteString(".")
	}
	if pw.contraDep > 0 {
		b.WriteString(" " + plural(pw.contraDep, "contradicting claim") + verb(pw.contraDep, " shares", " share") + " a source with the support, so they show a disagreement in the reporting rather than independent evidence.")
	}
	if len(pw.deny) > 0 {
		b.WriteString(" " + plural(len(pw.deny), "claim") + verb(len(pw.deny), " denies", " deny") + " it.")
	}
	if len(pr.Contradicts) > 0 {
		b.WriteString(" Propositions giving a different value for the same quantity: ")
		for i, q := range pr.Contradicts {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("#" + itoa(q))
		}
		b.WriteString(".")
	}
	if pr.ContradictingArticles == 0 && len(pw.contraIndep) == 0 && pw.contraDep == 0 {
		b.WriteString(" Nothing contradicts it.")
	}
	if pw.verdict != "" && pw.verdict != "conflict" {
		b.WriteString(" A fact-checker's verdict (" + pw.verdict + ") decided the grade.")
	}
	return b.String()
}

// explainClaim places one claim in its proposition.
//
// A fact-checker's verdict that set the grade is named first, so that
// "graded 1 with 1 independent origin" is never read as corroboration.
func explainClaim(e *env, i int, stance, fid string, pr *Proposition, verdict string) string {
	c := e.claims[i]
	verb := "Supports"
	if stance == stanceContradicts {
		verb = "Contradicts (denies)"
	}
	s := verb + " proposition #" + itoa(pr.ID) + ", graded " + pr.Grade + " (" + gradeWord[pr.Grade] + ")"
	switch verdict {
	case "true", "false", "misleading":
		s += " by a fact-checker's verdict (" + verdict + "), not by corroboration; it has " + plural(pr.IndependentOrigins, "independent origin")
	case "conflict":
		s += " because fact-checker verdicts on its claims disagree; it has " + plural(pr.IndependentOrigins, "independent origin")
	default:
		s += " with " + plural(pr.IndependentOrigins, "independent origin")
	}
	s += ". Chain: " + e.chainString(c) + ". "
	switch fid {
	case "confirmed":
		s += "Fidelity confirmed: two or more independent chains attribute it to " + e.name(e.origin(c)) + "."
	case "single":
		s += "Fidelity rests on this one chain to " + e.name(e.origin(c)) + "."
	case "drifted":
		s += "Fidelity doubtful: other chains to " + e.name(e.origin(c)) + " report it with a hedge or a different number."
	case "unattributed":
		s += "The outlet states it without attribution."
	case "broken":
		s += "The chain ends at " + e.name(e.rawOrigin(c)) + ", which is not in the store and names no origin."
	}
	return s
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
