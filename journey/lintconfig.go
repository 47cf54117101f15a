package journey

import (
	"gopkg.in/yaml.v3"
)

// LintConfig is a `lint` block: the workspace's, or one in a file that a
// workspace `extends`. The lint package interprets rule names, severities,
// parameters and expressions; this package checks only their shape.
type LintConfig struct {
	File         string // the file the block was read from
	Pos          Pos    // the `lint:` key, or 1:1
	Extends      []Text // presets or files, in order
	FailOn       Text
	Suppressions Text // allow | require-reason | forbid
	Rules        []RuleConfig
	Overrides    []Override
	Custom       []*CustomRule
	Vocabulary   Vocabulary
	Keys         Keys
}

// RuleConfig configures one rule: `off`, a severity, or {severity, params...}.
type RuleConfig struct {
	Rule     Text
	Severity Text // one of RuleSeverities, or unset
	Params   []Param
}

// Param is one rule parameter such as `max: 3` or `terms: [CRM, SKU]`.
type Param struct {
	Name   Text
	Value  Text // a single value as written
	Int    bool // the value is a whole number
	Bool   bool // the value is true or false
	List   []Text
	IsList bool // the value is a list (of strings)
}

// Override changes rule settings for the journeys whose paths match one of
// its globs (relative to the workspace file; `**` crosses directories).
type Override struct {
	Files []Text
	Rules []RuleConfig
	Pos   Pos
}

// CustomRule is a team's own rule written in CEL (SPEC §5 "Custom rules").
// Expressions are kept as text with their positions; lint compiles them.
type CustomRule struct {
	ID       Text
	Severity Text // "error", "warning", "info"; unset means warning
	On       Text // journey | stage | touchpoint | handoff
	When     Text // optional
	Require  Text
	Message  Text
	Help     Text
	Pos      Pos
	Keys     Keys
}

// Vocabulary is the workspace's list of inside-out terms to avoid in names
// and the terms accepted despite looking like them.
type Vocabulary struct {
	Reject []Text
	Accept []Text
}

// CustomRuleTargets are the things a custom rule can be about.
func CustomRuleTargets() []string { return []string{"journey", "stage", "touchpoint", "handoff"} }

// SuppressionPolicies are the values of `lint.suppressions`.
func SuppressionPolicies() []string { return []string{"allow", "require-reason", "forbid"} }

// ParseLintFile reads a file that a workspace names in `lint.extends`: a
// YAML mapping with a `lint:` block of the workspace's shape (and,
// optionally, `version`). Only the lint block is shared, so other
// workspace sections are reported as unknown keys rather than ignored.
func ParseLintFile(file string, src []byte) (LintConfig, []Finding) {
	d := &decoder{file: file}
	lc := LintConfig{File: file, Pos: Pos{1, 1}}
	top := d.document(newSource(file, src))
	if top == nil {
		return lc, d.findings
	}
	keys, ok := d.fields(top, "a shared lint file", ObjLintFile, func(key string, k, v *yaml.Node) {
		switch key {
		case "version":
			d.version(v)
		case "lint":
			lc = d.lintConfig(k, v)
			lc.File = file
		}
	})
	if ok {
		d.require(keys, func(string) bool { return lc.Keys != nil }, Pos{1, 1}, "a shared lint file", "lint")
	}
	return lc, d.findings
}

func (d *decoder) lintConfig(k, v *yaml.Node) LintConfig {
	lc := LintConfig{Pos: pos(k)}
	lc.Keys, _ = d.fields(v, "lint settings", ObjLint, func(key string, k, v *yaml.Node) {
		switch key {
		case "extends":
			lc.Extends = d.texts(v, "extends")
		case "fail_on":
			lc.FailOn = d.enum(v, "fail_on", Severities())
		case "suppressions":
			lc.Suppressions = d.enum(v, "suppressions", SuppressionPolicies())
		case "rules":
			lc.Rules = d.ruleConfigs(v)
		case "overrides":
			d.list(v, "overrides", func(e *yaml.Node) {
				o := Override{Pos: pos(e)}
				keys, ok := d.fields(e, "an override", ObjOverride, func(key string, k, v *yaml.Node) {
					switch key {
					case "files":
						if v.Kind == yaml.ScalarNode {
							o.Files = []Text{d.text(v, "files")}
						} else {
							o.Files = d.texts(v, "files")
						}
					case "rules":
						o.Rules = d.ruleConfigs(v)
					}
				})
				if ok {
					d.require(keys, func(k string) bool { return k != "files" || len(o.Files) > 0 }, o.Pos, "an override", "files")
				}
				lc.Overrides = append(lc.Overrides, o)
			})
		case "custom":
			d.list(v, "custom", func(e *yaml.Node) {
				if c := d.customRule(e); c != nil {
					lc.Custom = append(lc.Custom, c)
				}
			})
		case "vocabulary":
			d.fields(v, "vocabulary", ObjVocabulary, func(key string, k, v *yaml.Node) {
				switch key {
				case "reject":
					lc.Vocabulary.Reject = d.texts(v, "vocabulary reject")
				case "accept":
					lc.Vocabulary.Accept = d.texts(v, "vocabulary accept")
				}
			})
		}
	})
	if lc.Keys == nil {
		lc.Keys = Keys{}
	}
	return lc
}

