package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// TestCustomExamples: each custom rule docs/rules.md shows compiles and
// fires exactly where its example says, with a message that says so.
func TestCustomExamples(t *testing.T) {
	for _, e := range lint.CustomExamples() {
		t.Run(e.Title, func(t *testing.T) {
			var got []journey.Subject
			for _, f := range lint.CheckCustomExample(e) {
				if f.File == journey.WorkspaceFile || f.Severity == journey.Error && f.Rule == journey.RuleType {
					t.Fatalf("the example does not compile: %s", f)
				}
				if strings.Contains(f.Message, "{{") || strings.Contains(f.Message, "not set") {
					t.Errorf("message not filled in: %s", f.Message)
				}
				got = append(got, f.Subject)
			}
			want := slices.Clone(e.Want)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("fires on %v, want %v", got, want)
			}
		})
	}
}

// customWorkspace declares one custom rule per case.
func customWorkspace(rules string) string {
	return "version: 1\nmetrics:\n  nps: {name: NPS, kind: nps}\nlint:\n  rules: {missing-persona: off, missing-emotion: off}\n  custom:\n" + rules
}

// TestCustomRuleMistakes: every mistake in a custom rule is a positioned
// finding in journeymap.yaml, never a crash or a hang, and the rest runs.
func TestCustomRuleMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, rule string
		want       []string
		msg        string
	}{
		{"a syntax error", "    - {id: r, on: touchpoint, require: 'touchpoint.metrics.exists(m,', message: x}\n",
			[]string{"journeymap.yaml:7:69 type workspace"}, "Syntax error"},
		{"not a boolean", "    - {id: r, on: stage, require: 'size(stage.touchpoints)', message: x}\n",
			[]string{"journeymap.yaml:7:36 type workspace"}, "must be true or false, but gives a number"},
		{"a misspelt key", "    - {id: r, on: touchpoint, require: 'size(touchpoint.metric) > 0', message: x}\n",
			[]string{"journeymap.yaml:7:57 type workspace"}, `touchpoint has no key "metric"; did you mean "metrics"?`},
		{"a misspelt key inside a comprehension", "    - {id: r, on: journey, require: 'journey.stages.all(s, s.touchpoint.size() > 0)', message: x}\n",
			[]string{"journeymap.yaml:7:62 type workspace"}, `stage has no key "touchpoint"`},
		{"a misspelt lookup key", "    - {id: r, on: touchpoint, require: 'metric(\"nps\").knd == \"nps\"', message: x}\n",
			[]string{"journeymap.yaml:7:55 type workspace"}, `metric(id) has no key "knd"; did you mean "kind"?`},
		{"a variable out of scope", "    - {id: r, on: journey, require: 'touchpoint.id != \"\"', message: x}\n",
			[]string{"journeymap.yaml:7:38 type workspace"}, `"touchpoint" is not available in a rule on journey`},
		{"an unknown function", "    - {id: r, on: journey, require: 'lookup(journey.id)', message: x}\n",
			[]string{"journeymap.yaml:7:44 type workspace"}, "undeclared reference"},
		{"a bad insertion", "    - {id: r, on: journey, require: 'false', message: 'x {{journey.titel}}'}\n",
			[]string{"journeymap.yaml:7:68 type workspace"}, `journey has no key "titel"; did you mean "title"?`},
		{"an unclosed insertion", "    - {id: r, on: journey, require: 'false', message: 'x {{journey.id'}\n",
			[]string{"journeymap.yaml:7:55 type workspace"}, `"{{" without a closing "}}"`},
		{"an unknown on", "    - {id: r, on: channel, require: 'true', message: x}\n",
			[]string{"journeymap.yaml:7:19 range workspace"}, `on "channel" is not one of journey, stage, touchpoint, handoff`},
		{"an id that is a built-in rule", "    - {id: missing-owner, on: journey, require: 'true', message: x}\n",
			[]string{"journeymap.yaml:7:12 range workspace"}, "is a built-in rule"},
		{"an id that is a validation check", "    - {id: syntax, on: journey, require: 'true', message: x}\n",
			[]string{"journeymap.yaml:7:12 range workspace"}, "is a validation check"},
		{"an id used twice", "    - {id: r, on: journey, require: 'true', message: x}\n    - {id: r, on: stage, require: 'true', message: y}\n",
			[]string{"journeymap.yaml:8:12 duplicate-id workspace"}, "already defined at"},
		{"an id that is not kebab-case", "    - {id: My_Rule, on: journey, require: 'true', message: x}\n",
			[]string{"journeymap.yaml:7:12 range workspace"}, "kebab-case"},
		{"no require", "    - {id: r, on: journey, message: x}\n",
			[]string{"journeymap.yaml:7:7 required workspace"}, `missing required key "require"`},
		{"a value of the wrong type at run time", "    - {id: r, on: touchpoint, require: 'touchpoint.emotion.score > 0', message: x}\n",
			[]string{"journeymap.yaml:7:40 type workspace"}, "could not be evaluated on a journey: no such overload"},
		{"a when that gives text at run time", "    - {id: r, on: journey, when: 'journey.title', require: 'true', message: x}\n",
			[]string{"journeymap.yaml:7:34 type workspace"}, `when gave the text "`},
		{"an expression longer than CEL accepts", "    - {id: r, on: journey, require: '" + strings.Repeat("(", 3000) + "true" + strings.Repeat(")", 3000) + "', message: x}\n",
			// The format's own limit on a text value (1,000 characters) speaks first.
			[]string{"journeymap.yaml:7:37 range workspace", "journeymap.yaml:7:38 type workspace"}, "require: the expression is 6004 characters long; CEL accepts at most 4096"},
		{"an expression that never ends", "    - {id: r, on: journey, require: '" + neverEnding() + "', message: x}\n",
			[]string{"journeymap.yaml:7:37 range workspace"}, "exceeded the cost limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"journeymap.yaml": customWorkspace(tc.rule), "j.journey.yaml": teamJourney}
			dir := writeTree(t, files)
			set, err := journey.Load([]string{dir}, journey.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := lint.Run(set, lint.Options{Today: ruleToday})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			wantFindings(t, showFindings(dir, res.Findings), tc.want...)
			var msgs []string
			for _, f := range res.Findings {
				msgs = append(msgs, f.Message)
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tc.msg) {
				t.Errorf("messages %q lack %q", msgs, tc.msg)
			}
			if !res.Failed {
				t.Error("a broken custom rule must fail the run")
			}
		})
	}
}

