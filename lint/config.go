package lint

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// ConfigError is a configuration mistake (unknown rule, bad severity or
// parameter): a usage error, exit code 2.
type ConfigError struct {
	File string
	Pos  journey.Pos
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return e.Msg
}

// setting is the effective configuration of one rule.
type setting struct {
	off    bool
	sev    journey.Severity
	params map[string]int
}

// config is the effective rule configuration for the journeys of one workspace.
type config struct {
	failOn   journey.Severity
	settings map[string]*setting
}

// newConfig merges defaults, the workspace `lint` section and the flags.
// Flags win: --fail-on over fail_on, --enable/--disable over rules.
func newConfig(ws *journey.Workspace, opts Options) (*config, error) {
	c := &config{failOn: journey.Error, settings: map[string]*setting{}}
	for _, r := range Rules() {
		m := r.Meta()
		c.settings[m.ID] = &setting{sev: m.Severity, params: map[string]int{}}
	}
	if ws != nil {
		lc := ws.Lint
		if lc.FailOn.Value != "" {
			c.failOn, _ = journey.ParseSeverity(lc.FailOn.Value)
		}
		for _, rc := range lc.Rules {
			st, ok := c.settings[rc.Rule.Value]
			if !ok {
				return nil, &ConfigError{ws.File, rc.Rule.Pos, unknownRule(rc.Rule.Value)}
			}
			switch rc.Severity.Value {
			case "":
			case journey.SeverityOff:
				st.off = true
			default:
				st.sev, _ = journey.ParseSeverity(rc.Severity.Value)
			}
			meta := FindRule(rc.Rule.Value).Meta()
			for _, p := range rc.Params {
				if err := checkParam(meta, p.Name.Value, p.Int, p.Value.Value); err != "" {
					return nil, &ConfigError{ws.File, p.Name.Pos, err}
				}
				v, err := strconv.ParseInt(p.Value.Value, 0, 32)
				if err != nil {
					return nil, &ConfigError{ws.File, p.Value.Pos, fmt.Sprintf("rule %s: parameter %q is too large (%s)", rc.Rule.Value, p.Name.Value, p.Value.Value)}
				}
				st.params[p.Name.Value] = int(v)
			}
		}
	}
	if opts.FailOn != "" {
		sev, ok := journey.ParseSeverity(opts.FailOn)
		if !ok {
			return nil, &ConfigError{Msg: fmt.Sprintf("invalid value %q for --fail-on: use one of %s", opts.FailOn, strings.Join(journey.Severities(), ", "))}
		}
		c.failOn = sev
	}
	for _, id := range opts.Enable {
		if id = strings.TrimSpace(id); id == "" {
			continue // "a,,b" or a trailing comma
		}
		st, err := c.flagRule(id, "--enable")
		if err != nil {
			return nil, err
		}
		st.off = false
	}
	for _, id := range opts.Disable {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		st, err := c.flagRule(id, "--disable")
		if err != nil {
			return nil, err
		}
		st.off = true
	}
	return c, nil
}

func (c *config) flagRule(id, flag string) (*setting, error) {
	if st, ok := c.settings[id]; ok {
		return st, nil
	}
	for _, v := range journey.ValidationRules() {
		if v == id {
			return nil, &ConfigError{Msg: fmt.Sprintf("%s %s: %q is a validation check; validation findings are always errors and cannot be turned on or off", flag, id, id)}
		}
	}
	return nil, &ConfigError{Msg: fmt.Sprintf("%s: %s", flag, unknownRule(id))}
}

func unknownRule(id string) string {
	ids := RuleIDs()
	msg := fmt.Sprintf("unknown rule %q", id)
	if s := journey.Suggest(id, ids); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + " (run 'journeymap rules' for the list)"
}

func checkParam(m *Meta, name string, isInt bool, value string) string {
	var names []string
	for _, p := range m.Params {
		names = append(names, p.Name)
		if p.Name == name {
			if !isInt || strings.HasPrefix(value, "-") {
				return fmt.Sprintf("rule %s: parameter %q must be a whole number of zero or more, not %q", m.ID, name, value)
			}
			return ""
		}
	}
	if name == "severity" {
		return ""
	}
	sort.Strings(names)
	if len(names) == 0 {
		return fmt.Sprintf("rule %s takes no parameters, only severity (got %q)", m.ID, name)
	}
	msg := fmt.Sprintf("rule %s has no parameter %q (it takes %s)", m.ID, name, strings.Join(names, ", "))
	if s := journey.Suggest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg
}
