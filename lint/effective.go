package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// RuleSetting is one rule's effective configuration for one journey file.
type RuleSetting struct {
	Meta     *Meta
	Off      bool
	Severity journey.Severity
	// Params are the parameters set by configuration, spelt for display,
	// sorted by name; rules use their defaults for the others.
	Params []string
	// Why names what decided the severity: a preset, a file and line of
	// configuration, an override, or a flag.
	Why string
}

// Effective is the configuration lint applies to one journey file.
type Effective struct {
	Rules        []RuleSetting // built-in rules in registry order, then custom rules
	FailOn       journey.Severity
	Suppressions string
	// Findings are problems in the configuration (unreadable extends,
	// custom rules that do not compile).
	Findings []journey.Finding
}

// EffectiveRules computes what `journeymap rules --for FILE` shows: every
// rule's severity for file under ws (nil for no workspace) and the flags.
func EffectiveRules(ws *journey.Workspace, file string, opts Options) (*Effective, error) {
	c, err := newConfig(ws, opts)
	if err != nil {
		return nil, err
	}
	if err := checkFlags(opts, []*config{c}); err != nil {
		return nil, err
	}
	rs := c.settingsFor(file)
	out := &Effective{FailOn: c.failOn, Suppressions: c.suppressions, Findings: c.findings}
	for _, r := range c.rules() {
		m := r.Meta()
		st := rs[m.ID]
		out.Rules = append(out.Rules, RuleSetting{Meta: m, Off: st.off, Severity: st.sev, Params: showParams(st.params), Why: st.why})
	}
	return out, nil
}

// CustomRules describes the custom rules of a workspace (nil for none)
// that compile; mistakes are left to lint and validate to report.
func CustomRules(ws *journey.Workspace) []*Meta {
	if ws == nil {
		return nil
	}
	c, err := newConfig(ws, Options{})
	if err != nil {
		return nil
	}
	return c.customMetas()
}

func showParams(ps map[string]any) []string {
	var out []string
	for k, v := range ps {
		switch x := v.(type) {
		case []string:
			out = append(out, fmt.Sprintf("%s: [%s]", k, strings.Join(x, ", ")))
		default:
			out = append(out, fmt.Sprintf("%s: %v", k, x))
		}
	}
	sort.Strings(out)
	return out
}
