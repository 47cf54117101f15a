package words

import (
	"strings"
	"testing"
)

// TestWrap: long words break at their own hyphens first and never
// leave fewer than three letters on a line; lone punctuation stays with
// the word before it.
func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string
	}{
		{"Fahrgastrechte-Entschädigung beantragen", 17, "Fahrgastrechte-|Entschädigung|beantragen"},
		{"Sitzplatzreservierung", 10, "Sitzplatz-|reservier-|ung"},
		{"Refund of (25 %) within a week", 10, "Refund of|(25 %)|within a|week"},
		{"Ends with a quote »", 10, "Ends with|a quote »"},
		{"", 10, ""},
		{"short", 10, "short"},
	}
	for _, tt := range tests {
		got := strings.Join(Wrap(tt.text, tt.width), "|")
		if got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, l := range Wrap(tt.text, tt.width) {
			if n := len([]rune(l)); n > tt.width {
				t.Errorf("line %q is %d wide, over %d", l, n, tt.width)
			}
		}
	}
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n    int
		noun string
		want string
	}{
		{1, "pain point", "1 pain point"},
		{2, "pain point", "2 pain points"},
		{0, "file", "0 files"},
		{2, "moment of truth", "2 moments of truth"},
		{3, "info", "3 info"},
		{2, "entry", "2 entries"},
		{1, "entry", "1 entry"},
		{2, "day", "2 days"},
	} {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

func TestCapitalise(t *testing.T) {
	for in, want := range map[string]string{"": "", "a stage": "A stage", "émotion": "Émotion", "1 file": "1 file", "\xff": "\xff"} {
		if got := Capitalise(in); got != want {
			t.Errorf("Capitalise(%q) = %q, want %q", in, got, want)
		}
	}
}
