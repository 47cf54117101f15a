package lint

import "github.com/journeymap/journeymap/journey"

type missingOwner struct{ base }

func newMissingOwner() *missingOwner {
	return &missingOwner{base{Meta{
		ID:       "missing-owner",
		Severity: journey.Error,
		Summary:  "a journey, a used channel, or a touchpoint (after its stage's default) with no owner",
		Rationale: "Good customer experience needs a clear, whole owner. In a survey of Norwegian firms only 19 % had a " +
			"central unit responsible for CX and 43 % had no defined responsibility for it in top management: " +
			"what nobody owns, nobody fixes. The journey owner is accountable for the whole and is not a fallback " +
			"for touchpoints.",
		Bad: `version: 1
title: Renew a parking permit
channels:
  web: {name: Council website, kind: digital}
stages:
  - id: renew
    touchpoints:
      - id: fill-form
        name: Fills in the renewal form
        channel: web
`,
		Good: `version: 1
title: Renew a parking permit
owner: parking-services
channels:
  web: {name: Council website, kind: digital, owner: digital-team}
stages:
  - id: renew
    owner: parking-services
    touchpoints:
      - id: fill-form
        name: Fills in the renewal form
        channel: web
`,
	}}}
}

func (r *missingOwner) Check(p *Pass) {
	j := p.Journey
	if j.Owner.Value == "" {
		p.Report(journey.SubjectJourney, j.At("owner"), "journey %q has no owner; name the team accountable for the whole journey with `owner:`", j.ID.Value)
	}
	seen := map[string]bool{}
	for _, t := range j.Touchpoints() {
		if c := j.Channel(t.Channel.Value); c != nil && !seen[c.ID.Value] {
			seen[c.ID.Value] = true
			if c.Owner.Value == "" {
				p.ReportIn(c.File, c.Subject(), c.Pos, "channel %q has no owner; name the team accountable for it with `owner:`", c.ID.Value)
			}
		}
		if t.ResolvedOwner().Value == "" {
			p.Report(t.Subject(), t.Pos, "touchpoint %q has no owner; give it `owner:` or give its stage %q a default owner", t.ID.Value, t.Stage.ID.Value)
		}
	}
}
