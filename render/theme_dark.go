package render

func darkTheme() *Theme {
	return &Theme{
		Name:        "dark",
		Background:  "#111827",
		Text:        "#f3f4f6",
		Muted:       "#c3cad5",
		NodeBorder:  "#6b7280",
		StageFill:   []string{"#1f2937", "#243042"},
		StageBorder: "#374151",
		Edge:        "#9ca3af",
		Handoff:     "#60a5fa",
		Problem:     "#fca5a5",
		ProblemFill: "#4c1d1d",
		Warning:     "#fbbf24",
		Notice:      "#67e8f9",
		Moment:      "#f0abfc",
		Channels:    []string{"#1e3a5f", "#5c3d0e", "#1d4a2f", "#5a1f3d", "#3b2f66", "#4d4713", "#234340", "#4a3325", "#134e4a", "#4a1d5c", "#3f4a14", "#333d4d"},
		Emotion:     [5]string{"#ef4444", "#f97316", "#6b7280", "#4ade80", "#22c55e"},
		Curves:      []string{"#60a5fa", "#4ade80", "#c4b5fd", "#e5e7eb"},
	}
}
