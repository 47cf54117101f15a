package lint

import (
	"strings"

	"github.com/journeymap/journeymap/journey"
)

type unbalancedListening struct{ base }

func newUnbalancedListening() *unbalancedListening {
	return &unbalancedListening{base{Meta{
		ID:       "unbalanced-listening",
		Severity: journey.Info,
		OptIn:    true,
		Summary:  "a journey whose listening posts (declared in it or used by its touchpoints) are all structured or all unstructured",
		Rationale: "Measure what matters with both kinds of listening post: structured ones (surveys, scores) say how " +
			"much, unstructured ones (reviews, interviews, complaints) say why. A journey heard through only one " +
			"kind either counts problems it cannot explain or collects stories it cannot size.",
		Bad: `version: 1
title: Return a parcel
owner: logistics
listening:
  return-survey: {name: Return survey, kind: structured}
stages:
  - id: return
    touchpoints:
      - id: print-label
        channel: app
        owner: logistics
        listening: [return-survey]
`,
		Good: `version: 1
title: Return a parcel
owner: logistics
listening:
  return-survey: {name: Return survey, kind: structured}
  courier-complaints: {name: Complaints about couriers, kind: unstructured}
stages:
  - id: return
    touchpoints:
      - id: print-label
        channel: app
        owner: logistics
        listening: [return-survey, courier-complaints]
`,
	}}}
}

func (r *unbalancedListening) Check(p *Pass) {
	j := p.Journey
	seen := map[string]bool{}
	byKind := map[string][]string{}
	add := func(l *journey.ListeningPost) {
		if l == nil || seen[l.ID.Value] || l.Kind.Value == "" {
			return
		}
		seen[l.ID.Value] = true
		byKind[l.Kind.Value] = append(byKind[l.Kind.Value], l.ID.Value)
	}
	for _, l := range j.Listening {
		add(l)
	}
	for _, t := range j.Touchpoints() {
		for _, id := range t.Listening {
			add(j.ListeningPost(id.Value))
		}
	}
	if len(byKind) != 1 {
		return // none to balance, or both kinds
	}
	for kind, ids := range byKind {
		other := "unstructured (reviews, interviews, complaints) to hear why"
		if kind == "unstructured" {
			other = "structured (a survey or score) to size what you hear"
		}
		p.Report(journey.SubjectJourney, j.At("listening"), "every listening post of this journey is %s (%s); add one that is %s",
			kind, strings.Join(ids, ", "), other)
	}
}
