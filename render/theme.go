package render

import "sort"

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
