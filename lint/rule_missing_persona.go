package lint

import "github.com/journeymap/journeymap/journey"

type missingPersona struct{ base }

func newMissingPersona() *missingPersona {
	return &missingPersona{base{Meta{
		ID:       "missing-persona",
		Severity: journey.Info,
		Summary:  "a journey with no persona",
		Rationale: "A journey is always somebody's: a busy parent and a first-time buyer walk the same steps very " +
			"differently. Naming the persona keeps the map honest about whose experience it describes.",
		Bad: `version: 1
title: Renew a passport
channels:
  web: {name: Website, kind: digital}
stages:
  - id: renew
    touchpoints:
      - {id: upload-photo, channel: web}
`,
		Good: `version: 1
title: Renew a passport
persona: {name: Frequent traveller, segment: adult, needs: [Passport before a trip]}
channels:
  web: {name: Website, kind: digital}
stages:
  - id: renew
    touchpoints:
      - {id: upload-photo, channel: web}
`,
	}}}
}

func (r *missingPersona) Check(p *Pass) {
	if p.Journey.Persona == nil {
		p.Report(journey.SubjectJourney, p.Journey.At("persona"), "journey %q names no persona; say whose journey this is", p.Journey.ID.Value)
	}
}
