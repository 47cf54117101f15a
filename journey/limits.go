package journey

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Limits on what one file may hold. Real journeys have a few dozen
// touchpoints; the limits sit far above that and far below what makes
// validation, lint or Graphviz's layout take more than a few seconds or a
// few hundred MB for any file under MaxFileSize. Going over one is a
// `range` finding (a `file` finding for MaxEntries) at the first thing
// past the limit, so the journey is not linted or drawn. docs/format.md
// ("Limits") lists them.
const (
	MaxStages      = 100    // stages in one journey
	MaxTouchpoints = 500    // touchpoints in one journey
	MaxNext        = 20     // entries in one touchpoint's `next:`
	MaxEdges       = 1000   // flow edges in one journey
	MaxTextLength  = 1000   // characters in one text value: a title, a name, a list entry
	MaxEntries     = 250000 // lines plus flow-collection entries in one file, counted before parsing
)

// checkEntries refuses, before parsing, a file whose YAML would make
// yaml.v3 build millions of nodes: it counts lines and the `,`, `[` and
// `{` that separate flow-collection entries, an upper bound on the
// entries a file can hold. yaml.v3 spends about 3 µs and 200 bytes per
// node, so an 8 MiB flow list of single letters would take 13 s and 800 MB.
func (d *decoder) checkEntries(src []byte) bool {
	n := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte(",")) +
		bytes.Count(src, []byte("[")) + bytes.Count(src, []byte("{"))
	if n <= MaxEntries {
		return true
	}
	// Point at the line where the count passes the limit.
	line, seen := 1, 0
	for _, c := range src {
		switch c {
		case '\n', ',', '[', '{':
			seen++
		}
		if seen > MaxEntries {
			break
		}
		if c == '\n' {
			line++
		}
	}
	d.errorf(Pos{line, 1}, RuleFile, "file holds about %d lines and list entries; journeymap reads at most %d in one file (a journey is usually a few hundred)", n, MaxEntries)
	return false
}

// checkLength reports a text value longer than MaxTextLength characters.
func (d *decoder) checkLength(v *yaml.Node, what string) {
	if len(v.Value) <= MaxTextLength {
		return // bytes bound characters: most values stop here
	}
	if n := utf8.RuneCountInString(v.Value); n > MaxTextLength {
		d.errorf(pos(v), RuleRange, "%s is %d characters long; journeymap reads at most %d in one value (keep labels short enough to fit a map; longer notes can go under an x- key)", what, n, MaxTextLength)
	}
}

// checkIDText reports an id holding a control character (a tab, a line
// break) or starting with "%". Ids name Graphviz nodes and SVG titles,
// where a control character cannot be told from a space ("a b" and
// "a<tab>b" would become one node), and Graphviz takes every name that
// starts with "%" for an anonymous node of its own ("%" is drawn as "%1").
// Both were found by FuzzRenderEscaping.
func (d *decoder) checkIDText(id string, at Pos, what string) {
	if strings.HasPrefix(id, "%") {
		d.errorf(at, RuleRange, "%s %q starts with %%, which Graphviz reserves for nodes of its own; start it with a letter or digit", what, id)
		return
	}
	for _, r := range id {
		if unicode.IsControl(r) {
			d.errorf(at, RuleRange, "%s %q contains a control character (%U); ids are names people type: letters, digits, spaces and punctuation", what, id, r)
			return
		}
	}
}

// checkCounts reports a journey with more stages or touchpoints than the
// limits allow, at the first one past the limit.
func (d *decoder) checkCounts(j *Journey) {
	defer d.about(SubjectJourney)()
	if n := len(j.Stages); n > MaxStages {
		d.errorf(j.Stages[MaxStages].Pos, RuleRange, "the journey has %d stages; journeymap reads at most %d in one journey (split it into several journeys)", n, MaxStages)
	}
	var n int
	var first *Touchpoint
	for _, s := range j.Stages {
		for _, t := range s.Touchpoints {
			if n++; n == MaxTouchpoints+1 {
				first = t
			}
		}
	}
	if first != nil {
		d.errorf(first.Pos, RuleRange, "the journey has %d touchpoints; journeymap reads at most %d in one journey (split it into several journeys)", n, MaxTouchpoints)
	}
}

// checkNext reports a `next:` list longer than MaxNext and keeps only its
// first MaxNext entries, so that resolving and the flow graph stay small
// for a journey that will not be linted or drawn anyway.
func (d *decoder) checkNext(t *Touchpoint) {
	if len(t.Next) <= MaxNext {
		return
	}
	d.errorf(t.Next[MaxNext].Pos, RuleRange, "`next` lists %d touchpoints; journeymap reads at most %d successors of one touchpoint", len(t.Next), MaxNext)
	t.Next = t.Next[:MaxNext]
}

// checkEdges reports a flow with more than MaxEdges edges at the
// touchpoint whose successors pass the limit.
func (r *resolver) checkEdges(f *Flow) {
	if len(f.Edges) <= MaxEdges {
		return
	}
	e := f.Edges[MaxEdges]
	r.errorf(e.From.At("next"), RuleRange, "the journey has %d flow edges; journeymap reads at most %d in one journey (the successors of this touchpoint pass the limit)", len(f.Edges), MaxEdges)
}

// MaxFindingsPerRule is how many findings of one rule one journey reports;
// past it, one more finding says how many were left out. A file at the
// limits above could otherwise print hundreds of thousands of lines, and a
// reader learns nothing from the thousandth copy of a message.
const MaxFindingsPerRule = 100

// CapFindings keeps, for each file and rule, the first MaxFindingsPerRule
// findings in position order, and replaces the rest by one finding at the
// first one left out, of the same rule and severity, saying how many there
// were (its subject is that finding's). The result is sorted.
func CapFindings(fs []Finding) []Finding {
	type key struct{ file, rule string }
	count := map[key]int{}
	over := false
	for _, f := range fs {
		k := key{f.File, f.Rule}
		if count[k]++; count[k] > MaxFindingsPerRule {
			over = true
		}
	}
	if !over {
		return fs
	}
	fs = SortFindings(fs)
	kept := map[key]int{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.File, f.Rule}
		kept[k]++
		switch n := kept[k]; {
		case n <= MaxFindingsPerRule:
			out = append(out, f)
		case n == MaxFindingsPerRule+1:
			more := count[k] - MaxFindingsPerRule
			f.Message = fmt.Sprintf("… and %d more %s %s like the ones above; journeymap reports at most %d of one rule in one journey",
				more, f.Rule, findingsWord(more), MaxFindingsPerRule)
			out = append(out, f)
		}
	}
	return out
}

func findingsWord(n int) string {
	if n == 1 {
		return "finding"
	}
	return "findings"
}
