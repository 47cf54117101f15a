package main

import (
	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

type validateOptions struct {
	paths  []string
	format string
	config string
}

func newValidateCmd(io *IO) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check journey files for structure and references",
		Long: `Validate checks that journey files are well-formed: YAML syntax, known keys,
value types and ranges, required keys, unique ids, and that every channel,
persona, metric, listening post, next touchpoint and owner referred to exists.

PATH may be a file, a directory (searched recursively for *.journey.yaml and
*.journey.yml, skipping .git, node_modules, vendor and hidden directories),
or - for standard input. No PATH means the current directory. The workspace
file journeymap.yaml is found by walking up from each journey's directory,
unless --config names one.`,
		Example: `  journeymap validate
  journeymap validate examples/ journeys/checkout.journey.yaml
  journeymap validate --format json . > findings.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runValidate(io, opts)
		},
	}
	enumFlag(cmd, &opts.format, "format", "text", "output format", validateFormats)
	cmd.Flags().StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

// validateFormats lists the formats validate writes findings in.
func validateFormats() []string { return []string{"text", "json"} }

func runValidate(io *IO, opts *validateOptions) error {
	// Validation needs only the findings: each journey's model is dropped
	// once read, so a corpus of thousands validates in bounded memory.
	set, err := journey.Load(opts.paths, journey.LoadOptions{Config: opts.config, Stdin: io.In,
		Each: func(*journey.Journey, bool) {}})
	if err != nil {
		return err
	}
	configFindings, err := lint.ConfigFindings(set, lint.Options{})
	if err != nil {
		return err
	}
	res := lint.NewResult(set, append(set.Findings, configFindings...))
	if err := writeFindings(io, res, opts.format); err != nil {
		return err
	}
	if len(res.Findings) > 0 {
		return errFindings
	}
	return nil
}
