package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestThemeFileBad: a theme file that is garbage, empty, a directory, an
// alias bomb, or has an unknown key or a colour that is not #rgb/#rrggbb
// gives findings at their positions and no theme.
func TestThemeFileBad(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\nbase: *h\n"
	tests := []struct {
		name, text string
		want       []string // "line:col: message part"
	}{
		{"garbage", "\x00\x01 not: [yaml", []string{"1:1: theme file is not YAML"}},
		{"empty", "", []string{"1:1: theme file is empty"}},
		{"comment only", "# nothing\n", []string{"1:1: theme file is empty"}},
		{"scalar", "just words\n", []string{"1:1: a theme file is a mapping"}},
		{"short colour", "base: light\ncolors:\n  text: \"#12345\"\n", []string{`3:9: text: "#12345" is not a colour`}},
		{"javascript", "colors:\n  background: \"javascript:alert(1)\"\n", []string{`2:15: background: "javascript:alert(1)" is not a colour`}},
		{"named colour", "colors: {error: red}\n", []string{`1:17: error: "red" is not a colour`}},
		{"unknown key", "base: light\ncolours: {}\n", []string{`2:1: unknown key "colours" (did you mean "colors"?)`}},
		{"unknown colour key", "colors:\n  backround: \"#fff\"\n", []string{`2:3: unknown key "backround" (did you mean "background"?)`}},
		{"bad base", "base: neon\n", []string{`1:7: unknown base theme "neon"`}},
		{"bad list", "colors: {curves: \"#fff\", channels: [\"#fff\", 12]}\n", []string{"1:18: curves is a list of colours", `1:45: channels[1]: "12" is not a colour`}},
		{"alias bomb", bomb, []string{"unknown key \"a\"", "aliases and merge keys are not allowed"}},
		{"font injection", "font: \"Inter</text><script>\"\n", []string{`1:7: font "Inter</text><script>" is not a font family name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, fs, err := ParseTheme("brand.yaml", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if th != nil {
				t.Error("a theme from a bad file")
			}
			var got []string
			for _, f := range fs {
				if f.File != "brand.yaml" || f.Rule != RuleTheme || f.Severity != journey.Error || f.Line < 1 || f.Column < 1 {
					t.Errorf("finding %+v: want an error at a position in brand.yaml", f)
				}
				got = append(got, fmt.Sprintf("%d:%d: %s", f.Line, f.Column, f.Message))
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("findings\n%s\nlack %q", all, w)
				}
			}
		})
	}
	dir := t.TempDir()
	if th, fs, err := LoadThemeFile(dir); err != nil || th != nil || len(fs) != 1 || !strings.Contains(fs[0].Message, "is a directory") {
		t.Errorf("a directory: theme %v, findings %v, err %v", th, fs, err)
	}
	if _, _, err := LoadThemeFile(filepath.Join(dir, "missing.yaml")); !os.IsNotExist(err) {
		t.Errorf("a missing file: err %v", err)
	}
}

// TestThemeFileBrand: a brand theme changes the palette and the font;
// #rgb is read as #rrggbb; channels take a colour by id; text colours
// that miss AA are warnings.
func TestThemeFileBrand(t *testing.T) {
	th, fs, err := ParseTheme("brand.yaml", []byte(`base: dark
font: Inter
colors:
  background: "#0b1020"
  text: "#fff"
  curves: ["#93c5fd", "#fde68a"]
  channels: {app: "#1e3a8a", store: "#14532d"}
`))
	if err != nil || th == nil {
		t.Fatalf("theme %v, findings %v, err %v", th, fs, err)
	}
	if th.Background != "#0b1020" || th.Text != "#ffffff" || th.Font != "Inter" || th.Curves[1] != "#fde68a" || th.ChannelByID["store"] != "#14532d" {
		t.Errorf("theme %+v", th)
	}
	if th.StageFill[0] != darkTheme().StageFill[0] {
		t.Error("what the file does not set is not the base theme's")
	}
	for _, f := range fs {
		if f.Severity != journey.Warning {
			t.Errorf("finding %v: only contrast warnings expected", f)
		}
	}
	_, fs, _ = ParseTheme("low.yaml", []byte("colors: {text: \"#aaaaaa\"}\n"))
	if len(fs) == 0 || !strings.Contains(fs[0].Message, "text colour #aaaaaa on") || fs[0].Severity != journey.Warning {
		t.Errorf("low contrast: findings %v, want a warning", fs)
	}
	j := load(t, planUpgrade)
	dot, _, err := DOT([]*journey.Journey{j}, Options{Theme: th, Font: th.Font})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`bgcolor="#0b1020"`, `fontname="Inter"`} {
		if !strings.Contains(string(dot), want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
}
