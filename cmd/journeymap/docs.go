package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// cliMarkdown renders docs/cli.md from the command tree, so the reference
// always matches the flags and help text. A test compares the two.
func cliMarkdown(root *cobra.Command) string {
	root.InitDefaultCompletionCmd()
	var b strings.Builder
	b.WriteString("# Command-line reference\n\n")
	b.WriteString("<!-- Generated from cmd/journeymap by `make docs`; do not edit by hand. -->\n\n")
	b.WriteString(root.Long + "\n\n")
	b.WriteString("| exit code | meaning |\n|---|---|\n")
	b.WriteString("| 0 | success (lint: nothing at or above `--fail-on`) |\n")
	b.WriteString("| 1 | findings at or above `--fail-on`, invalid journeys, or an output file that cannot be written |\n")
	b.WriteString("| 2 | usage error: unknown command or flag, bad flag value, missing path, a `--config` file that cannot be read, an unknown rule or rule parameter in the configuration |\n")
	b.WriteString("| 3 | internal fault (a bug: please report it) |\n\n")
	b.WriteString("A `journeymap.yaml` that can be read but has mistakes (bad YAML, unknown keys) gets findings\n")
	b.WriteString("with its path and positions, like a journey, and exit code 1. A journey read from standard\n")
	b.WriteString("input (`-`) is named `<stdin>` in findings, and its workspace is looked for from the\n")
	b.WriteString("current directory.\n\n")
	b.WriteString("Colour is used only when standard output is a terminal, and never when `NO_COLOR` is set.\n\n")
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		writeCommand(&b, c)
	}
	return b.String()
}

func writeCommand(b *strings.Builder, c *cobra.Command) {
	fmt.Fprintf(b, "## %s\n\n%s.\n\n", c.CommandPath(), c.Short)
	fmt.Fprintf(b, "```\n%s\n```\n\n", c.UseLine())
	if c.Long != "" {
		b.WriteString(c.Long + "\n\n")
	}
	if c.Example != "" {
		fmt.Fprintf(b, "Examples:\n\n```sh\n%s\n```\n\n", strings.TrimRight(dedent(c.Example), "\n"))
	}
	var flags []string
	c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name := "--" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", " + name
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			def = fmt.Sprintf(" (default `%s`)", f.DefValue)
		}
		flags = append(flags, fmt.Sprintf("| `%s` | %s%s |", name, strings.ReplaceAll(f.Usage, "|", `\|`), def))
	})
	if len(flags) > 0 {
		b.WriteString("| flag | meaning |\n|---|---|\n" + strings.Join(flags, "\n") + "\n\n")
	}
	for _, sub := range c.Commands() {
		if !sub.Hidden && sub.Name() != "help" {
			writeCommand(b, sub)
		}
	}
}

func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "  ")
	}
	return strings.Join(lines, "\n")
}
