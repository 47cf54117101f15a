package journey

import (
	"regexp"
	"strings"
	"testing"
)

var shapeCases = []string{
	"", "a", "a-b", "a--b", "-a", "a-", "ab-cd-9", "A", "a_b", "a b", "é", "a-é",
	"Helvetica", "Liberation Sans", "DejaVu Sans Mono", "9x", " x", ".x", "x.y_z-1",
	"x\"onload", "x<y", "x\n", strings.Repeat("a", 64), strings.Repeat("a", 65),
	"a" + strings.Repeat(" ", 63), "a" + strings.Repeat(" ", 64),
}

func checkShapes(t *testing.T, s string) {
	t.Helper()
	kebab := regexp.MustCompile(KebabPattern)
	font := regexp.MustCompile(FontPattern)
	if got, want := IsKebab(s), kebab.MatchString(s); got != want {
		t.Errorf("IsKebab(%q) = %v, KebabPattern says %v", s, got, want)
	}
	if got, want := ValidFontName(s), font.MatchString(s); got != want {
		t.Errorf("ValidFontName(%q) = %v, FontPattern says %v", s, got, want)
	}
}

func TestShapesMatchPatterns(t *testing.T) {
	for _, s := range shapeCases {
		checkShapes(t, s)
	}
}

func FuzzShapesMatchPatterns(f *testing.F) {
	for _, s := range shapeCases {
		f.Add(s)
	}
	f.Fuzz(checkShapes)
}
