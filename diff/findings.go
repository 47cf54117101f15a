package diff

import (
	"github.com/journeymap/journeymap/journey"
)

// compareFindings matches the lint findings of a journey's two sides by
// rule and subject (SPEC §5), never by line or file: an edit above a
// finding moves it, and a rename or a revision changes its file. What only
// the new side has was introduced; what only the old side has was fixed. A
// journey removed has nothing fixed: its findings went with it.
func compareFindings(old, new *journey.Journey, oldFs, newFs []journey.Finding) Findings {
	out := Findings{Introduced: []journey.Finding{}, Fixed: []journey.Finding{}}
	if new == nil {
		return out
	}
	a, b := of(old, oldFs), of(new, newFs)
	type key struct{ rule, subject string }
	keyOf := func(j *journey.Journey, f journey.Finding) key { return key{f.Rule, subjectOf(j, f)} }
	// Pair identical messages first, then whatever is left under the same key.
	used := make([]bool, len(a))
	matched := make([]bool, len(b))
	for pass := 0; pass < 2; pass++ {
		for i, f := range b {
			if matched[i] {
				continue
			}
			for k, g := range a {
				if used[k] || keyOf(new, f) != keyOf(old, g) || (pass == 0 && f.Message != g.Message) {
					continue
				}
				used[k], matched[i] = true, true
				break
			}
		}
	}
	for i, f := range b {
		if !matched[i] {
			out.Introduced = append(out.Introduced, f)
		}
	}
	for k, g := range a {
		if !used[k] {
			out.Fixed = append(out.Fixed, g)
		}
	}
	return out
}

// of returns the findings about j. Only valid journeys are compared, so
// they are lint findings.
func of(j *journey.Journey, fs []journey.Finding) []journey.Finding {
	if j == nil {
		return nil
	}
	var out []journey.Finding
	for _, f := range fs {
		if f.Journey == j.ID.Value {
			out = append(out, f)
		}
	}
	return out
}

// subjectOf names what a finding is about (SPEC §5).
func subjectOf(_ *journey.Journey, f journey.Finding) string { return string(f.Subject) }
