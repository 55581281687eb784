package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write claims in an interchange format: claimreview (schema.org JSON-LD), prov (W3C PROV-JSON), csv, dot (Graphviz)",
		Flags: []cli.Flag{&cli.StringFlag{Name: "format", Value: "csv", Usage: "`FORMAT`: claimreview, prov, csv or dot"}},
		Action: func(c *cli.Context) error {
			write, ok := map[string]func(io.Writer, exportData) error{
				"claimreview": writeClaimReview, "prov": writePROV, "csv": writeCSV, "dot": writeDOT,
			}[c.String("format")]
			if !ok {
				return usagef("export --format must be claimreview, prov, csv or dot, not %q", c.String("format"))
			}
			return withDB(c, func(d *db.DB) error {
				x, err := loadExport(c, d)
				if err != nil {
					return err
				}
				return write(e.stdout, x)
			})
		},
	}
}

// exportData is everything the exporters need.
type exportData struct {
	claims   []db.Claim
	articles map[int64]db.Article
	verdicts map[int64]db.VerdictRow
}

func loadExport(c *cli.Context, d *db.DB) (exportData, error) {
	var x exportData
	var err error
	if x.claims, err = d.Claims(c.Context, db.ClaimFilter{}); err != nil {
		return x, err
	}
	as, err := d.Articles(c.Context)
	if err != nil {
		return x, err
	}
	x.articles = map[int64]db.Article{}
	for _, a := range as {
		x.articles[a.ID] = a
	}
	x.verdicts, err = d.Verdicts(c.Context)
	return x, err
}

func writeCSV(w io.Writer, x exportData) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"claim_id", "article_id", "outlet", "published", "url", "text", "start", "end", "quote", "cue",
		"chain", "origin", "origin_kind", "proposition_id", "stance", "grade", "score", "independent_origins",
		"supporting_articles", "contradicting_articles", "verdict"})
	for _, c := range x.claims {
		a := x.articles[c.ArticleID]
		cue, prop := "", ""
		if c.Cue != nil {
			cue = c.Cue.Text
		}
		if c.PropositionID != nil {
			prop = strconv.FormatInt(*c.PropositionID, 10)
		}
		origin := c.Chain[len(c.Chain)-1]
		cw.Write([]string{itoa(c.ID), itoa(c.ArticleID), c.Outlet, a.Published, a.URL, c.Text, strconv.Itoa(c.Start),
			strconv.Itoa(c.End), strconv.FormatBool(c.Quote), cue, chainText(c.Chain), origin.Source, origin.Kind, prop,
			c.Stance, c.Grade, strconv.FormatFloat(c.Score, 'f', 3, 64), strconv.Itoa(c.IndependentOrigins),
			strconv.Itoa(c.SupportingArticles), strconv.Itoa(c.ContradictingArticles), x.verdicts[c.ID].Verdict})
	}
	cw.Flush()
	return cw.Error()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// writeDOT draws who cites whom: an edge from each hop to the next, weighted
// by the number of claims that travel it.
func writeDOT(w io.Writer, x exportData) error {
	type edge struct{ from, to int64 }
	names := map[int64]string{}
	kinds := map[int64]string{}
	edges := map[edge]int{}
	for _, c := range x.claims {
		for i, h := range c.Chain {
			names[h.SourceID], kinds[h.SourceID] = h.Source, h.Kind
			if i > 0 {
				edges[edge{c.Chain[i-1].SourceID, h.SourceID}]++
			}
		}
	}
	ids := make([]int64, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	fmt.Fprintln(w, "digraph attrib {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];")
	for _, id := range ids {
		fmt.Fprintf(w, "  s%d [label=%s];\n", id, strconv.Quote(names[id]+"\n("+kinds[id]+")"))
	}
	es := make([]edge, 0, len(edges))
	for e := range edges {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].from != es[j].from {
			return es[i].from < es[j].from
		}
		return es[i].to < es[j].to
	})
	for _, e := range es {
		fmt.Fprintf(w, "  s%d -> s%d [label=\"%d\"];\n", e.from, e.to, edges[e])
	}
	fmt.Fprintln(w, "}")
	return nil
}

// admiralty is the wording of each information-credibility digit.
var admiralty = map[string]string{
	"1": "Confirmed by other sources", "2": "Probably true", "3": "Possibly true",
	"4": "Doubtful", "5": "Improbable", "6": "Truth cannot be judged",
}

