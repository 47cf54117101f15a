package render

// monoTheme prints well in black and white: channels differ in grey level,
// problems and moments by line weight and style rather than hue.
func monoTheme() *Theme {
	return &Theme{
		Name:        "mono",
		Background:  "#ffffff",
		Text:        "#000000",
		Muted:       "#444444",
		NodeBorder:  "#000000",
		StageFill:   []string{"#f4f4f4", "#ebebeb"},
		StageBorder: "#888888",
		Edge:        "#333333",
		Handoff:     "#000000",
		Problem:     "#000000",
		ProblemFill: "#d0d0d0",
		Warning:     "#000000",
		Notice:      "#444444",
		Moment:      "#000000",
		Channels:    []string{"#ffffff", "#e0e0e0", "#c4c4c4", "#f0f0f0", "#d4d4d4", "#b8b8b8"},
		Emotion:     [5]string{"#000000", "#555555", "#999999", "#cccccc", "#ffffff"},
		Curves:      []string{"#000000", "#555555", "#333333"},
	}
}
