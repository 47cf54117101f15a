package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/lint"
)

// writeReport prints findings in the chosen format. Failing to write
// (a full disk, a closed pipe) is exit 1, not a usage error.
func writeReport(io *IO, r *lint.Report, format string) error {
	if err := writeFormat(io, r, format); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the report: %v", err)}
	}
	return nil
}

func writeFormat(io *IO, r *lint.Report, format string) error {
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

// checkEnum rejects a flag value outside its allowed set.
func checkEnum(flag, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usageError("invalid value %q for --%s: use one of %s", value, flag, strings.Join(allowed, ", "))
}

// registerEnum completes a flag with its allowed values.
func registerEnum(cmd *cobra.Command, flag string, values ...string) {
	cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	})
	if f := cmd.Flags().Lookup(flag); f != nil && !strings.Contains(f.Usage, "|") {
		f.Usage = fmt.Sprintf("%s (%s)", f.Usage, strings.Join(values, "|"))
	}
}
