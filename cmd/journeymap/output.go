package main

import (
	"fmt"
	"os"

	"github.com/journeymap/journeymap/lint"
)

// writeFindings prints a result in the chosen format. Failing to write
// (a full disk, a closed pipe) is exit 1, not a usage error.
func writeFindings(io *IO, r *lint.Result, format string) error {
	if err := writeFormat(io, r, format); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the report: %v", err)}
	}
	return nil
}

func writeFormat(io *IO, r *lint.Result, format string) error {
	switch format {
	case "json":
		return lint.WriteJSON(io.Out, r)
	case "sarif":
		root := ""
		if wd, err := os.Getwd(); err == nil {
			root = wd
		}
		return lint.WriteSARIF(io.Out, r, lint.SARIFOptions{ToolVersion: version(), RepoRoot: root})
	case "github":
		return lint.WriteGitHub(io.Out, r)
	case "gitlab":
		return lint.WriteGitLab(io.Out, r)
	case "checkstyle":
		return lint.WriteCheckstyle(io.Out, r)
	default:
		return lint.WriteText(io.Out, r, lint.TextOptions{Color: io.Color()})
	}
}
