package render

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
)

// missingGlyphs lists the characters of a DOT text that the PNG cannot
// draw: neither the embedded font, nor an installed fallback font, nor a
// look-alike has them. The PNG would show a box for each.
func missingGlyphs(dot []byte) []rune {
	f, err := textFonts()
	if err != nil {
		return nil
	}
	var buf sfnt.Buffer
	has := func(font *sfnt.Font, r rune) bool {
		gi, err := font.GlyphIndex(&buf, r)
		return err == nil && gi != 0
	}
	seen := map[rune]bool{}
	var missing []rune
	for s := string(dot); s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if r < 0x80 || seen[r] || isZeroWidth(r) || unicode.IsControl(r) || unicode.Is(unicode.Variation_Selector, r) || r == 0x200d || r == utf8.RuneError {
			continue
		}
		seen[r] = true
		if has(f[0], r) {
			continue
		}
		if sub, ok := glyphSubstitutes[r]; ok && has(f[0], sub) {
			continue
		}
		found := false
		for _, fb := range fallbackFonts() {
			var b sfnt.Buffer
			if gi, err := fb.GlyphIndex(&b, r); err == nil && gi != 0 {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, r)
		}
	}
	sort.Slice(missing, func(a, b int) bool { return missing[a] < missing[b] })
	return missing
}

// missingGlyphsWarning says which characters the PNG draws as boxes, and
// what to do about it.
func missingGlyphsWarning(missing []rune) string {
	var named []string
	for i, r := range missing {
		if i == 5 {
			named = append(named, fmt.Sprintf("and %d more", len(missing)-5))
			break
		}
		named = append(named, fmt.Sprintf("%q (U+%04X)", r, r))
	}
	hint := "install a font that has them"
	for _, r := range missing {
		if wideRune(r) {
			hint = "install a CJK font (e.g. Debian's fonts-noto-cjk)"
			break
		}
	}
	return fmt.Sprintf("the PNG draws %s as boxes: no available font has them; %s, or render SVG, which the viewer's fonts draw", strings.Join(named, ", "), hint)
}
