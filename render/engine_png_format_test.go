package render

import (
	"strings"
	"testing"
)

// TestPNGSkipsInvisibleCharacters: zero-width spaces and joiners, bidi
// marks, embeddings, overrides and isolates take no room and are not
// painted in the PNG (a browser shows nothing for them either); before,
// fonts that carry a visible glyph for them drew bars between words.
func TestPNGSkipsInvisibleCharacters(t *testing.T) {
	faces, err := newFaceCache()
	if err != nil {
		t.Fatal(err)
	}
	defer faces.close()
	f, err := faces.face(0, 12)
	if err != nil {
		t.Fatal(err)
	}
	text := "a\u200bb\u200cc\u200dd\u200ee\u200ff\u202ag\u202bh\u202ci\u202dj\u202ek\u2066l\u2067m\u2068n\u2069o\u2060p\ufeffq"
	var drawn strings.Builder
	for _, r := range splitGlyphRuns(faces, f, 12, text) {
		if r.missing > 0 {
			t.Errorf("%d characters drawn as boxes", r.missing)
		}
		drawn.WriteString(r.text)
	}
	if got := drawn.String(); got != "abcdefghijklmnopq" {
		t.Errorf("painted %+q, want only the letters", got)
	}
}
