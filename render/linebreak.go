package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A unit is the smallest piece of text a line break never splits: a word,
// or one East Asian character (with the punctuation that must stay with
// it). space says whether a space separates it from the unit before.
type unit struct {
	text  string
	space bool
}

// noLineStart is punctuation that must not begin a line (kinsoku): it
// stays with the character before it. noLineEnd must not end one.
const (
	noLineStart = "、。，．・：；？！ー）」』】〕〉》〙〗｝］〜…‥%)]}»›,.;:!?"
	noLineEnd   = "（「『【〔〈《〘〖｛［«‹([{"
)

// breakLines breaks text into lines no wider than max (in units of size
// points) at word boundaries and between East Asian characters. It never
// inserts a hyphen: a word wider than a line is kept whole, unless it is
// over three lines wide, and then breaks after the / . - _ ? & = of a URL
// or id where it can, else between characters.
func breakLines(m *measurer, text string, max, size float64, bold bool) []string {
	units := textUnits(text)
	var lines []string
	cur, curW := "", 0.0
	spaceW := m.width(" ", size, bold)
	for _, u := range units {
		w := m.width(u.text, size, bold)
		if w > 3*max {
			// A run-away token (a URL, an id): break it where it allows.
			parts := breakLong(m, u.text, max, size, bold)
			if cur != "" {
				lines = append(lines, cur)
			}
			lines = append(lines, parts[:len(parts)-1]...)
			cur, curW = parts[len(parts)-1], m.width(parts[len(parts)-1], size, bold)
			continue
		}
		sep, sepW := "", 0.0
		if u.space && cur != "" {
			sep, sepW = " ", spaceW
		}
		if cur != "" && curW+sepW+w > max+1e-9 {
			lines = append(lines, cur)
			cur, curW = u.text, w
			continue
		}
		cur += sep + u.text
		curW += sepW + w
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// textUnits splits text into units. A token with no letter or digit ("%",
// "»", "–") stays with the unit before it, so it never starts a line alone.
func textUnits(text string) []unit {
	var out []unit
	for _, f := range strings.Fields(text) {
		if len(out) > 0 && !strings.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			out[len(out)-1].text += " " + f
			continue
		}
		first := true
		var word []rune
		flush := func() {
			if len(word) > 0 {
				out = append(out, unit{string(word), first})
				first = false
				word = word[:0]
			}
		}
		rs := []rune(f)
		for i, r := range rs {
			switch {
			case wideRune(r) && !strings.ContainsRune(noLineStart, r):
				// A break is allowed before a wide character, unless the
				// previous one may not end a line.
				if len(word) > 0 && !strings.ContainsRune(noLineEnd, word[len(word)-1]) {
					flush()
				}
				word = append(word, r)
				if i+1 < len(rs) && !wideRune(rs[i+1]) && !strings.ContainsRune(noLineStart, rs[i+1]) {
					flush() // and after it, before Latin text
				}
			case r == '\u200b':
				// A zero-width space marks a break opportunity (UAX #14),
				// as in Thai or in ids joined for the eye; it stays with
				// the text before it.
				word = append(word, r)
				flush()
			default:
				word = append(word, r)
			}
		}
		flush()
	}
	return out
}

// breakLong splits a token wider than a line: after the last URL or id
// separator that fits, else after the last character that fits. It looks
// at each character about once: measuring the whole rest of the token for
// every line made a 1 MB word take minutes.
func breakLong(m *measurer, s string, max, size float64, bold bool) []string {
	var parts []string
	rs := []rune(s)
	start := 0
	for wider(m, rs[start:], max, size, bold) {
		rest := rs[start:]
		fit, w := 0, 0.0
		for fit < len(rest) {
			cw := m.em(rest[fit], bold) * size
			if w+cw > max && fit > 0 {
				break
			}
			w += cw
			fit++
		}
		cut := fit
		for i := fit - 1; i > fit/3; i-- {
			if strings.ContainsRune("/.-_?&=:#", rest[i]) {
				cut = i + 1
				break
			}
		}
		parts = append(parts, string(rest[:cut]))
		start += cut
	}
	if start == 0 {
		return []string{s}
	}
	return append(parts, string(rs[start:]))
}

// wider says whether rs is wider than max, as m.width would measure it,
// looking only as far as it must: the running sum only grows, so once it
// passes max the rest cannot bring it back.
func wider(m *measurer, rs []rune, max, size float64, bold bool) bool {
	w := 0.0
	for _, r := range rs {
		w += m.em(r, bold)
		if w*size > max {
			return true
		}
	}
	return false
}

// joinWrapped joins wrapped lines back into one text, as it was before
// wrapping: with a space between words, but none between East Asian
// characters, which wrap without one.
func joinWrapped(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && l != "" && b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !wideRune(prev) && !wideRune(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
