package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints the claims of the file in $EXTRACT_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("EXTRACT_DUMP")
	if path == "" {
		t.Skip("set EXTRACT_DUMP=file to print its claims")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Extract(string(raw), Options{}) {
		fmt.Println(describe(c))
	}
}

func describe(c Claim) string {
	var b strings.Builder
	var ch []string
	for _, h := range c.Chain {
		s := h.Name
		if h.Role != "" {
			s += " {" + h.Role + "}"
		}
		if h.Mention != nil {
			s += " @" + h.Mention.Text
		}
		if h.Cue != nil {
			s += " <" + h.Cue.Text + ">"
		}
		ch = append(ch, s)
	}
	cue := "-"
	if c.Cue != nil {
		cue = c.Cue.Text
	}
	fmt.Fprintf(&b, "[%s] cue=%s q=%v spans=%v\n    %q", strings.Join(ch, " -> "), cue, c.Quote, c.Spans, c.Text)
	return b.String()
}
