package render

import (
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/journeymap/journeymap/render/fonts"
)

// textFonts are the embedded fonts that text is measured with, parsed once:
// they never change, so sharing them is safe.
var textFonts = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	var out [2]*sfnt.Font
	for i, data := range []string{fonts.Regular, fonts.Bold} {
		f, err := sfnt.Parse([]byte(data))
		if err != nil {
			return out, err
		}
		out[i] = f
	}
	return out, nil
})

// measurer measures text as the embedded font draws it. It caches advance
// widths; one measurer serves one rendering (sfnt buffers are not safe for
// concurrent use).
type measurer struct {
	fonts [2]*sfnt.Font
	buf   sfnt.Buffer
	adv   map[advKey]float64 // in em
}

type advKey struct {
	r    rune
	bold bool
}

func newMeasurer() *measurer {
	f, err := textFonts()
	m := &measurer{adv: map[advKey]float64{}}
	if err == nil {
		m.fonts = f
	}
	return m
}

// em is the advance of r as a fraction of the font size. A character the
// font lacks counts as a full em when it is East Asian wide (as CJK fonts
// draw it) and 0.6 em otherwise.
func (m *measurer) em(r rune, bold bool) float64 {
	k := advKey{r, bold}
	if a, ok := m.adv[k]; ok {
		return a
	}
	a := 0.6
	if wideRune(r) {
		a = 1
	}
	f := m.fonts[0]
	if bold {
		f = m.fonts[1]
	}
	if f != nil && !wideRune(r) {
		upem := fixed.Int26_6(f.UnitsPerEm())
		if gi, err := f.GlyphIndex(&m.buf, r); err == nil && gi != 0 {
			if adv, err := f.GlyphAdvance(&m.buf, gi, upem, 0); err == nil {
				a = float64(adv) / float64(upem)
			}
		} else if isZeroWidth(r) {
			a = 0
		}
	}
	m.adv[k] = a
	return a
}

// width is the advance width of s at size points.
func (m *measurer) width(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += m.em(r, bold)
	}
	return w * size
}

// wideRune says whether r is drawn a full em wide: CJK ideographs, kana,
// hangul, fullwidth forms and emoji.
func wideRune(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, // hangul jamo
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xAC00 && r <= 0xD7A3, // hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1FAFF, // emoji
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B–
		return true
	}
	return false
}

// isZeroWidth says whether r takes no room: joiners and bidi controls.
func isZeroWidth(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}
