package lint

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/journeymap/journeymap/journey"
)

type insideOutLanguage struct{ base }

func newInsideOutLanguage() *insideOutLanguage {
	return &insideOutLanguage{base{Meta{
		ID:       "inside-out-language",
		Severity: journey.Warning,
		OptIn:    true,
		Summary:  "a touchpoint or stage name containing a term from `lint.vocabulary.reject` (system names, internal jargon)",
		Rationale: "Outside-in: a journey map tells the customer's story, not the organisation chart's. A step named " +
			"after the system or department behind it (\"CRM case created\", \"Tier-2 escalation\") hides what the " +
			"customer does, sees and feels there, and keeps the organisation optimising its own silos.",
		Params: []ParamInfo{{Name: "terms", Kind: ParamList,
			Doc: "terms to reject, in addition to the workspace's `lint.vocabulary.reject`; `lint.vocabulary.accept` lists terms allowed anyway. Matched as whole words, ignoring case. Without terms the rule finds nothing; the example below is checked with `lint: {vocabulary: {reject: [CRM, Tier-2, SKU, backend]}}`"}},
		Bad: `version: 1
title: Dispute a card payment
owner: card-services
stages:
  - id: dispute
    name: Dispute
    touchpoints:
      - id: open-case
        name: CRM case opened by Tier-2 team
        channel: app
        owner: card-services
`,
		Good: `version: 1
title: Dispute a card payment
owner: card-services
stages:
  - id: dispute
    name: Dispute
    touchpoints:
      - id: open-case
        name: Tells us which payment looks wrong
        channel: app
        owner: card-services
`,
	}}}
}

func (r *insideOutLanguage) Check(p *Pass) {
	terms := r.terms(p)
	if len(terms) == 0 {
		return
	}
	accepted := p.Vocabulary().Accept
	findTerms := func(name string) []string { return findTerms(shieldAccepted(name, accepted), terms) }
	for _, s := range p.Journey.Stages {
		if found := findTerms(s.Name.Value); len(found) > 0 {
			p.Report(s.Subject(), s.Keys.At("name", s.Pos), "stage name %q uses inside-out %s; name the stage by what the customer is trying to do", s.Name.Value, quoteTerms(found))
		}
		for _, t := range s.Touchpoints {
			if found := findTerms(t.Name.Value); len(found) > 0 {
				p.Report(t.Subject(), Inside(t, t.At("name")), "touchpoint name %q uses inside-out %s; name it by what the customer does or sees there", t.Name.Value, quoteTerms(found))
			}
		}
	}
}

// terms are the rule's `terms` and the workspace's reject list, less the
// accepted ones, compared without regard to case.
func (r *insideOutLanguage) terms(p *Pass) []string {
	voc := p.Vocabulary()
	accept := map[string]bool{}
	for _, a := range voc.Accept {
		accept[strings.ToLower(a.Value)] = true
	}
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		t = strings.TrimSpace(t)
		k := strings.ToLower(t)
		if t == "" || accept[k] || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, t)
	}
	for _, t := range p.ListParam("terms") {
		add(t)
	}
	for _, t := range voc.Reject {
		add(t.Value)
	}
	return out
}

// shieldAccepted blanks out, in name, every whole-word occurrence of an
// accepted term, so that a rejected word inside an accepted phrase ("ticket"
// in an accepted "ticket office") is not found there, while the same word
// elsewhere in the name still is.
func shieldAccepted(name string, accept []journey.Text) string {
	if len(accept) == 0 {
		return name
	}
	lower := []byte(strings.ToLower(name))
	for _, a := range accept {
		la := strings.ToLower(strings.TrimSpace(a.Value))
		if la == "" {
			continue
		}
		for from := 0; from < len(lower); {
			i := strings.Index(string(lower[from:]), la)
			if i < 0 {
				break
			}
			i += from
			if wordEdge(string(lower), i, true) && wordEdge(string(lower), i+len(la), false) {
				for k := i; k < i+len(la); k++ {
					lower[k] = ' '
				}
				from = i + len(la)
				continue
			}
			from = i + 1
		}
	}
	return string(lower)
}

// findTerms returns the terms that occur in name as whole words, ignoring
// case, in the order they occur.
func findTerms(name string, terms []string) []string {
	lower := strings.ToLower(name)
	type hit struct {
		at   int
		term string
	}
	var hits []hit
	for _, t := range terms {
		lt := strings.ToLower(t)
		for from := 0; from <= len(lower); {
			i := strings.Index(lower[from:], lt)
			if i < 0 {
				break
			}
			i += from
			if wordEdge(lower, i, true) && wordEdge(lower, i+len(lt), false) {
				hits = append(hits, hit{i, t})
				break
			}
			from = i + 1
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].at < hits[b].at })
	var out []string
	for _, h := range hits {
		out = append(out, h.term)
	}
	return out
}

// wordEdge says whether position i of s is a word boundary: the letter or
// digit on the inner side has none on the outer side.
func wordEdge(s string, i int, start bool) bool {
	var r rune
	if start {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i >= len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func quoteTerms(ts []string) string {
	q := make([]string, len(ts))
	for i, t := range ts {
		q[i] = `"` + t + `"`
	}
	if len(q) == 1 {
		return "term " + q[0]
	}
	return "terms " + strings.Join(q, ", ")
}
