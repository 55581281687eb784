package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte("B title\nb"))
	write(t, dir, "a/z.html", []byte("<p>z</p>"))
	write(t, dir, "a/a.jsonl", []byte(`{"text":"j1"}`+"\n"+`{"text":"j2"}`))
	write(t, dir, ".hidden.txt", []byte("hidden"))
	write(t, dir, ".git/config.txt", []byte("hidden folder"))
	write(t, dir, "c/notes.md", []byte("notes"))
	write(t, dir, "c/empty.txt", nil)
	if err := os.Symlink(dir, filepath.Join(dir, "c", "loop")); err != nil {
		t.Log("no symlinks:", err)
	}
	arts, probs := collect(t, &Reader{}, dir)
	var got []string
	for _, a := range arts {
		got = append(got, strings.TrimPrefix(a.Path, dir+string(filepath.Separator))+":"+a.Text)
	}
	want := "a/a.jsonl:j1 a/a.jsonl:j2 a/z.html:z b.txt:B title\nb"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, " "), want)
	}
	var kinds []string
	for _, p := range probs {
		rel := strings.TrimPrefix(p.Path, dir+string(filepath.Separator))
		switch {
		case errors.Is(p, ErrEmpty):
			kinds = append(kinds, rel+":empty")
		case errors.Is(p, ErrSkipped):
			kinds = append(kinds, rel+":skipped")
		default:
			kinds = append(kinds, rel+":"+p.Error())
		}
	}
	wantKinds := "c/empty.txt:empty c/loop:skipped c/notes.md:skipped"
	if strings.Join(kinds, " ") != wantKinds {
		t.Errorf("problems %q, want %q", strings.Join(kinds, " "), wantKinds)
	}
}

func TestUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any folder")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	write(t, locked, "a.txt", []byte("a"))
	write(t, dir, "ok.txt", []byte("ok"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	arts, probs := collect(t, &Reader{}, dir)
	if len(arts) != 1 {
		t.Errorf("got %d articles", len(arts))
	}
	wantProblem(t, probs, ErrUnreadable, 0)
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, in string
		texts    []string
		kind     error
	}{
		{"jsonl", "  \n{\"text\":\"one\"}\n{\"text\":\"two\"}\n", []string{"one", "two"}, nil},
		{"html", "\n<html><body><p>para</p></body></html>", []string{"para"}, nil},
		{"text", "\n  Plain text\n", []string{"\n  Plain text\n"}, nil},
		{"empty", "", nil, ErrEmpty},
		{"blank", " \n\t ", nil, ErrEmpty},
		{"binary", "\x00\x01\x02", nil, ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, probs := collect(t, &Reader{Stdin: strings.NewReader(tc.in)}, "-")
			var texts []string
			for _, a := range arts {
				texts = append(texts, a.Text)
				if a.Path != StdinPath {
					t.Errorf("path %q", a.Path)
				}
			}
			if strings.Join(texts, "|") != strings.Join(tc.texts, "|") {
				t.Errorf("texts %q, want %q", texts, tc.texts)
			}
			if tc.kind == nil {
				if len(probs) != 0 {
					t.Errorf("problems %v", probs)
				}
				return
			}
			wantProblem(t, probs, tc.kind, 0)
		})
	}
	_, probs := collect(t, &Reader{}, "-")
	wantProblem(t, probs, ErrUnreadable, 0)
}
