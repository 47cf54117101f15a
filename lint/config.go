package lint

import (
	"fmt"
	"path/filepath"
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
	params map[string]any // int, bool or []string, as the rule's ParamInfo says
	// why names what last decided the severity, for `rules --for`.
	why string
}

func (s *setting) clone() *setting {
	c := *s
	c.params = make(map[string]any, len(s.params))
	for k, v := range s.params {
		c.params[k] = v
	}
	return &c
}

// ruleSet is the setting of every rule, by id.
type ruleSet map[string]*setting

func (rs ruleSet) clone() ruleSet {
	out := make(ruleSet, len(rs))
	for id, s := range rs {
		out[id] = s.clone()
	}
	return out
}

// override is a `lint.overrides` entry, with the file that declared it.
type override struct {
	globs []journey.Text
	rules []journey.RuleConfig
	file  string
}

// config is the effective rule configuration for the journeys of one
// workspace: presets and files it extends, its own rules, its overrides and
// the command-line flags, in that order (SPEC §5 "Lint for teams").
type config struct {
	wsFile       string // "" without a workspace
	wsDir        string // absolute directory of the workspace file
	failOn       journey.Severity
	suppressions string
	base         ruleSet
	overrides    []override
	custom       []*customRule
	vocabulary   journey.Vocabulary
	opts         Options
	// sources are the configuration files read, by name, for placing
	// mistakes in custom rule expressions exactly.
	sources map[string]string
	// findings are problems in the configuration files that are not usage
	// errors: files named by extends that cannot be read, cycles, custom
	// rules that do not compile.
	findings []journey.Finding
	// all holds the rules once rules has made them: the same for every
	// journey of the workspace, and they keep no state.
	all []Rule
}

