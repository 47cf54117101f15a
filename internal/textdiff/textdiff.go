// Package textdiff writes line diffs of two texts in the unified format
// (diff -u, git diff), for `journeymap fmt --diff` and golden-file tests.
package textdiff

import (
	"fmt"
	"strings"
)

// maxCells bounds the comparison table; beyond it the changed middle of
// the texts is shown as removed and added whole, which is still a correct
// diff, only not the smallest.
const maxCells = 4_000_000

// op is one line of an edit script: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	text string
}

// Unified returns a unified diff turning a into b, with context lines of
// context around each change, headed by the names oldName and newName. It
// returns "" when the texts are equal. A text that does not end in a
// newline gets the usual "\ No newline at end of file" marker.
func Unified(oldName, newName, a, b string, context int) string {
	if a == b {
		return ""
	}
	ops := edits(splitLines(a), splitLines(b))
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change within reach.
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*context {
				break
			}
		}
		end = min(len(ops), end+context)
		oldStart, newStart := lineNumbers(ops, start)
		oldN, newN := 0, 0
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", span(oldStart, oldN), span(newStart, newN))
		for _, o := range ops[start:end] {
			out.WriteByte(o.kind)
			text, noEOL := strings.CutSuffix(o.text, noNewline)
			out.WriteString(text)
			out.WriteByte('\n')
			if noEOL {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

// noNewline marks the last line of a text without a final newline.
const noNewline = "\x00no-eol"

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if strings.HasSuffix(l, "\n") {
			lines[i] = l[:len(l)-1]
		} else {
			lines[i] = l + noNewline
		}
	}
	return lines
}

// lineNumbers returns the 1-based old and new line numbers at ops[at].
func lineNumbers(ops []op, at int) (int, int) {
	o, n := 1, 1
	for _, x := range ops[:at] {
		if x.kind != '+' {
			o++
		}
		if x.kind != '-' {
			n++
		}
	}
	return o, n
}

func span(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// edits is a shortest edit script from a to b (longest common subsequence),
// after taking off the common start and end.
func edits(a, b []string) []op {
	var ops []op
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		ops = append(ops, op{' ', a[p]})
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	if len(ma)*len(mb) > maxCells {
		for _, l := range ma {
			ops = append(ops, op{'-', l})
		}
		for _, l := range mb {
			ops = append(ops, op{'+', l})
		}
	} else {
		lcs := make([][]int32, len(ma)+1)
		for i := range lcs {
			lcs[i] = make([]int32, len(mb)+1)
		}
		for i := len(ma) - 1; i >= 0; i-- {
			for j := len(mb) - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(ma) || j < len(mb) {
			switch {
			case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
				ops = append(ops, op{' ', ma[i]})
				i, j = i+1, j+1
			case j < len(mb) && (i == len(ma) || lcs[i][j+1] > lcs[i+1][j]):
				ops = append(ops, op{'+', mb[j]})
				j++
			default:
				ops = append(ops, op{'-', ma[i]})
				i++
			}
		}
	}
	for _, l := range a[len(a)-s:] {
		ops = append(ops, op{' ', l})
	}
	return ops
}
