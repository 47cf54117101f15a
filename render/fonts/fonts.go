// Package fonts embeds Liberation Sans 2 (SIL Open Font License 1.1, see
// LICENSE), which has the same advance widths as Arial and Helvetica. The
// layout measures text with it, the SVG names it first (then Arial and
// Helvetica, which a browser without it takes, at the same widths) and the
// PNG paints with it, so all three agree on where lines break.
package fonts

import _ "embed" // the font files

// Family is the name the SVG asks for first.
const Family = "Liberation Sans"

// The TrueType files, read-only.
var (
	//go:embed LiberationSans-Regular.ttf
	Regular string
	//go:embed LiberationSans-Bold.ttf
	Bold string
	//go:embed LiberationSans-Italic.ttf
	Italic string
	//go:embed LiberationSans-BoldItalic.ttf
	BoldItalic string
)
