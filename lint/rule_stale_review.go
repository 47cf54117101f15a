package lint

import (
	"math"
	"time"

	"github.com/journeymap/journeymap/journey"
)

type staleReview struct{ base }

func newStaleReview() *staleReview {
	return &staleReview{base{Meta{
		ID:       "stale-review",
		Severity: journey.Warning,
		Summary:  "`reviewed` is missing or older than `max_age_days` (default 180)",
		Rationale: "Journey maps rot into posters on a wall. A map that has not been checked against reality " +
			"(interviews, listening posts, walking the journey) for months describes a service that no longer exists.",
		Params: []ParamInfo{{Name: "max_age_days", Default: 180, Doc: "days since `reviewed` before the map is stale"}},
		Bad: `version: 1
title: Register a newborn
reviewed: 2020-03-01
channels:
  office: {name: Registry office, kind: assisted}
stages:
  - id: register
    touchpoints:
      - {id: book-visit, channel: office}
`,
		Good: `version: 1
title: Register a newborn
reviewed: 2026-10-01
channels:
  office: {name: Registry office, kind: assisted}
stages:
  - id: register
    touchpoints:
      - {id: book-visit, channel: office}
`,
	}}}
}

func (r *staleReview) Check(p *Pass) {
	j := p.Journey
	max := p.Param("max_age_days")
	if !j.Reviewed.Set {
		p.Report(journey.SubjectJourney, j.At("reviewed"), "journey %q has no `reviewed` date; record when it was last checked against reality", j.ID.Value)
		return
	}
	// The calendar date of "today" where the user is; dates have no zone.
	y, m, d := p.Today.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	age := int(math.Floor(today.Sub(j.Reviewed.Time).Hours() / 24))
	if age > max {
		p.Report(journey.SubjectJourney, j.Reviewed.Pos, "journey was last reviewed %d days ago (%s), more than %d; check it against reality and update `reviewed`",
			age, j.Reviewed.Time.Format("2006-01-02"), max)
	}
}