// neverEnding nests comprehensions so deep that evaluating them would take
// longer than anyone waits: 10^8 steps without the cost limit.
func neverEnding() string {
	expr := "a+b+c+d+e+f+g+h >= 0"
	for _, v := range []string{"h", "g", "f", "e", "d", "c", "b", "a"} {
		expr = "[0,1,2,3,4,5,6,7,8,9].all(" + v + ", " + expr + ")"
	}
	return expr
}

// TestCustomRuleLikeBuiltIn: a custom rule is configured, overridden,
// suppressed and turned on and off exactly like a built-in one.
func TestCustomRuleLikeBuiltIn(t *testing.T) {
	rule := "    - {id: needs-persona, severity: info, on: journey, require: 'journey.persona.id != \"\"', message: 'journey {{journey.id}} has no persona'}\n"
	ws := func(extra string) string { return customWorkspace(rule) + extra }
	for _, tc := range []struct {
		name  string
		files map[string]string
		opts  lint.Options
		want  []string
	}{
		{"it fires", map[string]string{"journeymap.yaml": ws(""), "j.journey.yaml": teamJourney}, lint.Options{},
			[]string{"j.journey.yaml:1:1 needs-persona journey"}},
		{"rules can turn it off", map[string]string{"journeymap.yaml": strings.Replace(ws(""), "missing-emotion: off}", "missing-emotion: off, needs-persona: off}", 1), "j.journey.yaml": teamJourney}, lint.Options{}, nil},
		{"an override can turn it off", map[string]string{"journeymap.yaml": ws("  overrides:\n    - files: [\"drafts/**\"]\n      rules: {needs-persona: off}\n"),
			"drafts/j.journey.yaml": teamJourney, "j.journey.yaml": teamJourney}, lint.Options{},
			[]string{"j.journey.yaml:1:1 needs-persona journey"}},
		{"--disable turns it off", map[string]string{"journeymap.yaml": ws(""), "j.journey.yaml": teamJourney}, lint.Options{Disable: []string{"needs-persona"}}, nil},
		{"an ignore comment silences it", map[string]string{"journeymap.yaml": ws(""), "j.journey.yaml": "# journeymap:ignore-file needs-persona -- internal journey\n" + teamJourney}, lint.Options{}, nil},
		{"a custom rule from an extended file", map[string]string{"journeymap.yaml": "version: 1\nlint:\n  extends: [org.yaml]\n",
			"org.yaml": "lint:\n  rules: {missing-persona: off, missing-emotion: off}\n  custom:\n" + rule, "j.journey.yaml": teamJourney}, lint.Options{},
			[]string{"j.journey.yaml:1:1 needs-persona journey"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantFindings(t, teamRun(t, tc.files, tc.opts), tc.want...)
		})
	}
}

func TestCustomRuleSeverityAndSARIF(t *testing.T) {
	rule := "    - {id: needs-persona, severity: error, on: journey, require: 'journey.persona.id != \"\"', message: 'journey {{journey.id}} has no persona', help: Say whose journey it is.}\n"
	dir := writeTree(t, map[string]string{"journeymap.yaml": customWorkspace(rule), "j.journey.yaml": teamJourney})
	set, _ := journey.Load([]string{dir}, journey.LoadOptions{})
	res, err := lint.Run(set, lint.Options{Today: ruleToday})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Severity != journey.Error || res.Findings[0].Message != "journey j has no persona" || !res.Failed {
		t.Fatalf("findings %v, failed %v", res.Findings, res.Failed)
	}
	var b strings.Builder
	if err := lint.WriteSARIF(&b, res, lint.SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"id": "needs-persona"`) || !strings.Contains(b.String(), "Say whose journey it is.") {
		t.Errorf("SARIF does not describe the custom rule:\n%s", b.String())
	}
}

// FuzzCustomRule: any text as a custom rule's expressions is compiled and
// run without a crash; mistakes are findings.
func FuzzCustomRule(f *testing.F) {
	f.Add("touchpoint.metrics.exists(m, metric(m).kind == \"nps\")", "moment {{touchpoint.id}}")
	f.Add("[1,2,3].all(a, [1,2,3].all(b, a < b))", "{{")
	f.Add("touchpoint.emotion.score > 0", "{{touchpoint.emotion}} }}")
	f.Fuzz(func(t *testing.T, require, message string) {
		q := func(s string) string {
			return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + `"`
		}
		e := lint.CustomExample{Rule: "    - id: fuzzed\n      on: touchpoint\n      require: " + q(require) + "\n      message: " + q(message) + "\n", Journey: teamJourney}
		lint.CheckCustomExample(e)
	})
}
