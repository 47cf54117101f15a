package lint

import (
	"time"

	"github.com/journeymap/journeymap/journey"
)

// ExampleWorkspace is the workspace rule examples are checked against.
const ExampleWorkspace = `version: 1
channels:
  app: {name: Mobile app, kind: digital, owner: digital-team}
lint:
  vocabulary:
    reject: [CRM, Tier-2, SKU, backend]
`

// ExampleToday is the date rule examples are checked on, so that their
// output never changes.
func ExampleToday() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }

// CheckExample lints src, a rule's Bad or Good example, as a file named
// file, and returns the findings of that rule alone.
func CheckExample(rule string, file, src string) []journey.Finding {
	ws, _ := journey.ParseWorkspace(journey.WorkspaceFile, []byte(ExampleWorkspace))
	j, vf := journey.Parse(file, []byte(src))
	vf = append(vf, journey.Resolve(j, ws)...)
	if len(vf) > 0 {
		return vf
	}
	// Enable the rule, so the examples of rules that are off by default
	// show what they find.
	c, _ := newConfig(ws, Options{Enable: []string{rule}})
	var out []journey.Finding
	// One journey alone has nothing to be inconsistent with: there is no
	// channel index, and no finding is deferred to the end of a run.
	found, _ := lintJourney(j, c, ExampleToday(), nil)
	for _, f := range found {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return journey.SortFindings(out)
}
