package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func showCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "show",
		Usage: "one claim, source or article in full: chain, evidence spans, proposition, grade and why",
		Subcommands: []*cli.Command{
			{Name: "claim", ArgsUsage: "ID", Flags: []cli.Flag{jsonFlag}, Action: func(c *cli.Context) error {
				id, err := idArg(c, "claim")
				if err != nil {
					return err
				}
				return withDB(c, func(d *db.DB) error { return showClaim(c, e, d, id) })
			}},
			{Name: "source", ArgsUsage: "NAME", Flags: []cli.Flag{jsonFlag}, Action: func(c *cli.Context) error {
				args, err := positional(c)
				if err != nil {
					return err
				}
				if len(args) == 0 {
					return usagef("show source needs a NAME")
				}
				name := strings.Join(args, " ")
				return withDB(c, func(d *db.DB) error { return showSource(c, e, d, name) })
			}},
			{Name: "article", ArgsUsage: "ID", Flags: []cli.Flag{jsonFlag}, Action: func(c *cli.Context) error {
				id, err := idArg(c, "article")
				if err != nil {
					return err
				}
				return withDB(c, func(d *db.DB) error { return showArticle(c, e, d, id) })
			}},
		},
	}
}

// idArg reads the one positional ID of a command.
func idArg(c *cli.Context, what string) (int64, error) {
	args, err := positional(c)
	if err != nil {
		return 0, err
	}
	if len(args) != 1 {
		return 0, usagef("%s needs exactly one %s ID", c.Command.FullName(), what)
	}
	return parseID(args[0], what)
}

func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%s ID must be a positive number, not %q", what, s)
	}
	return id, nil
}

// claimDetail is `show claim --json`: the claim and the other claims of its proposition.
type claimDetail struct {
	db.Claim
	Proposition []db.Claim `json:"proposition_claims"`
}

func showClaim(c *cli.Context, e *env, d *db.DB, id int64) error {
	cl, err := d.Claim(c.Context, id)
	if err != nil {
		return err
	}
	det := claimDetail{Claim: cl, Proposition: []db.Claim{}}
	if cl.PropositionID != nil {
		ps, err := d.Claims(c.Context, db.ClaimFilter{PropositionID: *cl.PropositionID})
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.ID != cl.ID {
				det.Proposition = append(det.Proposition, p)
			}
		}
	}
	if c.Bool("json") {
		return writeJSON(e.stdout, det)
	}
	writeClaimDetail(e.stdout, det)
	return nil
}

func writeClaimDetail(w io.Writer, det claimDetail) {
	cl := det.Claim
	kind := "indirect"
	if cl.Quote {
		kind = "direct quote"
	}
	fmt.Fprintf(w, "Claim %d (article %d, %s, %s)\n", cl.ID, cl.ArticleID, cl.Outlet, kind)
	fmt.Fprintf(w, "  text:   %s\n", cl.Text)
	fmt.Fprintf(w, "  spans:  %v\n", cl.Spans)
	if cl.Cue != nil {
		fmt.Fprintf(w, "  cue:    %q at %d-%d\n", cl.Cue.Text, cl.Cue.Start, cl.Cue.End)
	} else {
		fmt.Fprintf(w, "  cue:    none: the outlet's own statement\n")
	}
	fmt.Fprintf(w, "  chain:  %s\n", chainText(cl.Chain))
	for i, h := range cl.Chain {
		where := "publishing outlet"
		if i > 0 {
			where = "carried over from elsewhere in the article"
		}
		if h.Mention != nil {
			where = fmt.Sprintf("named as %q at %d-%d", h.Mention.Text, h.Mention.Start, h.Mention.End)
		}
		role := ""
		if h.Role != "" {
			role = ", " + h.Role
		}
		fmt.Fprintf(w, "    %d. %s (%s%s): %s\n", i, h.Source, h.Kind, role, where)
	}
	fmt.Fprintf(w, "  grade:  %s", gradeText(cl))
	if cl.PropositionID != nil {
		fmt.Fprintf(w, ", proposition %d (%s), %d independent origin(s), %d supporting and %d contradicting article(s)",
			*cl.PropositionID, cl.Stance, cl.IndependentOrigins, cl.SupportingArticles, cl.ContradictingArticles)
	}
	fmt.Fprintln(w)
	if cl.Fidelity != "" {
		fmt.Fprintf(w, "  attribution fidelity: %s\n", cl.Fidelity)
	}
	if cl.Explanation != "" {
		fmt.Fprintf(w, "  why:    %s\n", cl.Explanation)
	}
	if len(det.Proposition) > 0 {
		fmt.Fprintln(w, "  same proposition:")
		for _, p := range det.Proposition {
			fmt.Fprintf(w, "    claim %d (article %d, %s): %s\n", p.ID, p.ArticleID, chainText(p.Chain), clip(p.Text, 80))
		}
	}
}

// sourceDetail is `show source --json`.
type sourceDetail struct {
	db.Source
	Claims []db.Claim `json:"claims"`
}

func showSource(c *cli.Context, e *env, d *db.DB, name string) error {
	s, err := findSource(c, d, name)
	if err != nil {
		return err
	}
	cs, err := d.Claims(c.Context, db.ClaimFilter{SourceID: s.ID})
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []db.Claim{}
	}
	if c.Bool("json") {
		return writeJSON(e.stdout, sourceDetail{Source: s, Claims: cs})
	}
	fmt.Fprintf(e.stdout, "Source %d: %s (%s)\n", s.ID, s.Name, s.Kind)
	if len(s.Aliases) > 0 {
		fmt.Fprintf(e.stdout, "  aliases:     %s\n", strings.Join(s.Aliases, "; "))
	}
	if s.Affiliation != "" {
		fmt.Fprintf(e.stdout, "  speaks for:  %s\n", s.Affiliation)
	}
	fmt.Fprintf(e.stdout, "  reliability: %s", s.Reliability)
	if s.Rating != "" {
		fmt.Fprintf(e.stdout, " (rated %s by a fact-checker)", s.Rating)
	}
	fmt.Fprintln(e.stdout)
	if s.ReliabilityNote != "" {
		fmt.Fprintf(e.stdout, "  why:         %s\n", s.ReliabilityNote)
	}
	fmt.Fprintf(e.stdout, "  published %d article(s); cited in %d claim(s); origin of %d\n\n", s.Articles, s.CitedIn, s.OriginOf)
	return printClaims(e.stdout, cs)
}

// articleDetail is `show article --json`: the article with its text and claims.
type articleDetail struct {
	db.Article
	ClaimList []db.Claim `json:"claim_list"`
}

func showArticle(c *cli.Context, e *env, d *db.DB, id int64) error {
	a, err := d.Article(c.Context, id)
	if err != nil {
		return err
	}
	cs, err := d.Claims(c.Context, db.ClaimFilter{ArticleID: id})
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []db.Claim{}
	}
	if c.Bool("json") {
		return writeJSON(e.stdout, articleDetail{Article: a, ClaimList: cs})
	}
	fmt.Fprintf(e.stdout, "Article %d: %s\n  outlet: %s\n  url: %s\n  published: %s\n  from: %s\n", a.ID, a.Title, a.Outlet, a.URL, a.Published, a.From)
	fmt.Fprintf(e.stdout, "  claims: %d (%d named, %d anonymous, %d unattributed)\n\n", a.Claims, a.Named, a.Anonymous, a.Unattributed)
	return printClaims(e.stdout, cs)
}
