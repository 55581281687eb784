// Command train learns the extractor's tagger from PolNeAR train and writes
// the gzipped weights that internal/extract embeds:
//
//	go run ./internal/extract/train -polnear ../shared/data/polnear -out internal/extract/model.bin.gz
//
// (run from the repository root; -holdout N keeps the last N train articles
// out of training and reports them instead of dev)
//
// Training is deterministic (fixed seed and order; the same flags give the
// same bytes) and takes about ten seconds. With -eval it also prints exact
// and overlap scores on train and dev in PolNeAR's convention. The other
// flags (-folds, -union-cues, -cue-bits, -role-bits, -cand-percent,
// -epochs) are for experiments; the defaults made the shipped model.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/attrib/attrib/internal/brat"
	"github.com/attrib/attrib/internal/extract"
)

var (
	union                                          bool
	holdout, folds, cueBits, roleBits, candPercent int
	analyzeN                                       int
)

func main() {
	root := flag.String("polnear", "../shared/data/polnear", "PolNeAR data directory (holding train/ and dev/)")
	out := flag.String("out", "", "write the model here (gzipped)")
	epochs := flag.Int("epochs", 0, "training epochs (0: default)")
	eval := flag.Bool("eval", false, "print train and dev scores")
	flag.IntVar(&analyzeN, "analyze", 0, "print content boundary errors on the held-out (or dev) articles with N examples per category")
	flag.IntVar(&holdout, "holdout", 0, "train on all but the last N train articles and report those as \"held out\" instead of dev")
	flag.IntVar(&folds, "folds", 0, "jackknife folds for pass 2's input cues (0 or 1: gold cues)")
	flag.IntVar(&cueBits, "cue-bits", 0, "log2 of pass 1's feature buckets (0: default)")
	flag.IntVar(&roleBits, "role-bits", 0, "log2 of pass 2's feature buckets (0: default)")
	flag.IntVar(&candPercent, "cand-percent", 0, "cue candidate threshold in percent (0: default)")
	flag.BoolVar(&union, "union-cues", false, "pass 2 learns from gold cues plus the jackknifed false alarms")
	flag.Parse()
	if err := run(*root, *out, *epochs, *eval); err != nil {
		log.Fatal(err)
	}
}

func run(root, out string, epochs int, eval bool) error {
	docs, err := brat.LoadDir(filepath.Join(root, "train"))
	if err != nil {
		return fmt.Errorf("load train: %w", err)
	}
	var held []brat.Doc
	if holdout > 0 && holdout < len(docs) {
		docs, held = docs[:len(docs)-holdout], docs[len(docs)-holdout:]
	}
	exs := make([]extract.Example, len(docs))
	for i, d := range docs {
		exs[i].Text = d.Text
		for _, r := range d.Gold {
			exs[i].Rels = append(exs[i].Rels, extract.ExampleRel{Source: r.Source, Cue: r.Cue, Content: r.Content})
		}
	}
	start := time.Now()
	md := extract.Train(exs, extract.TrainOptions{Epochs: epochs, Folds: folds, CueBits: uint(cueBits), RoleBits: uint(roleBits), CandPercent: candPercent, UnionCues: union,
		Log: func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }})
	fmt.Fprintf(os.Stderr, "trained in %s\n", time.Since(start).Round(time.Millisecond))
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("create model: %w", err)
		}
		n, err := md.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", out, n)
	}
	if analyzeN > 0 {
		ds := held
		if ds == nil {
			if ds, err = brat.LoadDir(filepath.Join(root, "dev")); err != nil {
				return fmt.Errorf("load dev: %w", err)
			}
		}
		analyze(ds, md, analyzeN)
		analyzeCues(ds, md)
	}
	if !eval {
		return nil
	}
	predict := func(text string) []brat.Relation {
		return brat.PolNeARConvention(text, brat.FromClaims(extract.Extract(text, extract.Options{Model: md})))
	}
	for _, split := range []string{"train", "dev"} {
		ds := docs
		if split == "dev" && held != nil {
			ds, split = held, "held-out train"
		} else if split == "dev" {
			if ds, err = brat.LoadDir(filepath.Join(root, "dev")); err != nil {
				return fmt.Errorf("load dev: %w", err)
			}
		}
		fmt.Printf("PolNeAR %s, PolNeAR convention:\n%s\n", split, brat.Evaluate(ds, predict).Table())
	}
	return nil
}
