// Package termstyle makes the lipgloss renderer every text output styles
// with: 256 colours when colour is on, none at all when it is off (not a
// terminal, NO_COLOR, TERM=dumb), decided by the caller, never by sniffing
// the environment a second time.
package termstyle

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Renderer returns a renderer for w that styles only when color is true.
func Renderer(w io.Writer, color bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}
