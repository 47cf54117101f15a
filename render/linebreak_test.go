package render

import (
	"strings"
	"testing"
	"time"
)

// breakLongQuadratic is breakLong as it was before it measured each rune
// once: the reference the linear one must match, part for part.
func breakLongQuadratic(m *measurer, s string, max, size float64, bold bool) []string {
	var parts []string
	for m.width(s, size, bold) > max {
		rs := []rune(s)
		fit, w := 0, 0.0
		for fit < len(rs) {
			cw := m.width(string(rs[fit]), size, bold)
			if w+cw > max && fit > 0 {
				break
			}
			w += cw
			fit++
		}
		cut := fit
		for i := fit - 1; i > fit/3; i-- {
			if strings.ContainsRune("/.-_?&=:#", rs[i]) {
				cut = i + 1
				break
			}
		}
		parts = append(parts, string(rs[:cut]))
		s = string(rs[cut:])
	}
	return append(parts, s)
}

// TestBreakLongSameParts: URLs, ids, wide text, invalid UTF-8 and tokens
// that just fit break exactly where they did.
func TestBreakLongSameParts(t *testing.T) {
	m := newMeasurer()
	tokens := []string{
		"",
		"a",
		"https://example.com/a/very/long/path/with-many_separators?and=query&more=values#frag",
		strings.Repeat("x", 500),
		strings.Repeat("顧客", 120),
		strings.Repeat("id-", 90),
		"bad\xffutf8" + strings.Repeat("w", 200),
		strings.Repeat("W", 33) + strings.Repeat("i", 77),
	}
	for _, tok := range tokens {
		for _, max := range []float64{1, 40, 100, 235.5} {
			for _, bold := range []bool{false, true} {
				got := breakLong(m, tok, max, 11, bold)
				want := breakLongQuadratic(m, tok, max, 11, bold)
				if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
					t.Errorf("breakLong(%.20q, %v, bold %v) = %q, want %q", tok, max, bold, got, want)
				}
			}
		}
	}
}

// TestBreakLongLinear: a 1 MB word (a title of one token) is broken in
// time proportional to its length; it used to measure the whole rest of
// the word for every line, and a 1 MB title did not render in 60 s
// (issue 7 item 7). The deadline only catches a hang.
func TestBreakLongLinear(t *testing.T) {
	m := newMeasurer()
	word := strings.Repeat("x", 1<<20)
	done := make(chan []string, 1)
	go func() { done <- breakLines(m, word, 400, 14, true) }()
	select {
	case lines := <-done:
		if got := strings.Join(lines, ""); got != word {
			t.Errorf("the broken lines do not join back into the word (%d bytes, want %d)", len(got), len(word))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("breaking a 1 MB word took more than 5 s")
	}
}
