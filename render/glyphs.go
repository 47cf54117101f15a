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
		if wideRune(r) && !isEmoji(r) {
			hint = "install a CJK font (e.g. Debian's fonts-noto-cjk)"
			break
		}
	}
	return fmt.Sprintf("the PNG draws %s as boxes: no available font has them; %s, or render SVG, which the viewer's fonts draw", strings.Join(named, ", "), hint)
}

// isEmoji says whether r is a pictograph: a CJK font does not draw it.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF
}

// rightToLeft names the right-to-left scripts (Arabic, Hebrew and kin)
// of a DOT text, in order of first use.
func rightToLeft(dot []byte) []string {
	scripts := []string{"Arabic", "Hebrew", "Syriac", "Thaana", "Nko"}
	seen := map[string]bool{}
	var out []string
	for _, r := range string(dot) {
		if r < 0x590 || !unicode.IsLetter(r) {
			continue
		}
		for _, name := range scripts {
			if !seen[name] && unicode.Is(unicode.Scripts[name], r) {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// warnPNGText says, through opts.Warn, what the PNG cannot draw as a
// browser would: characters no font has (boxes) and right-to-left text,
// which the PNG's painter lays out left to right, letters unjoined.
func warnPNGText(dot []byte, opts Options) {
	if opts.Warn == nil {
		return
	}
	if missing := missingGlyphs(dot); len(missing) > 0 {
		opts.Warn(missingGlyphsWarning(missing))
	}
	if rtl := rightToLeft(dot); len(rtl) > 0 {
		opts.Warn(fmt.Sprintf("the PNG draws the %s text left to right, its letters unjoined; render SVG, which a browser draws right to left", strings.Join(rtl, " and ")))
	}
}
