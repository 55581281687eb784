package brat

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// Table renders the report as an aligned text table, one row per role and
// match kind, followed by a line of document counts and timings.
func (r Report) Table() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "%-8s %-7s\tgold\tpred\tTP\tFP\tFN\tP%%\tR%%\tF1%%\t\n", "role", "match")
	rows := []struct {
		name string
		rs   RoleScore
	}{{"source", r.Source}, {"cue", r.Cue}, {"content", r.Content}, {"relation", r.Relation}}
	for _, row := range rows {
		for _, m := range []struct {
			kind string
			s    Score
		}{{"exact", row.rs.Exact}, {"overlap", row.rs.Overlap}} {
			fmt.Fprintf(w, "%-8s %-7s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n",
				row.name, m.kind, row.rs.Gold, row.rs.Predicted, m.s.TP, m.s.FP, m.s.FN,
				pct(m.s.Precision, row.rs.Predicted), pct(m.s.Recall, row.rs.Gold),
				pct(m.s.F1, row.rs.Predicted+row.rs.Gold))
		}
	}
	w.Flush()
	fmt.Fprintf(&b, "%d docs, %d code points; predict %.3fs (%.1f MB/s), matching %.3fs",
		r.Docs, r.Chars, r.PredictSeconds, r.MBPerSecond, r.EvalSeconds)
	if r.DroppedInDiscard > 0 {
		fmt.Fprintf(&b, "; %d predictions inside Discard spans ignored", r.DroppedInDiscard)
	}
	b.WriteByte('\n')
	return b.String()
}

// pct formats a percentage, or "-" when its denominator is zero.
func pct(v float64, denom int) string {
	if denom == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", v)
}
