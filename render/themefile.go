package render

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

// RuleTheme is the rule id of problems found in a theme file.
const RuleTheme = "theme"

// maxThemeFile bounds the size of a theme file: a theme is a dozen lines.
const maxThemeFile = 64 << 10

// themeColor is a colour as a theme file may write it: #rgb or #rrggbb.
var themeColor = lazyre.New(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// yamlErrLine finds the line in a yaml.v3 syntax error.
var yamlErrLine = lazyre.New(`line (\d+)`)

// themeKeys are the keys of a theme file and of its colors mapping, in the
// order the docs present them.
var (
	themeKeys      = []string{"base", "font", "colors"}
	themeColorKeys = []string{"background", "text", "muted", "line", "moment_of_truth", "error", "warning", "info", "curves", "channels"}
)

// LoadThemeFile reads a theme file (SPEC §7 "On brand"): a base theme and
// the colours and font that override it. Problems are findings at their
// position in the file (unknown keys with the allowed ones, colours that
// are not #rgb or #rrggbb, wrong shapes); with any, the theme is nil.
// Warnings say which text colours miss WCAG AA contrast.
func LoadThemeFile(path string) (*Theme, []journey.Finding, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		return nil, []journey.Finding{themeFinding(path, 1, 1, "%s is a directory, not a theme file", path)}, nil
	}
	if st.Size() > maxThemeFile {
		return nil, []journey.Finding{themeFinding(path, 1, 1, "theme file is %d bytes; a theme is at most %d", st.Size(), maxThemeFile)}, nil
	}
	// Through the bounded reader: /dev/zero has size 0 and never ends, and
	// a FIFO would wait forever (both are a usage error, never a read).
	data, err := journey.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxThemeFile {
		return nil, []journey.Finding{themeFinding(path, 1, 1, "theme file is %d bytes; a theme is at most %d", len(data), maxThemeFile)}, nil
	}
	return ParseTheme(path, data)
}

// ParseTheme reads a theme file's text; name is the path shown in findings.
func ParseTheme(name string, data []byte) (*Theme, []journey.Finding, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if m := yamlErrLine().FindStringSubmatch(err.Error()); m != nil {
			fmt.Sscan(m[1], &line)
		}
		return nil, []journey.Finding{themeFinding(name, line, 1, "theme file is not YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))}, nil
	}
	d := &themeDecoder{file: name}
	if len(doc.Content) == 0 {
		return nil, []journey.Finding{themeFinding(name, 1, 1, "theme file is empty: give at least `base: light` (or dark, mono)")}, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []journey.Finding{d.at(root, "a theme file is a mapping of base, font and colors, not a %s", kindName(root))}, nil
	}
	t := lightTheme()
	var overrides []func(*Theme)
	d.mapping(root, themeKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "base":
			if f, ok := themes()[d.scalar(v, "base")]; ok {
				t = f()
			} else if v.Kind == yaml.ScalarNode {
				d.add(v, "unknown base theme %q (use one of %s)", v.Value, strings.Join(Themes(), ", "))
			}
		case "font":
			font := d.scalar(v, "font")
			if font != "" && !journey.ValidFontName(font) {
				d.add(v, "font %q is not a font family name: use letters, digits, spaces and . _ - only", font)
				return
			}
			overrides = append(overrides, func(t *Theme) { t.Font = font })
		case "colors":
			if v.Kind != yaml.MappingNode {
				d.add(v, "colors is a mapping of colour names to #rgb or #rrggbb, not a %s", kindName(v))
				return
			}
			d.mapping(v, themeColorKeys, func(key string, k, v *yaml.Node) {
				switch key {
				case "curves":
					cs := d.colorList(v, key)
					if len(cs) > 0 {
						overrides = append(overrides, func(t *Theme) { t.Curves = cs })
					}
				case "channels":
					if v.Kind == yaml.MappingNode {
						byID := map[string]string{}
						for i := 0; i+1 < len(v.Content); i += 2 {
							if c, ok := d.color(v.Content[i+1], "channel "+v.Content[i].Value); ok {
								byID[v.Content[i].Value] = c
							}
						}
						overrides = append(overrides, func(t *Theme) { t.ChannelByID = byID })
						return
					}
					cs := d.colorList(v, key)
					if len(cs) > 0 {
						overrides = append(overrides, func(t *Theme) { t.Channels = cs })
					}
				default:
					c, ok := d.color(v, key)
					if !ok {
						return
					}
					overrides = append(overrides, func(t *Theme) { t.setColor(key, c) })
				}
			})
		}
	})
	if len(d.findings) > 0 {
		return nil, d.findings, nil
	}
	for _, o := range overrides {
		o(t)
	}
	t.Name = name
	return t, d.contrastWarnings(t, root), nil
}

// setColor sets the theme colour a theme file's key names.
func (t *Theme) setColor(key, c string) {
	switch key {
	case "background":
		t.Background = c
	case "text":
		t.Text = c
	case "muted":
		t.Muted = c
	case "line":
		t.Edge, t.NodeBorder = c, c
	case "moment_of_truth":
		t.Moment = c
	case "error":
		t.Problem = c
	case "warning":
		t.Warning = c
	case "info":
		t.Notice = c
	}
}

// themeDecoder collects findings while reading a theme file.
type themeDecoder struct {
	file     string
	findings []journey.Finding
}

