package lint

import (
	"testing"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

// TestRuleExamples: every rule's Bad example triggers it, its Good example
// does not, and both are valid journeys.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		m := r.Meta()
		t.Run(m.ID, func(t *testing.T) {
			if m.Summary == "" || m.Rationale == "" || m.Bad == "" || m.Good == "" {
				t.Fatalf("rule %s lacks summary, rationale or examples", m.ID)
			}
			bad := CheckExample(m.ID, "bad.journey.yaml", m.Bad)
			if len(bad) == 0 {
				t.Errorf("Bad example does not trigger %s", m.ID)
			}
			ws, _ := journey.ParseWorkspace(journey.WorkspaceFile, []byte(ExampleWorkspace))
			j, _ := journey.Parse("bad.journey.yaml", []byte(m.Bad))
			journey.Resolve(j, ws)
			for _, f := range bad {
				if f.Rule != m.ID {
					t.Errorf("Bad example is not a valid journey: %s", f)
				}
				if !j.Defines(f.Subject) {
					t.Errorf("%s: subject %q names nothing in the journey", f, f.Subject)
				}
				if tp := j.SubjectTouchpoint(f.Subject); tp != nil && !tp.Contains(journey.Pos{Line: f.Line, Col: f.Column}) {
					t.Errorf("%s: about %s but outside its block %+v", f, f.Subject, tp.Extent)
				}
			}
			for _, f := range CheckExample(m.ID, "good.journey.yaml", m.Good) {
				t.Errorf("Good example still finds: %s", f)
			}
		})
	}
}

var kebab = lazyre.New(`^[a-z]+(-[a-z]+)*$`)

// TestRegistry pins the rule ids and default severities of SPEC §5.
func TestRegistry(t *testing.T) {
	want := map[string]journey.Severity{
		"missing-owner": journey.Error, "undocumented-handoff": journey.Warning,
		"handoff-context-lost": journey.Warning, "handoff-owner-gap": journey.Warning,
		"channel-hopping": journey.Warning, "unmeasured-moment": journey.Warning,
		"negative-moment": journey.Warning, "pain-without-opportunity": journey.Info,
		"emotional-cliff": journey.Warning, "negative-ending": journey.Warning,
		"missing-emotion": journey.Info, "empty-stage": journey.Warning,
		"unreachable-touchpoint": journey.Warning, "missing-goal": journey.Info,
		"missing-persona": journey.Info, "inconsistent-channel": journey.Warning,
		"unused-definition": journey.Info, "stale-review": journey.Warning,
		"bad-suppression": journey.Warning,
		// The rules strict adds, at their strict severities; off by default.
		"missing-expectations": journey.Info, "unbalanced-listening": journey.Info,
		"no-positive-peak": journey.Info, "unmeasured-journey": journey.Warning,
		"inside-out-language": journey.Warning,
	}
	optIn := map[string]bool{"missing-expectations": true, "unbalanced-listening": true,
		"no-positive-peak": true, "unmeasured-journey": true, "inside-out-language": true}
	rules := Rules()
	if len(rules) != len(want) {
		t.Errorf("%d rules, want %d", len(rules), len(want))
	}
	for _, r := range rules {
		m := r.Meta()
		sev, ok := want[m.ID]
		if !ok {
			t.Errorf("unexpected rule %q", m.ID)
			continue
		}
		if sev != m.Severity {
			t.Errorf("%s: default severity %s, want %s", m.ID, m.Severity, sev)
		}
		if m.OptIn != optIn[m.ID] {
			t.Errorf("%s: OptIn %v, want %v", m.ID, m.OptIn, optIn[m.ID])
		}
		if !kebab().MatchString(m.ID) {
			t.Errorf("%s is not kebab-case", m.ID)
		}
	}
}
