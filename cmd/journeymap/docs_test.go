package main

import (
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
)

// TestCLIDoc keeps docs/cli.md equal to the command tree's help.
func TestCLIDoc(t *testing.T) {
	golden.Check(t, "../../docs/cli.md", []byte(cliMarkdown(newRootCmd(&IO{}))))
}
