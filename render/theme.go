package render

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/journeymap/journeymap/journey"
)

// Theme is the palette of a diagram.
type Theme struct {
	Name        string
	Background  string
	Text        string
	Muted       string // secondary text
	NodeBorder  string
	StageFill   []string // alternating stage backgrounds
	StageBorder string
	Edge        string
	Handoff     string // documented handoff edges
	Problem     string // undocumented handoffs and lint findings
	ProblemFill string
	Moment      string // moments of truth
	Channels    []string
	// Emotion holds the colours for scores -2..2.
	Emotion [5]string
	// Curves colours overlaid journeys in the emotion view.
	Curves []string
	// Warning and Notice colour lint findings of those severities (errors
	// use Problem).
	Warning, Notice string
	// ChannelByID gives channels a colour of their own (a theme file's
	// `channels: {id: colour}`); others take Channels in order.
	ChannelByID map[string]string
	// Font is the family a theme file names; "" leaves the choice to
	// --font and the workspace.
	Font string
}

// SeverityColor is the colour of lint findings of a severity.
func (t *Theme) SeverityColor(s journey.Severity) string {
	switch s {
	case journey.Error:
		return t.Problem
	case journey.Warning:
		return t.Warning
	}
	return t.Notice
}

// EmotionColor returns the colour of a score from -2 to 2.
func (t *Theme) EmotionColor(score int) string {
	return t.Emotion[max(-2, min(2, score))+2]
}

// ChannelColor returns the fill colour for the i-th channel.
func (t *Theme) ChannelColor(i int) string { return t.Channels[i%len(t.Channels)] }

func (t *Theme) stageFill(i int) string { return t.StageFill[i%len(t.StageFill)] }

// Themes lists the built-in themes by name.
func Themes() []string {
	names := []string{}
	for n := range themes() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// FindTheme returns the theme with name, or nil.
func FindTheme(name string) *Theme {
	if f, ok := themes()[name]; ok {
		return f()
	}
	return nil
}

func themes() map[string]func() *Theme {
	return map[string]func() *Theme{"light": lightTheme, "dark": darkTheme, "mono": monoTheme}
}

// textOn picks dark or white text for a background colour, whichever
// contrasts more (WCAG relative luminance), so badges stay legible in
// every theme.
func textOn(bg string) string {
	l := luminance(bg)
	dark, light := luminance("#111827"), 1.0
	if (l+0.05)/(dark+0.05) >= (light+0.05)/(l+0.05) {
		return "#111827"
	}
	return "#ffffff"
}

// luminance is the WCAG relative luminance of a #rrggbb colour.
func luminance(hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		return 1
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 1
		}
		x := float64(v) / 255
		if x <= 0.03928 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is the WCAG contrast ratio of two #rrggbb colours, from 1 to 21.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// badgeBorder outlines emotion badges in the mono theme, where a +2 badge
// is white on a white box.
func badgeBorder(t *Theme) string {
	if t.Name == "mono" {
		return fmt.Sprintf(` BORDER="1" COLOR=%q`, t.NodeBorder)
	}
	return ""
}
