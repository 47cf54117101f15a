// Package words spells counts, wraps and capitalises text for people to
// read: in terminal output, diagrams and SARIF alike, so that each is done
// one way.
package words

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Count spells "1 pain point", "2 pain points", "2 moments of truth",
// "2 entries".
// "info", a mass noun, has no plural: "3 info".
func Count(n int, noun string) string {
	if n == 1 || noun == "info" {
		return fmt.Sprintf("%d %s", n, noun)
	}
	if head, tail, ok := strings.Cut(noun, " of "); ok {
		return fmt.Sprintf("%d %ss of %s", n, head, tail)
	}
	if stem, ok := strings.CutSuffix(noun, "y"); ok && stem != "" && !strings.ContainsRune("aeiou", rune(stem[len(stem)-1])) {
		return fmt.Sprintf("%d %sies", n, stem) // entry: entries; day: days
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Capitalise upper-cases the first letter of s, whatever its script.
func Capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// Wrap breaks text into lines of at most width runes at spaces. A word
// longer than width is broken after a hyphen, or with one; a token with no
// letters or digits ("%", "»", "–") stays with the word before it, so it
// never starts a line alone. Empty text is one empty line.
func Wrap(text string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range tokens(text) {
		for utf8.RuneCountInString(w) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			head, tail := breakWord(w, width)
			lines = append(lines, head)
			w = tail
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// tokens splits text at spaces, keeping a token with no letters or digits
// with the word before it.
func tokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		if len(out) > 0 && !strings.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			out[len(out)-1] += " " + f
			continue
		}
		out = append(out, f)
	}
	return out
}

// breakWord splits a word longer than width: after its last hyphen that
// fits, else with a hyphen of our own, leaving at least three letters on
// each side.
func breakWord(w string, width int) (string, string) {
	r := []rune(w)
	for i := min(width, len(r)-1) - 1; i >= 3; i-- {
		if r[i] == '-' && len(r)-i-1 >= 3 {
			return string(r[:i+1]), string(r[i+1:])
		}
	}
	cut := max(3, min(width-1, len(r)-3))
	return string(r[:cut]) + "-", string(r[cut:])
}
