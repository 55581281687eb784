package extract

import (
	"testing"
	"unicode"
)

// TestIsSpaceFast: isSpace is unicode.IsSpace.
func TestIsSpaceFast(t *testing.T) {
	for r := rune(0); r < 0x3100; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}
