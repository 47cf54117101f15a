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
	b.WriteString("| 1 | findings at or above `--fail-on` or invalid journeys — including a journey or workspace file that cannot be read (no permission, not a regular file, larger than 8 MiB, a symbolic link out of the directory searched) and a directory that cannot be searched, each a `file` finding — or an output file that cannot be written (a full disk, a read-only directory) |\n")
	b.WriteString("| 2 | usage error: unknown command or flag, bad flag value, missing path, a `--config` file that cannot be read, an unknown rule or rule parameter in the configuration, an output that is one of the inputs, an `-O` target that exists and is not a regular file |\n")
	b.WriteString("| 3 | internal fault (a bug: please report it) |\n")
	b.WriteString("| 130, 143 | interrupted by SIGINT (Ctrl-C) or SIGTERM: the files already written are whole, the rest are not written, no temporary file is left |\n\n")
	b.WriteString("A `journeymap.yaml` that can be read but has mistakes (bad YAML, unknown keys) gets findings\n")
	b.WriteString("with its path and positions, like a journey, and exit code 1. A journey read from standard\n")
	b.WriteString("input (`-`) is named `<stdin>` in findings, and its workspace is looked for from the\n")
	b.WriteString("current directory.\n\n")
	b.WriteString("Colour is used only when standard output is a terminal, and never when `NO_COLOR` is set.\n\n")
	b.WriteString(filesSection)
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		writeCommand(&b, c)
	}
	return b.String()
}

// filesSection is how every command reads and writes files (issue 7).
const filesSection = `## Reading and writing files

Every command reads the same way. A directory is searched as SPEC §2 says
(skipping .git, node_modules, vendor and hidden directories); a symbolic
link found there is read only when the file it leads to is inside the
directory searched, and a journeymap.yaml found by walking up only when its
link stays in its own directory — otherwise a ` + "`file`" + ` finding says it
was not read, so a link planted in a pull request cannot print another
file into a CI log. A file named on the command line is read wherever it
is. Only regular files are read — a FIFO, a device such as /dev/zero or a
socket is a ` + "`file`" + ` finding (exit 1), or as ` + "`--config`" + ` a usage error
(exit 2), never a wait — and never more than 8 MiB, standard input and the
old side of ` + "`--rev`" + ` included.

Every file written is written whole or not at all: to a temporary
` + "`.NAME.tmp-N`" + ` beside it, then renamed over it. A replaced file keeps its
mode; a new one gets 0666 less the umask. A target that is a symbolic link
is replaced, never written through. journeymap refuses (exit 2), before
writing anything, an output that is one of the run's inputs under any name
(the same file: a hard link, a symbolic link, a journey not named
*.yaml), and, with ` + "`-O`" + `, a target that exists and is not a regular file (a
device, a FIFO, a link to one). A device or FIFO named with ` + "`-o`" + ` is
written into (` + "`-o /dev/stdout`" + `). Temporary files a killed run left are
removed before the same targets are written again.

`

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
