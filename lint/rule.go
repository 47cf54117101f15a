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
	// Bad is a small journey that triggers the rule; Good is the same journey
	// put right. Both are checked by tests and shown in docs/rules.md.
	Bad, Good string
}

// ParamInfo documents a rule parameter.
type ParamInfo struct {
	Name    string
	Default int
	Doc     string
}

// base is embedded by every rule to provide Meta.
type base struct{ meta Meta }

func (b *base) Meta() *Meta { return &b.meta }

// Pass is one rule checking one journey.
type Pass struct {
	Journey *journey.Journey
	Today   time.Time
	params  map[string]int
	rule    *Meta
	sev     journey.Severity
	out     *[]journey.Finding
	// channels indexes the run's channel definitions (see Defer).
	channels *channelIndex
	deferred *[]func(*Pass)
}

// Defer runs check once every journey of the run has been checked, for a
// rule that compares a journey with the others. check reports about the
// same journey through the Pass it is given, whose Journey then holds only
// the file name, id and text: what check needs of the model it must
// capture itself. Outside a run (a rule's examples) check never runs.
func (p *Pass) Defer(check func(p *Pass)) {
	if p.deferred != nil {
		*p.deferred = append(*p.deferred, check)
	}
}

// Param returns a rule parameter, configured or default.
func (p *Pass) Param(name string) int {
	if v, ok := p.params[name]; ok {
		return v
	}
	for _, pi := range p.rule.Params {
		if pi.Name == name {
			return pi.Default
		}
	}
	return 0
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
	if at.Line < 1 {
		at = journey.Pos{Line: 1, Col: 1}
	}
	if at.Col < 1 {
		at.Col = 1
	}
	*p.out = append(*p.out, journey.Finding{
		File: file, Line: at.Line, Column: at.Col, Rule: p.rule.ID, Severity: p.sev,
		Message: fmt.Sprintf(format, args...), Journey: p.Journey.ID.Value, Subject: subject,
	})
}