func themeFinding(file string, line, col int, format string, args ...any) journey.Finding {
	return journey.Finding{File: file, Line: line, Column: col, Rule: RuleTheme, Severity: journey.Error,
		Message: fmt.Sprintf(format, args...), Subject: journey.SubjectFile}
}

func (d *themeDecoder) at(n *yaml.Node, format string, args ...any) journey.Finding {
	return themeFinding(d.file, n.Line, n.Column, format, args...)
}

func (d *themeDecoder) add(n *yaml.Node, format string, args ...any) {
	d.findings = append(d.findings, d.at(n, format, args...))
}

// mapping calls f for each known key of a mapping node, and reports
// unknown keys (with the allowed ones), duplicates and aliases (refused:
// a theme never needs them, and refusing them bounds the work).
func (d *themeDecoder) mapping(n *yaml.Node, allowed []string, f func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode || v.Kind == yaml.AliasNode || k.Value == "<<" {
			d.add(k, "aliases and merge keys are not allowed in a theme file")
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.add(k, "a key must be a plain word")
			continue
		}
		known := false
		for _, a := range allowed {
			known = known || a == k.Value
		}
		if !known {
			d.add(k, "unknown key %q%s; expected one of %s", k.Value, didYouMean(k.Value, allowed), strings.Join(allowed, ", "))
			continue
		}
		if seen[k.Value] {
			d.add(k, "key %q appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		f(k.Value, k, v)
	}
}

func (d *themeDecoder) scalar(v *yaml.Node, what string) string {
	if v.Kind != yaml.ScalarNode {
		d.add(v, "%s is a word, not a %s", what, kindName(v))
		return ""
	}
	return v.Value
}

// color reads #rgb or #rrggbb, returned as #rrggbb in lower case.
func (d *themeDecoder) color(v *yaml.Node, what string) (string, bool) {
	if v.Kind == yaml.AliasNode {
		d.add(v, "aliases are not allowed in a theme file")
		return "", false
	}
	if v.Kind != yaml.ScalarNode || !themeColor().MatchString(v.Value) {
		val := v.Value
		if v.Kind != yaml.ScalarNode {
			val = "a " + kindName(v)
		}
		d.add(v, "%s: %q is not a colour; write #rgb or #rrggbb (quoted: \"#1f2933\")", what, val)
		return "", false
	}
	c := strings.ToLower(v.Value)
	if len(c) == 4 {
		c = "#" + strings.Repeat(c[1:2], 2) + strings.Repeat(c[2:3], 2) + strings.Repeat(c[3:4], 2)
	}
	return c, true
}

func (d *themeDecoder) colorList(v *yaml.Node, what string) []string {
	if v.Kind != yaml.SequenceNode {
		d.add(v, "%s is a list of colours, not a %s", what, kindName(v))
		return nil
	}
	if len(v.Content) == 0 {
		d.add(v, "%s is empty: give at least one colour", what)
		return nil
	}
	var out []string
	for i, c := range v.Content {
		if col, ok := d.color(c, fmt.Sprintf("%s[%d]", what, i)); ok {
			out = append(out, col)
		}
	}
	return out
}

// contrastWarnings name the text colours of a theme that miss WCAG AA
// against what they sit on, at the colour's position when the file sets it.
func (d *themeDecoder) contrastWarnings(t *Theme, root *yaml.Node) []journey.Finding {
	var out []journey.Finding
	var roles []string
	pairs := textPairs(t)
	for r := range pairs {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	for _, role := range roles {
		p := pairs[role]
		worst, fg, bg := 21.0, "", ""
		for _, f := range p[0] {
			for _, b := range p[1] {
				if c := contrast(f, b); c < worst {
					worst, fg, bg = c, f, b
				}
			}
		}
		if worst < 4.5 {
			f := themeFinding(d.file, 1, 1, "%s colour %s on %s has contrast %.1f:1, under WCAG AA 4.5:1 for text", role, fg, bg, worst)
			f.Severity = journey.Warning
			out = append(out, f)
		}
	}
	return out
}

// textPairs lists every colour a view writes text in, with every colour
// that text can sit on. TestTextColoursAreKnown keeps it complete: a view
// that writes text in another colour fails it.
func textPairs(t *Theme) map[string][2][]string {
	fills := append(append([]string{t.Background}, t.StageFill...), t.ProblemFill)
	withChannels := append(append([]string{}, fills...), t.Channels...)
	for _, c := range t.ChannelByID {
		withChannels = append(withChannels, c)
	}
	pairs := map[string][2][]string{
		"text":            {{t.Text}, withChannels},
		"muted":           {{t.Muted}, withChannels},
		"moment of truth": {{t.Moment}, withChannels},
		"handoff":         {{t.Handoff}, fills},
		"problem":         {{t.Problem}, fills},
		"severity":        {{t.SeverityColor(journey.Error), t.SeverityColor(journey.Warning), t.SeverityColor(journey.Info)}, withChannels},
		"curve":           {t.Curves, fills},
	}
	for s := -2; s <= 2; s++ {
		pairs[fmt.Sprintf("emotion badge %+d", s)] = [2][]string{{textOn(t.EmotionColor(s))}, {t.EmotionColor(s)}}
	}
	return pairs
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "value"
}

// didYouMean suggests the allowed key closest to a misspelt one, as every
// other did-you-mean of journeymap does (journey.Suggest).
func didYouMean(key string, allowed []string) string {
	best := journey.Suggest(key, allowed)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
