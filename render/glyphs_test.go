package render

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestMissingGlyphWarning: a character no available font can draw in the
// PNG is a warning naming it, never a silent box; text the embedded font
// draws (Latin with accents, Cyrillic, our symbols) is not.
func TestMissingGlyphWarning(t *testing.T) {
	if got := missingGlyphs([]byte("Café Привет ▲ ■ ○ ♦ □ ◦ × → − · zero\u200bwidth \u202ebidi")); len(got) != 0 {
		t.Errorf("missing %q, want none", string(got))
	}
	p := filepath.Join(t.TempDir(), "pua.journey.yaml")
	writeFile(t, p, "version: 1\ntitle: \"Private \U0010FFFD use\"\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: web}]}]\n")
	j := load(t, p)
	var warnings []string
	opts := Options{Format: "png", DPI: 36, Warn: func(s string) { warnings = append(warnings, s) }}
	if _, err := Render(context.Background(), []*journey.Journey{j}, opts); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "U+10FFFD") {
		t.Errorf("warnings %q, want one naming U+10FFFD", warnings)
	}
	warnings = nil
	opts.Format = "svg"
	if _, err := Render(context.Background(), []*journey.Journey{j}, opts); err != nil || len(warnings) != 0 {
		t.Errorf("SVG: warnings %q, err %v; the viewer's fonts draw SVG text", warnings, err)
	}
}

// TestPNGTextWarnings: what the PNG cannot draw as a browser does is said
// for a split journey's slides too, not only for one picture: boxes for
// characters no font has (with advice that fits: a CJK font does not draw
// emoji) and right-to-left text, which the PNG lays out left to right.
func TestPNGTextWarnings(t *testing.T) {
	p := filepath.Join(t.TempDir(), "rtl.journey.yaml")
	writeFile(t, p, "version: 1\ntitle: \"Private \U0010FFFD use\"\nchannels: {web: {kind: digital}}\nstages: [{id: s, name: \"مرحلة שלב\", touchpoints: [{id: a, channel: web}]}]\n")
	j := load(t, p)
	var warnings []string
	opts := Options{Format: "png", DPI: 36, Warn: func(s string) { warnings = append(warnings, s) }}
	slides, err := RenderSlides(context.Background(), j, opts)
	if err != nil || len(slides) != 1 {
		t.Fatalf("%d slides, err %v", len(slides), err)
	}
	joined := strings.Join(warnings, "\n")
	if !strings.Contains(joined, "U+10FFFD") || !strings.Contains(joined, "Arabic and Hebrew text left to right") {
		t.Errorf("--split PNG warnings %q, want the missing character and the right-to-left text named", warnings)
	}
	if w := missingGlyphsWarning([]rune{0x1F680}); strings.Contains(w, "CJK") {
		t.Errorf("emoji: %q advises a CJK font, which has no emoji", w)
	}
	if w := missingGlyphsWarning([]rune{0x4E00}); !strings.Contains(w, "CJK") {
		t.Errorf("CJK: %q does not advise a CJK font", w)
	}
}
