// Package lint runs journeymap's rules over resolved journeys and writes
// findings in the formats CI systems read.
package lint

import (
	"fmt"
	"time"

	"github.com/journeymap/journeymap/journey"
)

// Rule is one lint check. Rules work on the resolved model (flow graph,
// handoffs, owners), never on raw YAML.
type Rule interface {
	Meta() *Meta
	// Check inspects one valid journey and reports through the pass.
	Check(p *Pass)
}

// Meta describes a rule for configuration, documentation and SARIF.
type Meta struct {
	ID        string
	Severity  journey.Severity // default severity
	Summary   string           // one line: what the rule finds
	Rationale string           // why it matters, from CX research (SPEC §1)
	Params    []ParamInfo
	// OptIn rules are off in the recommended preset and on in strict.
	OptIn bool
	// Custom rules are declared in a workspace's `lint.custom`.
	Custom bool
	// Bad is a small journey that triggers the rule; Good is the same journey
	// put right. Both are checked by tests and shown in docs/rules.md.
	Bad, Good string
}

// ParamInfo documents a rule parameter.
type ParamInfo struct {
	Name    string
	Kind    ParamKind
	Default int // for whole numbers; a bool parameter defaults to false, a list to empty
	Doc     string
}

// ParamKind is the type of a rule parameter.
type ParamKind int

// Parameter types.
const (
	ParamInt  ParamKind = iota // a whole number of zero or more
	ParamBool                  // true or false
	ParamList                  // a list of strings
)

// DefaultString spells the parameter's default for docs and help.
func (p ParamInfo) DefaultString() string {
	switch p.Kind {
	case ParamBool:
		return "false"
	case ParamList:
		return "none"
	}
	return fmt.Sprint(p.Default)
}

// base is embedded by every rule to provide Meta.
type base struct{ meta Meta }

func (b *base) Meta() *Meta { return &b.meta }

// Pass is one rule checking one journey.
type Pass struct {
	Journey *journey.Journey
	Today   time.Time
	params  map[string]any
	cfg     *config
	// model is the journey as custom rules see it, built once per journey
	// and shared by the passes of all its custom rules.
	model *lazyModel
	rule  *Meta
	sev   journey.Severity
	out   *[]journey.Finding
	// later collects the findings Later defers to the end of the run;
	// channels are the run's channel definitions, for inconsistent-channel.
	later    *[]laterFinding
	channels *channelIndex
}

// laterFinding is a finding whose place is known while its journey is
// checked, but whose existence and message depend on every journey of the
// run: message is asked once all have been checked.
type laterFinding struct {
	finding journey.Finding // all but the message
	message func() (string, bool)
}

// Later records a finding about subject at a place of the journey that can
// be decided only when every journey of the run has been checked, for a
// rule that compares a journey with the others (inconsistent-channel).
// message is called then, and the finding made only if it returns true;
// it must capture what it needs, as the journey's model is gone by then.
// Whether an ignore comment covers the finding is decided now, from its
// place. Outside a run (a rule's examples) message is never called.
func (p *Pass) Later(subject journey.Subject, at journey.Pos, message func() (string, bool)) {
	if p.later == nil {
		return
	}
	f := p.finding(p.Journey.File, subject, at, "")
	*p.later = append(*p.later, laterFinding{finding: f, message: message})
}

// Param returns a whole-number rule parameter, configured or default.
func (p *Pass) Param(name string) int {
	if v, ok := p.params[name].(int); ok {
		return v
	}
	for _, pi := range p.rule.Params {
		if pi.Name == name {
			return pi.Default
		}
	}
	return 0
}

// BoolParam returns a true-or-false rule parameter; false unless configured.
func (p *Pass) BoolParam(name string) bool {
	v, _ := p.params[name].(bool)
	return v
}

// ListParam returns a list rule parameter, or nil when it is not configured.
func (p *Pass) ListParam(name string) []string {
	v, _ := p.params[name].([]string)
	return v
}

// Vocabulary is the workspace's `lint.vocabulary` (after extends).
func (p *Pass) Vocabulary() journey.Vocabulary {
	if p.cfg == nil {
		return journey.Vocabulary{}
	}
	return p.cfg.vocabulary
}

// Report records a finding in the journey's file about subject (SPEC §5:
// journey.SubjectJourney, a touchpoint's Subject(), an edge's, …), at the
// position that shows the problem.
func (p *Pass) Report(subject journey.Subject, at journey.Pos, format string, args ...any) {
	p.ReportIn(p.Journey.File, subject, at, format, args...)
}

// Inside returns at when it lies inside the touchpoint's block, else the
// touchpoint's own position. Values merged in from an anchor elsewhere in
// the file would otherwise place a finding outside the touchpoint, out of
// reach of its suppression comment.
func Inside(t *journey.Touchpoint, at journey.Pos) journey.Pos {
	if t.Contains(at) {
		return at
	}
	return t.Pos
}

// ReportIn records a finding in another file, such as the workspace.
func (p *Pass) ReportIn(file string, subject journey.Subject, at journey.Pos, format string, args ...any) {
	*p.out = append(*p.out, p.finding(file, subject, at, fmt.Sprintf(format, args...)))
}

func (p *Pass) finding(file string, subject journey.Subject, at journey.Pos, message string) journey.Finding {
	if at.Line < 1 {
		at = journey.Pos{Line: 1, Col: 1}
	}
	if at.Col < 1 {
		at.Col = 1
	}
	return journey.Finding{
		File: file, Line: at.Line, Column: at.Col, Rule: p.rule.ID, Severity: p.sev,
		Message: message, Journey: p.Journey.ID.Value, Subject: subject,
	}
}
