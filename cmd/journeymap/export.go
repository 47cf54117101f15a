package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/export"
	"github.com/journeymap/journeymap/internal/atomicfile"
	"github.com/journeymap/journeymap/internal/outpath"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

type exportOptions struct {
	paths  []string
	format string
	out    string
	config string
}

func newExportCmd(io *IO) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export [PATH...] --format mermaid|json|csv [-o FILE]",
		Short: "Write journeys as Mermaid, JSON or CSV for other tools",
		Long: `Export writes journeys in formats other tools read:

  mermaid  a Mermaid journey diagram (GitHub and GitLab draw it in Markdown):
           a section per stage, a task per touchpoint scored emotion + 3 (1..5),
           the channel as actor; what Mermaid cannot show is in %% comments.
           Several journeys make a Markdown document, one diagram each.
  json     the resolved model: owners resolved, workspace definitions inlined,
           and the flow (edges, main path, ends, unreachable). See docs/export.md.
  csv      a row per touchpoint for spreadsheets (RFC 4180).

A journey that does not validate is left out and its findings reported
(exit 1); the others are still exported. -o writes the file atomically and
never over one of the inputs.`,
		Example: `  journeymap export journeys/checkout.journey.yaml --format mermaid
  journeymap export journeys/ --format csv -o touchpoints.csv
  journeymap export . --format json | jq '.journeys[].flow.main_path'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runExport(io, opts)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &opts.format, "format", "", "output format", export.Formats)
	f.StringVarP(&opts.out, "output", "o", "", "write to FILE instead of standard output")
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func runExport(io *IO, opts *exportOptions) error {
	if opts.format == "" {
		return usageError("export needs --format: use one of mermaid, json, csv")
	}
	set, err := journey.Load(opts.paths, journey.LoadOptions{Config: opts.config, Stdin: io.In})
	if err != nil {
		return err
	}
	if opts.out == "-" {
		opts.out = "" // standard output, as for render
	}
	// An export never replaces a file it read, whatever the names say.
	if opts.out != "" {
		if err := outpath.CheckNotInput(opts.out, set.Inputs()); err != nil {
			return usageError("%v", err)
		}
	}
	valid, err := validJourneys(io, set)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := export.Write(&b, valid, opts.format); err != nil {
		return err
	}
	if opts.out != "" {
		if err := atomicfile.Write(opts.out, b.Bytes(), 0o644); err != nil {
			return &exitError{code: exitFindings, err: fmt.Errorf("cannot write %s: %v", opts.out, err)}
		}
	} else if _, err := io.Out.Write(b.Bytes()); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the export: %v", err)}
	}
	if len(set.Findings) > 0 {
		return errFindings
	}
	return nil
}

// validJourneys reports the validation findings of the set on standard
// error, with their source lines, and returns the journeys that validate.
// A PATH with no journeys is a usage error.
func validJourneys(io *IO, set *journey.Set) ([]*journey.Journey, error) {
	if set.Files == 0 {
		return nil, usageError("no journey files (*.journey.yaml, *.journey.yml) found")
	}
	// A mistake in the workspace's lint settings is a usage error (Main
	// maps it), as in validate, even where nothing is linted.
	if err := lint.CheckConfig(set, lint.Options{}); err != nil {
		return nil, err
	}
	printInvalid(io, set)
	var out []*journey.Journey
	for _, j := range set.Journeys {
		if set.Valid(j) {
			out = append(out, j)
		}
	}
	return out, nil
}

// printInvalid prints a set's validation findings on standard error, with
// their source lines, for the commands whose standard output is a document.
func printInvalid(io *IO, set *journey.Set) {
	if len(set.Findings) > 0 {
		lint.WriteText(io.Err, lint.NewResult(set, set.Findings), lint.TextOptions{Color: false})
	}
}
