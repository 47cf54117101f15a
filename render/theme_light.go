package render

func lightTheme() *Theme {
	return &Theme{
		Name:        "light",
		Background:  "#ffffff",
		Text:        "#1f2933",
		Muted:       "#52606d",
		NodeBorder:  "#7b8794",
		StageFill:   []string{"#f5f7fa", "#eef2f7"},
		StageBorder: "#cbd2d9",
		Edge:        "#52606d",
		Handoff:     "#1d4ed8",
		Problem:     "#b91c1c",
		ProblemFill: "#fde8e8",
		Warning:     "#854d0e",
		Notice:      "#0b5c70",
		Moment:      "#86198f",
		// Colour-blind-safe pastel fills (after Okabe–Ito), dark text stays readable.
		Channels: []string{"#cfe8fc", "#ffe1b3", "#d4f0dc", "#f9d3e3", "#e3dcf7", "#fff3b0", "#d9e6e4", "#f2ddd0", "#c9f0ef", "#f0d9f7", "#e6f0c2", "#dde3ea"},
		Emotion:  [5]string{"#d62828", "#f4845f", "#d9d9d9", "#8fd694", "#2e9e4f"},
		Curves:   []string{"#1d4ed8", "#047857", "#6d28d9", "#3f3f46"},
	}
}
