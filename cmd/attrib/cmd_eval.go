package main

import (
	"fmt"
	"io"
	"os"

	"github.com/attrib/attrib/internal/brat"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/truth"
	"github.com/urfave/cli/v2"
)

func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "measure attrib: extraction against brat-annotated articles, the scoring engine on truth-discovery data",
		Subcommands: []*cli.Command{
			{
				Name:      "brat",
				Usage:     "score extracted source, cue and content spans against brat standoff annotations",
				ArgsUsage: "DIR",
				Description: "DIR is either a folder of NAME.txt beside NAME.ann (brat's layout) or PolNeAR's layout\n" +
					"(DIR/text/*.txt and DIR/attributions/NAME_ANNOTATOR.ann). Where an article has several annotator\n" +
					"files, the lexicographically smallest annotator id is the gold.",
				Flags: []cli.Flag{jsonFlag,
					&cli.StringFlag{Name: "convention", Value: "polnear", Usage: "span `CONVENTION` of the gold: polnear (contents include quotation marks and a leading \"that\") or attrib (as attrib writes them)"},
					&cli.BoolFlag{Name: "rules-only", Usage: "measure the rule-based extractor without the learned tagger"},
				},
				Action: func(c *cli.Context) error {
					args, err := positional(c)
					if err != nil {
						return err
					}
					if len(args) != 1 {
						return usagef("eval brat needs one DIR")
					}
					conv := c.String("convention")
					if conv != "polnear" && conv != "attrib" {
						return usagef("eval brat --convention must be polnear or attrib, not %q", conv)
					}
					docs, err := brat.LoadDir(args[0])
					if err != nil {
						return err
					}
					opts := extract.Options{RulesOnly: c.Bool("rules-only")}
					rep := brat.Evaluate(docs, func(text string) []brat.Relation {
						rels := brat.FromClaims(extract.Extract(text, opts))
						if conv == "polnear" {
							rels = brat.PolNeARConvention(text, rels)
						}
						return rels
					})
					if c.Bool("json") {
						return writeJSON(e.stdout, rep)
					}
					_, err = io.WriteString(e.stdout, rep.Table())
					return err
				},
			},
			{
				Name:      "truth",
				Usage:     "run the reliability and copy-aware truth discovery engine on many sources' conflicting values",
				ArgsUsage: "FILE",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Value: "csv", Usage: "`FORMAT` of FILE: csv (ObjectID,PropertyID,PropertyValue,SourceID[,TimeStamp]) or book"},
					&cli.StringFlag{Name: "gold", Usage: "gold answers `FILE` (book: book_golden.txt; csv: ObjectID,PropertyID,Value)"},
					jsonFlag,
				},
				Action: func(c *cli.Context) error { return evalTruth(c, e) },
			},
		},
	}
}

type truthItem struct {
	Object     string  `json:"object"`
	Property   string  `json:"property"`
	Value      string  `json:"value"`
	Confidence float64 `json:"confidence"`
	Support    int     `json:"support"`
}

type truthSource struct {
	Source   string   `json:"source"`
	Accuracy float64  `json:"accuracy"`
	Claims   int      `json:"claims"`
	Copies   []string `json:"copies,omitempty"`
}

type truthReport struct {
	Items      []truthItem   `json:"items"`
	Sources    []truthSource `json:"sources"`
	Iterations int           `json:"iterations"`
	Gold       *truthScore   `json:"gold,omitempty"`
}

type truthScore struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
	Rule     string  `json:"rule"`
}

func evalTruth(c *cli.Context, e *env) error {
	args, err := positional(c)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usagef("eval truth needs one FILE")
	}
	format := c.String("format")
	var read func(io.Reader) (*truth.Dataset, error)
	var readGold func(io.Reader) (map[string]string, error)
	var equal func(a, b string) bool
	rule := "values equal after normalisation"
	switch format {
	case "csv":
		read, readGold, equal = truth.ReadCSV, truth.ReadCSVGold, truth.SameValue
	case "book":
		read, readGold, equal = truth.ReadBook, truth.ReadBookGold, truth.SameAuthors
		rule = "the set of author last names equals the gold's"
	default:
		return usagef("eval truth --format must be csv or book, not %q", format)
	}
	ds, err := readFileWith(args[0], read)
	if err != nil {
		return err
	}
	res := truth.Solve(ds, truth.Options{})
	rep := truthReport{Iterations: res.Iterations, Items: make([]truthItem, 0, len(res.Items)), Sources: []truthSource{}}
	for _, it := range res.Items {
		rep.Items = append(rep.Items, truthItem{it.Object, it.Property, it.Value, it.Confidence, it.Support})
	}
	for _, s := range res.Sources {
		ts := truthSource{Source: s.Name, Accuracy: s.Accuracy, Claims: s.Claims}
		for _, cp := range s.Copies {
			ts.Copies = append(ts.Copies, cp.Source)
		}
		rep.Sources = append(rep.Sources, ts)
	}
	if g := c.String("gold"); g != "" {
		gold, err := readFileWith(g, readGold)
		if err != nil {
			return err
		}
		ok, n := truth.Accuracy(res, gold, equal)
		sc := &truthScore{Correct: ok, Total: n, Rule: rule}
		if n > 0 {
			sc.Accuracy = float64(ok) / float64(n)
		}
		rep.Gold = sc
	}
	if c.Bool("json") {
		return writeJSON(e.stdout, rep)
	}
	t := newTable(e.stdout, "OBJECT", "PROPERTY", "VALUE", "CONFIDENCE", "SOURCES")
	for _, it := range rep.Items {
		t.row(it.Object, it.Property, clip(it.Value, 70), fmt.Sprintf("%.2f", it.Confidence), it.Support)
	}
	if err := t.flush(); err != nil {
		return err
	}
	if rep.Gold != nil {
		fmt.Fprintf(e.stdout, "\naccuracy on gold: %d/%d = %.3f (right when %s)\n", rep.Gold.Correct, rep.Gold.Total, rep.Gold.Accuracy, rep.Gold.Rule)
	}
	return nil
}

// readFileWith opens path and parses it, naming the file in errors.
func readFileWith[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
