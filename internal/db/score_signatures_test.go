package db

import (
	"slices"
	"strings"
	"testing"

	"github.com/attrib/attrib/internal/scoring"
)

func TestSignatureBlobRoundTrip(t *testing.T) {
	text := strings.Repeat("the regional water company switched its pumps to backup generators before dawn ", 4)
	sig := scoring.Signature(text)
	if len(sig) == 0 {
		t.Fatal("no signature for a long text")
	}
	if got := decodeSig(encodeSig(sig)); !slices.Equal(got, sig) {
		t.Errorf("round trip: %v != %v", got, sig)
	}
	if scoring.Signature("too short") != nil || decodeSig(encodeSig(nil)) != nil {
		t.Error("a short text must have no signature")
	}
}
