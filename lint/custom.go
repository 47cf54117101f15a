package lint

import (
	"errors"
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// customRule is a `lint.custom` entry compiled to CEL programs: a rule of
// the team's own that runs like a built-in one (SPEC §5 "Custom rules").
// Its programs are compiled once per workspace and are safe to evaluate
// from several goroutines.
type customRule struct {
	meta    *Meta
	on      string
	when    *celProgram // nil: applies everywhere
	require *celProgram
	message []messagePart
	file    string // the configuration file that declares it
}

// messagePart is literal text, or a `{{expr}}` to evaluate.
type messagePart struct {
	text string
	expr *celProgram
}

func (r *customRule) Meta() *Meta { return r.meta }

// Check evaluates the rule on every journey, stage, touchpoint or handoff
// of the journey, as `on` says.
func (r *customRule) Check(p *Pass) {
	m := p.model.get(p.Journey)
	switch r.on {
	case "journey":
		r.check(p, m.vars(nil, nil, nil), journey.SubjectJourney, journey.Pos{Line: 1, Col: 1})
	case "stage":
		for _, s := range p.Journey.Stages {
			r.check(p, m.vars(s, nil, nil), s.Subject(), s.Pos)
		}
	case "touchpoint":
		for _, t := range p.Journey.Touchpoints() {
			r.check(p, m.vars(t.Stage, t, nil), t.Subject(), t.Pos)
		}
	case "handoff":
		for _, e := range p.Journey.Flow.Handoffs() {
			at := e.To.Pos
			if e.To.Handoff != nil {
				at = e.To.At("handoff")
			}
			r.check(p, m.vars(nil, nil, e), e.Subject(), at)
		}
	}
}

func (r *customRule) check(p *Pass, vars map[string]any, subject journey.Subject, at journey.Pos) {
	if r.when != nil {
		ok, err := r.when.bool(vars)
		if err != nil {
			r.evalProblem(p, r.when, err)
			return
		}
		if !ok {
			return
		}
	}
	ok, err := r.require.bool(vars)
	if err != nil {
		r.evalProblem(p, r.require, err)
		return
	}
	if ok {
		return
	}
	var b strings.Builder
	for _, part := range r.message {
		if part.expr == nil {
			b.WriteString(part.text)
			continue
		}
		v, err := part.expr.eval(vars)
		if err != nil {
			r.evalProblem(p, part.expr, err)
			return
		}
		b.WriteString(showValue(v))
	}
	p.Report(subject, at, "%s", b.String())
}

// evalProblem reports an expression that failed on real data (a value of
// an unexpected type, or too much work) in the configuration file, where
// it can be fixed. The message names no journey, so that a rule failing on
// many journeys is reported once.
func (r *customRule) evalProblem(p *Pass, prog *celProgram, err error) {
	rule, msg := journey.RuleType, err.Error()
	if errors.Is(err, errCostLimit) {
		rule = journey.RuleRange
	}
	*p.out = append(*p.out, journey.Finding{
		File: r.file, Line: prog.pos.Line, Column: max(prog.pos.Col, 1), Rule: rule, Severity: journey.Error, Subject: journey.SubjectWorkspace,
		Message: fmt.Sprintf("custom rule %q: %s %s", r.meta.ID, prog.what, msg),
	})
}

// compileCustom compiles every custom rule of the workspace's lint blocks
// (its own and those it extends), reporting mistakes as findings at their
// position; a rule with a mistake does not run. Rule settings start at the
// rule's own severity, on.
//
// The CEL environment is built only when there is a rule to compile, and
// once per process: building it costs more than linting a journey, and
// most workspaces declare no custom rules.
func (c *config) compileCustom(ws *journey.Workspace, steps []step) {
	seen := map[string]string{}
	for _, st := range steps {
		if st.layer == nil {
			continue
		}
		for _, cr := range st.layer.Custom {
			env, err := sharedCELEnv()
			if err != nil {
				c.problem(ws.File, journey.Pos{Line: 1, Col: 1}, journey.RuleType, "custom rules: %v", err)
				return
			}
			file := st.layer.File
			id := cr.ID.Value
			if FindRule(id) != nil {
				c.problem(file, cr.ID.Pos, journey.RuleRange, "custom rule id %q is a built-in rule; choose another id (configure the built-in one under rules:)", id)
				continue
			}
			if isValidation(id) {
				c.problem(file, cr.ID.Pos, journey.RuleRange, "custom rule id %q is a validation check; choose another id", id)
				continue
			}
			if where, dup := seen[id]; dup {
				c.problem(file, cr.ID.Pos, journey.RuleDuplicate, "custom rule %q is already defined at %s", id, where)
				continue
			}
			seen[id] = fmt.Sprintf("%s:%d", file, cr.ID.Pos.Line)
			if r := c.compileRule(env, file, cr); r != nil {
				c.custom = append(c.custom, r)
				c.base[id] = &setting{sev: r.meta.Severity, params: map[string]any{}, why: fmt.Sprintf("custom rule (%s:%d)", file, cr.ID.Pos.Line)}
			}
		}
	}
}

func isValidation(id string) bool {
	for _, v := range journey.ValidationRules() {
		if v == id {
			return true
		}
	}
	return false
}

func (c *config) compileRule(env *celEnv, file string, cr *journey.CustomRule) *customRule {
	sev := journey.Warning
	if cr.Severity.Value != "" {
		sev, _ = journey.ParseSeverity(cr.Severity.Value)
	}
	r := &customRule{on: cr.On.Value, file: file}
	// What the rule finds is what its help or message says; why, where it
	// is declared and what it requires, so SARIF and `rules` describe it
	// as fully as a built-in rule.
	summary := cr.Help.Value
	if summary == "" {
		summary = cr.Message.Value
	}
	rationale := fmt.Sprintf("A custom rule declared in %s:%d. On each %s", file, cr.ID.Pos.Line, cr.On.Value)
	if cr.When.Value != "" {
		rationale += fmt.Sprintf(" where `%s`", strings.TrimSpace(cr.When.Value))
	}
	rationale += fmt.Sprintf(", it requires `%s`.", strings.TrimSpace(cr.Require.Value))
	r.meta = &Meta{ID: cr.ID.Value, Severity: sev, Custom: true, Summary: strings.TrimSpace(summary), Rationale: rationale}
	scope := scopeVars(r.on)
	ok := true
	compile := func(t journey.Text, what string, wantBool bool) *celProgram {
		p, issues := compileExpr(env, scope, t.Value, what, wantBool)
		for _, is := range issues {
			at, exact := c.locate(file, t.Pos, t.Value, is)
			msg := is.msg
			if !exact {
				msg += fmt.Sprintf(" (line %d, column %d of the expression)", is.line, is.col+1)
			}
			c.problem(file, at, journey.RuleType, "custom rule %q: %s: %s", cr.ID.Value, what, msg)
			ok = false
		}
		if p != nil {
			p.pos = t.Pos
		}
		return p
	}
	if cr.When.Set {
		r.when = compile(cr.When, "when", true)
	}
	r.require = compile(cr.Require, "require", true)
	parts, err := splitTemplate(cr.Message.Value)
	if err != "" {
		c.problem(file, cr.Message.Pos, journey.RuleType, "custom rule %q: message: %s", cr.ID.Value, err)
		ok = false
	}
	for _, part := range parts {
		if !part.isExpr {
			r.message = append(r.message, messagePart{text: part.text})
			continue
		}
		p := compile(journey.Text{Value: part.text, Pos: cr.Message.Pos}, "message {{"+strings.TrimSpace(part.text)+"}}", false)
		r.message = append(r.message, messagePart{expr: p})
	}
	if !ok {
		return nil
	}
	return r
}

type templatePart struct {
	text   string
	isExpr bool
}

// splitTemplate splits a message at its `{{expr}}` insertions.
func splitTemplate(s string) ([]templatePart, string) {
	var out []templatePart
	for s != "" {
		i := strings.Index(s, "{{")
		if i < 0 {
			if strings.Contains(s, "}}") {
				return nil, "\"}}\" without a matching \"{{\""
			}
			out = append(out, templatePart{text: s})
			break
		}
		if strings.Contains(s[:i], "}}") {
			return nil, "\"}}\" without a matching \"{{\""
		}
		if i > 0 {
			out = append(out, templatePart{text: s[:i]})
		}
		j := strings.Index(s[i+2:], "}}")
		if j < 0 {
			return nil, "\"{{\" without a closing \"}}\""
		}
		expr := s[i+2 : i+2+j]
		if strings.TrimSpace(expr) == "" {
			return nil, "empty {{}} insertion; put an expression inside, like {{touchpoint.id}}"
		}
		out = append(out, templatePart{text: expr, isExpr: true})
		s = s[i+2+j+2:]
	}
	return out, ""
}

// locate turns a position in an expression into one in the configuration
// file, when the expression is written verbatim on one line there (plain or
// quoted without escapes); otherwise it returns the expression's start.
// Inside a message, the search starts at the message's position, so an
// insertion is found where it is written.
func (c *config) locate(file string, start journey.Pos, expr string, is celIssue) (journey.Pos, bool) {
	src, ok := c.sources[file]
	if !ok || is.line != 1 || strings.Contains(expr, "\n") {
		return start, false
	}
	lines := strings.Split(src, "\n")
	if start.Line < 1 || start.Line > len(lines) {
		return start, false
	}
	line := []rune(strings.TrimRight(lines[start.Line-1], "\r"))
	want := []rune(expr)
	from := max(start.Col-1, 0)
	for k := from; k+len(want) <= len(line); k++ {
		if string(line[k:k+len(want)]) == expr {
			return journey.Pos{Line: start.Line, Col: k + is.col + 1}, true
		}
	}
	return start, false
}
