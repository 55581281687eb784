package brat

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/attrib/attrib/internal/extract"
)

// Doc is one annotated article.
type Doc struct {
	// Name is the text file's name without ".txt".
	Name string
	// Text is the whole text file, exactly as on disk.
	Text string
	// Annotator is the id of the annotator whose file is Gold ("" in the
	// flat layout, where a file name carries no annotator).
	Annotator string
	// Gold holds the annotated relations in file order.
	Gold []Relation
	// Discard lists boilerplate spans the annotator marked to ignore;
	// Evaluate drops predictions whose cue lies inside one.
	Discard []extract.Span
}

// LoadDir reads an annotated corpus and returns its articles sorted by name.
// Two layouts are accepted:
//
//   - PolNeAR: DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann.
//     When an article has several annotator files, the file of the
//     lexicographically smallest annotator id is the gold standard (for
//     PolNeAR dev this yields the published 2,193 relations).
//   - brat's own: DIR/NAME.txt beside DIR/NAME.ann.
//
// Every text must have an annotation file and every annotation file a text;
// otherwise LoadDir fails with an error listing the names. Errors in a file
// name the file and line; spans that fall outside the text are errors.
func LoadDir(dir string) ([]Doc, error) {
	return loadDir(dir, false)
}

// LoadDirAll is LoadDir keeping every annotator's file: an article
// annotated by several people yields one Doc per annotator, in annotator
// order. Evaluating one annotator's Gold against another's measures the
// human ceiling (PolNeAR has 16 such articles in train, 2 in dev).
func LoadDirAll(dir string) ([]Doc, error) {
	return loadDir(dir, true)
}

func loadDir(dir string, all bool) ([]Doc, error) {
	textDir, annDir := filepath.Join(dir, "text"), filepath.Join(dir, "attributions")
	if isDir(textDir) && isDir(annDir) {
		return load(textDir, annDir, true, all)
	}
	return load(dir, dir, false, all)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// listExt returns the names (without ext) of the files in dir (not
// directories; symbolic links count) that end in ext, sorted.
func listExt(dir, ext string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("brat: %w", err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			out = append(out, strings.TrimSuffix(e.Name(), ext))
		}
	}
	sort.Strings(out)
	return out, nil
}

func load(textDir, annDir string, polnear, all bool) ([]Doc, error) {
	texts, err := listExt(textDir, ".txt")
	if err != nil {
		return nil, err
	}
	anns, err := listExt(annDir, ".ann")
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("brat: no .txt files in %s (want DIR/text/*.txt with DIR/attributions/*_ANNOTATOR.ann, or NAME.txt beside NAME.ann)", textDir)
	}
	// chosen maps an article name to its annotation files' base names and
	// annotator ids; sorted by id below, the first is the gold standard.
	type choice struct{ file, annotator string }
	chosen := make(map[string][]choice, len(texts))
	var orphans []string
	isText := make(map[string]bool, len(texts))
	for _, t := range texts {
		isText[t] = true
	}
	for _, a := range anns {
		name, annotator := a, ""
		if polnear {
			i := strings.LastIndexByte(a, '_')
			if i <= 0 {
				return nil, fmt.Errorf("brat: %s: annotation file name lacks _ANNOTATOR", filepath.Join(annDir, a+".ann"))
			}
			name, annotator = a[:i], a[i+1:]
		}
		if !isText[name] {
			orphans = append(orphans, a+".ann")
			continue
		}
		chosen[name] = append(chosen[name], choice{a, annotator})
	}
	var missing []string
	for _, t := range texts {
		if _, ok := chosen[t]; !ok {
			missing = append(missing, t+".txt")
		}
	}
	var errs []error
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("brat: %d text(s) in %s without annotation: %s", len(missing), textDir, strings.Join(missing, ", ")))
	}
	if len(orphans) > 0 {
		errs = append(errs, fmt.Errorf("brat: %d annotation file(s) in %s without text: %s", len(orphans), annDir, strings.Join(orphans, ", ")))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	docs := make([]Doc, 0, len(texts))
	for _, t := range texts {
		cs := chosen[t]
		sort.Slice(cs, func(i, j int) bool { return cs[i].annotator < cs[j].annotator })
		if !all {
			cs = cs[:1]
		}
		for _, c := range cs {
			d, err := loadDoc(filepath.Join(textDir, t+".txt"), filepath.Join(annDir, c.file+".ann"))
			if err != nil {
				return nil, err
			}
			d.Name, d.Annotator = t, c.annotator
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// loadDoc reads one text and its annotation file and checks every span
// against the text's length in code points.
func loadDoc(textPath, annPath string) (Doc, error) {
	raw, err := os.ReadFile(textPath)
	if err != nil {
		return Doc{}, fmt.Errorf("brat: %w", err)
	}
	if !utf8.Valid(raw) {
		return Doc{}, fmt.Errorf("brat: %s: text is not valid UTF-8", textPath)
	}
	annRaw, err := os.ReadFile(annPath)
	if err != nil {
		return Doc{}, fmt.Errorf("brat: %w", err)
	}
	f, err := parseAnn(string(annRaw))
	if err != nil {
		return Doc{}, fmt.Errorf("brat: %s: %w", annPath, err)
	}
	n := utf8.RuneCount(raw)
	for _, e := range f.entities {
		for _, s := range e.spans {
			if s.End > n {
				return Doc{}, fmt.Errorf("brat: %s: line %d: entity %s ends at %d, past the text's %d code points", annPath, e.line, e.id, s.End, n)
			}
		}
	}
	return Doc{Text: string(raw), Gold: f.relations, Discard: sortSpans(f.discard)}, nil
}
