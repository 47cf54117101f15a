package journey

import (
	"fmt"
	"sort"
)

// Severity says how much a finding matters. The zero value is Info.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns the spelling used in output and configuration.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// Severities lists the severity words, most severe first: the values of
// --fail-on, `fail_on` and a rule's severity.
func Severities() []string { return []string{Error.String(), Warning.String(), Info.String()} }

// SeverityOff is the rule setting that turns a rule off.
const SeverityOff = "off"

// RuleSeverities lists what a rule may be set to: off or a severity.
func RuleSeverities() []string { return append([]string{SeverityOff}, Severities()...) }

// ParseSeverity reads one of Severities.
func ParseSeverity(s string) (Severity, bool) {
	for _, sev := range []Severity{Error, Warning, Info} {
		if s == sev.String() {
			return sev, true
		}
	}
	return Info, false
}

// MarshalText spells the severity for JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Validation rule ids (SPEC §5). Validation findings are always errors.
const (
	RuleSyntax     = "syntax"
	RuleUnknownKey = "unknown-key"
	RuleType       = "type"
	RuleRequired   = "required"
	RuleRange      = "range"
	RuleDuplicate  = "duplicate-id"
	RuleUnresolved = "unresolved-reference"
	RuleVersion    = "version"
	RuleFile       = "file"
)

// ValidationRules lists every validation id, in the order the docs present them.
func ValidationRules() []string {
	return []string{RuleSyntax, RuleUnknownKey, RuleType, RuleRequired, RuleRange,
		RuleDuplicate, RuleUnresolved, RuleVersion, RuleFile}
}

// Finding is one problem at one place in one file.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Journey  string   `json:"journey,omitempty"`
	// Subject is what the finding is about; it is set where the finding is
	// reported and never left empty (SubjectFile at the least).
	Subject Subject `json:"subject"`
}

// String formats the finding as file:line:col: severity: message [rule].
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Column, f.Severity, f.Message, f.Rule)
}

// SortFindings orders findings by file, line, column, rule, message and
// subject, and
// drops exact duplicates, so output is stable whatever order checks ran in.
func SortFindings(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Subject < b.Subject
	})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f == fs[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}