// writeClaimReview writes one schema.org ClaimReview per claim: the
// fact-checker's verdict when there is one, else attrib's credibility digit
// (1 best, 5 worst; 6 cannot be judged) with its explanation.
func writeClaimReview(w io.Writer, x exportData) error {
	out := []map[string]any{}
	for _, c := range x.claims {
		a := x.articles[c.ArticleID]
		origin := c.Chain[len(c.Chain)-1]
		item := map[string]any{
			"@type":      "Claim",
			"author":     map[string]any{"@type": orgOrPerson(origin.Kind), "name": origin.Source},
			"appearance": map[string]any{"@type": "CreativeWork", "url": a.URL, "headline": a.Title, "publisher": map[string]any{"@type": "Organization", "name": c.Outlet}},
		}
		if a.Published != "" {
			item["datePublished"] = a.Published
		}
		rating := map[string]any{"@type": "Rating", "ratingValue": c.Grade, "bestRating": "1", "worstRating": "5",
			"alternateName": admiralty[c.Grade], "ratingExplanation": c.Explanation}
		author := map[string]any{"@type": "SoftwareApplication", "name": "attrib"}
		if v, ok := x.verdicts[c.ID]; ok {
			rating = map[string]any{"@type": "Rating", "alternateName": v.Verdict, "ratingExplanation": v.Note}
			author = map[string]any{"@type": "Organization", "name": "fact-checker"}
		}
		r := map[string]any{
			"@context": "https://schema.org", "@type": "ClaimReview",
			"claimReviewed": c.Text, "itemReviewed": item, "reviewRating": rating, "author": author,
			"identifier": fmt.Sprintf("attrib:claim:%d", c.ID),
		}
		out = append(out, r)
	}
	return writeJSON(w, out)
}

func orgOrPerson(kind string) string {
	if kind == "person" {
		return "Person"
	}
	return "Organization"
}

// writePROV writes W3C PROV-JSON: each claim an entity attributed to its
// outlet; each hop a quotation (prov:Quotation derivation) of the next
// source's statement; the origin its primary source; attrib's extraction an
// activity associated with a software agent.
func writePROV(w io.Writer, x exportData) error {
	entity, agent, derived, attributed, used := map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}
	agent["attrib:software"] = map[string]any{"prov:type": "prov:SoftwareAgent", "prov:label": "attrib"}
	n := 0
	next := func(p string) string { n++; return fmt.Sprintf("_:%s%d", p, n) }
	for _, c := range x.claims {
		for _, h := range c.Chain {
			t := "prov:Organization"
			if h.Kind == "person" {
				t = "prov:Person"
			}
			agent[fmt.Sprintf("attrib:source/%d", h.SourceID)] = map[string]any{"prov:type": t, "prov:label": h.Source, "attrib:kind": h.Kind}
		}
		// The statement as each hop made it: hop 0 is the article's.
		prev := ""
		for i, h := range c.Chain {
			id := fmt.Sprintf("attrib:claim/%d/hop/%d", c.ID, i)
			if i == 0 {
				id = fmt.Sprintf("attrib:claim/%d", c.ID)
			}
			entity[id] = map[string]any{"prov:value": c.Text, "prov:label": "as stated by " + h.Source}
			attributed[next("a")] = map[string]any{"prov:entity": id, "prov:agent": fmt.Sprintf("attrib:source/%d", h.SourceID)}
			if prev != "" {
				derived[next("d")] = map[string]any{"prov:generatedEntity": prev, "prov:usedEntity": id, "prov:type": "prov:Quotation"}
			}
			prev = id
		}
		if len(c.Chain) > 1 {
			derived[next("d")] = map[string]any{"prov:generatedEntity": fmt.Sprintf("attrib:claim/%d", c.ID), "prov:usedEntity": prev, "prov:type": "prov:PrimarySource"}
		}
		used[next("g")] = map[string]any{"prov:entity": fmt.Sprintf("attrib:claim/%d", c.ID), "prov:activity": "attrib:extraction"}
	}
	doc := map[string]any{
		"prefix":            map[string]string{"attrib": "https://attrib.invalid/ns#", "prov": "http://www.w3.org/ns/prov#"},
		"entity":            entity,
		"agent":             agent,
		"activity":          map[string]any{"attrib:extraction": map[string]any{"prov:label": "attribution extraction by attrib"}},
		"wasAssociatedWith": map[string]any{"_:assoc": map[string]any{"prov:activity": "attrib:extraction", "prov:agent": "attrib:software"}},
		"wasGeneratedBy":    used,
		"wasAttributedTo":   attributed,
		"wasDerivedFrom":    derived,
	}
	return writeJSON(w, doc)
}
