package lint

import "github.com/journeymap/journeymap/journey"

// Presets are the named rule sets `lint.extends` may list.
const (
	PresetRecommended = "recommended"
	PresetStrict      = "strict"
)

func presetNames() []string { return []string{PresetRecommended, PresetStrict} }

func isPreset(name string) bool { return name == PresetRecommended || name == PresetStrict }

// strictRaises are the rules `strict` raises above their default severity.
func strictRaises() map[string]journey.Severity {
	return map[string]journey.Severity{
		"missing-emotion": journey.Warning,
		"missing-goal":    journey.Warning,
		"missing-persona": journey.Warning,
	}
}

// presetRules is the setting of every built-in rule under a preset.
// `recommended` is the default: SPEC §5's eighteen rules at their default
// severities, plus bad-suppression; the opt-in rules are off. `strict`
// turns those on and raises missing-emotion, missing-goal and
// missing-persona to warning; under it bad-suppression also reports
// ignore comments that silence nothing.
func presetRules(name, why string) ruleSet {
	rs := ruleSet{}
	raises := strictRaises()
	for _, r := range Rules() {
		m := r.Meta()
		st := &setting{sev: m.Severity, params: map[string]any{}, why: why}
		switch name {
		case PresetStrict:
			if sev, ok := raises[m.ID]; ok {
				st.sev = sev
			}
			if m.ID == badSuppressionID {
				st.params["unused"] = true
			}
		default:
			st.off = m.OptIn
		}
		rs[m.ID] = st
	}
	return rs
}

// StrictSeverity is the rule's severity under the strict preset.
func StrictSeverity(m *Meta) journey.Severity {
	if sev, ok := strictRaises()[m.ID]; ok {
		return sev
	}
	return m.Severity
}

// DefaultSeverityText spells a rule's severity under the recommended
// preset, and under strict where that differs: "warning", "off (strict:
// info)", "info (strict: warning)".
func DefaultSeverityText(m *Meta) string {
	switch {
	case m.OptIn:
		return "off (strict: " + m.Severity.String() + ")"
	case StrictSeverity(m) != m.Severity:
		return m.Severity.String() + " (strict: " + StrictSeverity(m).String() + ")"
	}
	return m.Severity.String()
}