// newConfig merges defaults, the workspace `lint` section and the flags.
// Flags win: --fail-on over fail_on, --enable/--disable over rules.
func newConfig(ws *journey.Workspace, opts Options) (*config, error) {
	c := &config{failOn: journey.Error, suppressions: "allow", base: presetRules("recommended", "default (recommended)"), opts: opts, sources: map[string]string{}}
	if ws != nil {
		c.wsFile = ws.File
		c.sources[ws.File] = string(ws.Source.Text)
		if abs, err := filepath.Abs(ws.File); err == nil {
			c.wsDir = filepath.Dir(abs)
		}
		lc := ws.Lint
		lc.File = ws.File
		steps := c.extend(&lc, []string{absPath(ws.File)})
		// Custom rules first: `rules` and `overrides` may configure them.
		c.compileCustom(ws, steps)
		for _, st := range steps {
			if st.layer == nil {
				c.base = c.withPreset(st.preset, st.why)
				continue
			}
			if err := c.applyLayer(st.layer); err != nil {
				return nil, err
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
	return c, nil
}

// applyLayer applies one lint block's own settings (its extends were
// already expanded before it).
func (c *config) applyLayer(l *journey.LintConfig) error {
	if l.FailOn.Value != "" {
		c.failOn, _ = journey.ParseSeverity(l.FailOn.Value)
	}
	if l.Suppressions.Value != "" {
		c.suppressions = l.Suppressions.Value
	}
	if len(l.Vocabulary.Reject) > 0 || len(l.Vocabulary.Accept) > 0 {
		c.vocabulary = l.Vocabulary
	}
	if err := c.applyRules(c.base, l.File, l.Rules, ""); err != nil {
		return err
	}
	for _, o := range l.Overrides {
		for _, g := range o.Files {
			if err := checkGlob(g.Value); err != nil {
				return &ConfigError{l.File, g.Pos, fmt.Sprintf("override files %q: %v", g.Value, err)}
			}
		}
		// Check the rule names now, whether or not any journey matches.
		if err := c.applyRules(c.base.clone(), l.File, o.Rules, ""); err != nil {
			return err
		}
		c.overrides = append(c.overrides, override{globs: o.Files, rules: o.Rules, file: l.File})
	}
	return nil
}

// withPreset replaces every built-in rule's setting with the preset's,
// keeping custom rules (presets know nothing of them).
func (c *config) withPreset(name, why string) ruleSet {
	out := presetRules(name, why)
	for _, cr := range c.custom {
		out[cr.meta.ID] = c.base[cr.meta.ID]
	}
	return out
}

// applyRules applies a `rules:` block to rs. prefix, when set, says it is an
// override (for `rules --for`).
func (c *config) applyRules(rs ruleSet, file string, rules []journey.RuleConfig, prefix string) error {
	for _, rc := range rules {
		st, ok := rs[rc.Rule.Value]
		if !ok {
			return &ConfigError{file, rc.Rule.Pos, c.unknownRule(rc.Rule.Value)}
		}
		why := fmt.Sprintf("%s:%d", file, rc.Rule.Pos.Line)
		if prefix != "" {
			why = prefix + " (" + why + ")"
		}
		switch rc.Severity.Value {
		case "":
		case "off":
			st.off = true
			st.why = why
		default:
			st.off = false
			st.sev, _ = journey.ParseSeverity(rc.Severity.Value)
			st.why = why
		}
		if rc.Severity.Value == "" && len(rc.Params) > 0 && st.off {
			// Giving parameters to a rule that is off turns it on: the
			// user plainly wants it.
			st.off = false
			st.why = why
		}
		meta := c.meta(rc.Rule.Value)
		for _, p := range rc.Params {
			v, err := paramValue(meta, p)
			if err != nil {
				return &ConfigError{file, err.at, err.msg}
			}
			st.params[p.Name.Value] = v
		}
	}
	return nil
}

// settingsFor is the effective setting of every rule for one journey file:
// the base, then each override whose globs match it, then the flags. The
// result is only read: a file no override or flag changes gets the base
// itself, not a copy of every rule's setting per journey.
func (c *config) settingsFor(file string) ruleSet {
	var rs ruleSet // the base until something changes it
	if rel, ok := c.relative(file); ok {
		for _, o := range c.overrides {
			if g, ok := matchAny(o.globs, rel); ok {
				if rs == nil {
					rs = c.base.clone()
				}
				// Mistakes were reported when the configuration was built.
				_ = c.applyRules(rs, o.file, o.rules, fmt.Sprintf("override files %q", g))
			}
		}
	}
	if len(c.opts.Enable) == 0 && len(c.opts.Disable) == 0 {
		if rs == nil {
			return c.base
		}
		return rs
	}
	if rs == nil {
		rs = c.base.clone()
	}
	return c.applyFlags(rs)
}

// applyFlags applies --enable and --disable. An id no rule of this
// workspace has is skipped: it may be another workspace's custom rule
// (checkFlags has made sure some workspace has it).
func (c *config) applyFlags(rs ruleSet) ruleSet {
	for _, flag := range []struct {
		ids []string
		off bool
		why string
	}{{c.opts.Enable, false, "--enable"}, {c.opts.Disable, true, "--disable"}} {
		for _, id := range flag.ids {
			if st, ok := rs[strings.TrimSpace(id)]; ok {
				st.off = flag.off
				st.why = flag.why
			}
		}
	}
	return rs
}

// checkFlags reports an --enable or --disable id that is neither a
// built-in rule nor a custom rule of any workspace of the run.
func checkFlags(opts Options, configs []*config) error {
	known := map[string]bool{}
	var ids []string
	for _, id := range RuleIDs() {
		known[id] = true
		ids = append(ids, id)
	}
	for _, c := range configs {
		for _, cr := range c.custom {
			if !known[cr.meta.ID] {
				known[cr.meta.ID] = true
				ids = append(ids, cr.meta.ID)
			}
		}
	}
	sort.Strings(ids)
	for _, flag := range []struct {
		name string
		ids  []string
	}{{"--enable", opts.Enable}, {"--disable", opts.Disable}} {
		for _, id := range flag.ids {
			if id = strings.TrimSpace(id); id == "" || known[id] {
				continue // "a,,b" or a trailing comma
			}
			if isValidation(id) {
				return &ConfigError{Msg: fmt.Sprintf("%s %s: %q is a validation check; validation findings are always errors and cannot be turned on or off", flag.name, id, id)}
			}
			msg := fmt.Sprintf("unknown rule %q", id)
			if s := journey.Suggest(id, ids); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += " (run 'journeymap rules' for the list)"
			}
			return &ConfigError{Msg: fmt.Sprintf("%s: %s", flag.name, msg)}
		}
	}
	return nil
}

// relative is file's path relative to the workspace directory, with
// forward slashes, as override globs are written.
func (c *config) relative(file string) (string, bool) {
	if c.wsDir == "" || file == journey.StdinName {
		return "", false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(c.wsDir, abs)
	if err != nil {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// meta returns the description of a built-in or custom rule.
func (c *config) meta(id string) *Meta {
	if r := FindRule(id); r != nil {
		return r.Meta()
	}
	for _, cr := range c.custom {
		if cr.meta.ID == id {
			return cr.meta
		}
	}
	return nil
}

// ruleIDs lists the built-in and custom rule ids, sorted.
func (c *config) ruleIDs() []string {
	ids := RuleIDs()
	for _, cr := range c.custom {
		ids = append(ids, cr.meta.ID)
	}
	sort.Strings(ids)
	return ids
}

func (c *config) unknownRule(id string) string {
	msg := fmt.Sprintf("unknown rule %q", id)
	if s := journey.Suggest(id, c.ruleIDs()); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + " (run 'journeymap rules' for the list)"
}

type paramError struct {
	at  journey.Pos
	msg string
}

// paramValue checks a configured parameter against the rule's ParamInfo
// and converts it.
func paramValue(m *Meta, p journey.Param) (any, *paramError) {
	name := p.Name.Value
	var names []string
	for _, pi := range m.Params {
		names = append(names, pi.Name)
		if pi.Name != name {
			continue
		}
		switch pi.Kind {
		case ParamList:
			if !p.IsList {
				return nil, &paramError{p.Value.Pos, fmt.Sprintf("rule %s: parameter %q must be a list of words, not %q", m.ID, name, p.Value.Value)}
			}
			var out []string
			for _, t := range p.List {
				out = append(out, t.Value)
			}
			return out, nil
		case ParamBool:
			if !p.Bool {
				return nil, &paramError{p.Value.Pos, fmt.Sprintf("rule %s: parameter %q must be true or false, not %q", m.ID, name, p.Value.Value)}
			}
			return p.Value.Value == "true", nil
		}
		if !p.Int || strings.HasPrefix(p.Value.Value, "-") {
			return nil, &paramError{p.Name.Pos, fmt.Sprintf("rule %s: parameter %q must be a whole number of zero or more, not %q", m.ID, name, p.Value.Value)}
		}
		v, err := strconv.ParseInt(p.Value.Value, 0, 32)
		if err != nil {
			return nil, &paramError{p.Value.Pos, fmt.Sprintf("rule %s: parameter %q is too large (%s)", m.ID, name, p.Value.Value)}
		}
		return int(v), nil
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, &paramError{p.Name.Pos, fmt.Sprintf("rule %s takes no parameters, only severity (got %q)", m.ID, name)}
	}
	msg := fmt.Sprintf("rule %s has no parameter %q (it takes %s)", m.ID, name, strings.Join(names, ", "))
	if s := journey.Suggest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return nil, &paramError{p.Name.Pos, msg}
}
