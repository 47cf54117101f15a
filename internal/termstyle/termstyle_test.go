package termstyle

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestRenderer(t *testing.T) {
	var b bytes.Buffer
	styled := Renderer(&b, true).NewStyle().Foreground(lipgloss.Color("9")).Render("x")
	if !strings.Contains(styled, "\x1b[") {
		t.Errorf("colour on: %q has no escape sequence", styled)
	}
	plain := Renderer(&b, false).NewStyle().Foreground(lipgloss.Color("9")).Bold(true).Render("x")
	if plain != "x" {
		t.Errorf("colour off: %q, want plain x", plain)
	}
}
