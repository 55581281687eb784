package main

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "credibility summary: per article, claims grouped by origin with chains and grades",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "md", Usage: "`FORMAT`: md, html or json"},
			&cli.Int64Flag{Name: "article", Usage: "only article `ID`"},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "md" && format != "json" && format != "html" {
				return usagef("report --format must be md, html or json, not %q", format)
			}
			return withDB(c, func(d *db.DB) error {
				r, err := buildReport(c, d)
				if err != nil {
					return err
				}
				switch format {
				case "json":
					return writeJSON(e.stdout, r)
				case "html":
					return reportHTML.Execute(e.stdout, r)
				}
				writeReportMD(e.stdout, r)
				return nil
			})
		},
	}
}

type report struct {
	Database     string          `json:"database"`
	Articles     int             `json:"articles"`
	Claims       int             `json:"claims"`
	Named        int             `json:"named"`
	Anonymous    int             `json:"anonymous"`
	Unattributed int             `json:"unattributed"`
	Items        []reportArticle `json:"items"`
}

type reportArticle struct {
	db.Article
	Origins []reportOrigin `json:"origins"`
}

// reportOrigin is the claims of one article that end at one origin.
type reportOrigin struct {
	Source      string     `json:"source"`
	Kind        string     `json:"kind"`
	Reliability string     `json:"reliability"`
	Own         bool       `json:"outlet_own"` // the outlet's unattributed statements
	Claims      []db.Claim `json:"claims"`
}

func buildReport(c *cli.Context, d *db.DB) (report, error) {
	r := report{Database: d.Path(), Items: []reportArticle{}}
	arts, err := d.Articles(c.Context)
	if err != nil {
		return r, err
	}
	rel := map[int64]string{}
	ss, err := d.Sources(c.Context)
	if err != nil {
		return r, err
	}
	for _, s := range ss {
		rel[s.ID] = s.Reliability
	}
	only := c.Int64("article")
	found := false
	for _, a := range arts {
		if only != 0 && a.ID != only {
			continue
		}
		found = true
		cs, err := d.Claims(c.Context, db.ClaimFilter{ArticleID: a.ID})
		if err != nil {
			return r, err
		}
		r.Items = append(r.Items, reportArticle{Article: a, Origins: groupByOrigin(cs, rel)})
		r.Articles++
		r.Claims += a.Claims
		r.Named += a.Named
		r.Anonymous += a.Anonymous
		r.Unattributed += a.Unattributed
	}
	if only != 0 && !found {
		return r, fmt.Errorf("article %d: %w", only, db.ErrNotFound)
	}
	return r, nil
}

// groupByOrigin groups claims by the last source of their chain: named
// origins first (most claims first), the outlet's own statements last.
func groupByOrigin(cs []db.Claim, rel map[int64]string) []reportOrigin {
	var out []reportOrigin
	idx := map[int64]int{}
	for _, c := range cs {
		last := c.Chain[len(c.Chain)-1]
		i, ok := idx[last.SourceID]
		if !ok {
			i = len(out)
			idx[last.SourceID] = i
			out = append(out, reportOrigin{Source: last.Source, Kind: last.Kind, Reliability: rel[last.SourceID], Own: len(c.Chain) == 1})
		}
		out[i].Claims = append(out[i].Claims, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Own != out[j].Own {
			return !out[i].Own
		}
		return len(out[i].Claims) > len(out[j].Claims)
	})
	return out
}

func writeReportMD(w io.Writer, r report) {
	fmt.Fprintf(w, "# attrib credibility report\n\n")
	fmt.Fprintf(w, "%d article(s), %d claim(s): %d attributed to named sources, %d to anonymous sources only, %d unattributed (the outlet's own).\n\n",
		r.Articles, r.Claims, r.Named, r.Anonymous, r.Unattributed)
	fmt.Fprintf(w, "Grades follow the Admiralty code: information credibility 1 (confirmed by two or more independent origins) to 5 (improbable), 6 = cannot be judged; source reliability A to E, F = not enough track record. The number in brackets ranks claims from 0 to 1.\n")
	for _, a := range r.Items {
		title := a.Title
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(w, "\n## Article %d: %s\n\n", a.ID, mdEscape(title))
		meta := []string{a.Outlet}
		for _, s := range []string{a.Published, a.URL} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		fmt.Fprintf(w, "%s. %d claim(s): %d named, %d anonymous, %d unattributed.\n", strings.Join(meta, ", "), a.Claims, a.Named, a.Anonymous, a.Unattributed)
		for _, o := range a.Origins {
			if o.Own {
				fmt.Fprintf(w, "\n### Unattributed: %s's own statements (%d)\n\n", mdEscape(o.Source), len(o.Claims))
			} else {
				fmt.Fprintf(w, "\n### Origin: %s (%s, reliability %s): %d claim(s)\n\n", mdEscape(o.Source), o.Kind, o.Reliability, len(o.Claims))
			}
			for _, c := range o.Claims {
				text := mdEscape(c.Text)
				if c.Quote {
					text = "“" + text + "”"
				}
				cue := ""
				if c.Cue != nil {
					cue = fmt.Sprintf(" (*%s*)", mdEscape(c.Cue.Text))
				}
				fmt.Fprintf(w, "- **%s** claim %d: %s  \n  chain: %s%s; %d independent origin(s), %d supporting / %d contradicting article(s)\n",
					gradeText(c), c.ID, text, mdEscape(strings.ReplaceAll(chainText(c.Chain), "->", "→")), cue,
					c.IndependentOrigins, c.SupportingArticles, c.ContradictingArticles)
			}
		}
	}
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `&lt;`, "\n", " ")

func mdEscape(s string) string { return mdEscaper.Replace(s) }

var reportHTML = template.Must(template.New("report").Funcs(template.FuncMap{
	"chain": chainText, "grade": gradeText,
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>attrib credibility report</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}
.grade{font-weight:bold}.chain{color:#555}li{margin-bottom:.5rem}</style></head><body>
<h1>attrib credibility report</h1>
<p>{{.Articles}} article(s), {{.Claims}} claim(s): {{.Named}} named, {{.Anonymous}} anonymous, {{.Unattributed}} unattributed.</p>
{{range .Items}}<h2>Article {{.ID}}: {{.Title}}</h2>
<p>{{.Outlet}} {{.Published}} {{.URL}}. {{.Claims}} claim(s): {{.Named}} named, {{.Anonymous}} anonymous, {{.Unattributed}} unattributed.</p>
{{range .Origins}}{{if .Own}}<h3>Unattributed: {{.Source}}'s own statements</h3>{{else}}<h3>Origin: {{.Source}} ({{.Kind}}, reliability {{.Reliability}})</h3>{{end}}
<ul>{{range .Claims}}<li><span class="grade">{{grade .}}</span> claim {{.ID}}: {{if .Quote}}“{{.Text}}”{{else}}{{.Text}}{{end}}<br>
<span class="chain">{{chain .Chain}}{{with .Cue}} ({{.Text}}){{end}}; {{.IndependentOrigins}} independent origin(s)</span></li>
{{end}}</ul>{{end}}{{end}}</body></html>
`))