func (d *decoder) customRule(e *yaml.Node) *CustomRule {
	c := &CustomRule{Pos: pos(e)}
	keys, ok := d.fields(e, "a custom rule", ObjCustomRule, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			c.ID = d.text(v, "custom rule id")
			if c.ID.Set && !IsKebab(c.ID.Value) {
				d.errorf(c.ID.Pos, RuleRange, "custom rule id %q must be kebab-case, like moment-needs-nps", c.ID.Value)
				c.ID = Text{}
			}
		case "severity":
			c.Severity = d.enum(v, "severity", Severities())
		case "on":
			c.On = d.enum(v, "on", CustomRuleTargets())
		case "when":
			c.When = d.text(v, "when")
		case "require":
			c.Require = d.text(v, "require")
		case "message":
			c.Message = d.text(v, "message")
		case "help":
			c.Help = d.text(v, "help")
		}
	})
	if !ok {
		return nil
	}
	c.Keys = keys
	before := len(d.findings)
	d.require(keys, func(k string) bool {
		switch k {
		case "id":
			return c.ID.Value != ""
		case "on":
			return c.On.Value != ""
		case "require":
			return c.Require.Value != ""
		}
		return c.Message.Value != ""
	}, c.Pos, "a custom rule", "id", "on", "require", "message")
	if len(d.findings) > before || !c.ID.Set || !c.On.Set {
		return nil // reported; a half rule is not run
	}
	return c
}

// ruleConfigs reads a `rules:` mapping from rule id to setting.
func (d *decoder) ruleConfigs(v *yaml.Node) []RuleConfig {
	var out []RuleConfig
	d.idMap(v, "rules", "rule setting", func(id Text, def *yaml.Node) {
		rc := RuleConfig{Rule: id}
		def = deref(def)
		switch {
		case isNull(def):
		case def.Kind == yaml.ScalarNode && def.Tag == "!!bool":
			if def.Value == "false" {
				rc.Severity = Text{Value: SeverityOff, Pos: pos(def), Set: true}
			}
		case def.Kind == yaml.ScalarNode:
			rc.Severity = d.enum(def, "rule setting", RuleSeverities())
		case def.Kind == yaml.MappingNode:
			for _, p := range d.pairs(def) {
				val := deref(p.value)
				if p.key.Value == "severity" {
					rc.Severity = d.enum(val, "severity", RuleSeverities())
					continue
				}
				name := Text{Value: p.key.Value, Pos: pos(p.key), Set: true}
				switch {
				case val.Kind == yaml.SequenceNode:
					rc.Params = append(rc.Params, Param{Name: name, Value: Text{Pos: pos(val), Set: true},
						List: d.texts(val, "rule parameter "+quote(p.key.Value)), IsList: true})
				case val.Kind != yaml.ScalarNode:
					d.errorf(pos(val), RuleType, "rule parameter %q must be a single value or a list, not %s", p.key.Value, kindName(val))
				default:
					rc.Params = append(rc.Params, Param{
						Name:  name,
						Value: Text{Value: val.Value, Pos: pos(val), Set: true},
						Int:   val.Tag == "!!int",
						Bool:  val.Tag == "!!bool",
					})
				}
			}
		default:
			d.errorf(pos(def), RuleType, "rule setting must be off, a severity, or {severity, ...parameters}, not %s", kindName(def))
		}
		out = append(out, rc)
	})
	return out
}
