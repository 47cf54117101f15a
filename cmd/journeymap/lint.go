package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// lintFormats lists the formats lint writes findings in, the default first.
func lintFormats() []string {
	return []string{"text", "json", "sarif", "github", "gitlab", "checkstyle"}
}

type lintOptions struct {
	paths   []string
	format  string
	failOn  string
	config  string
	enable  []string
	disable []string
	today   time.Time // tests pin the date; zero means now
}

func newLintCmd(io *IO) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Find the weaknesses CX research keeps finding in journeys",
		Long: `Lint validates journey files and then runs the rules that find what CX research
keeps finding in real organisations: undocumented handoffs between channels,
touchpoints and seams nobody owns, moments of truth nobody measures, journeys
that end badly. 'journeymap rules' lists the rules; 'journeymap rules RULE'
explains one.

Rules are configured in journeymap.yaml under lint: (fail_on, and rules: set
to off, a severity, or {severity, parameters}); the flags override it.
Silence a finding in place with a comment:
  # journeymap:ignore RULE[,RULE] -- reason      (the node it belongs to)
  # journeymap:ignore-file RULE                  (the whole file)

Every finding names its subject, what it is about: journey, stage:ID,
touchpoint:ID, handoff:FROM>TO, channel:ID, listening:ID, metric:ID,
workspace or file. --format json gives it as "subject" in each finding;
SARIF as a logical location.

Exit status is 1 when any finding is at or above --fail-on (default: error).`,
		Example: `  journeymap lint
  journeymap lint journeys/ --fail-on warning
  journeymap lint --format github .          # annotations in GitHub Actions
  journeymap lint --format sarif . > journeymap.sarif
  journeymap lint --disable missing-emotion,missing-persona`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runLint(io, opts)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &opts.format, "format", "text", "output format", lintFormats)
	enumFlag(cmd, &opts.failOn, "fail-on", "", "lowest severity that makes the exit status 1: %s (default from journeymap.yaml, else error)", journey.Severities)
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	f.StringSliceVar(&opts.enable, "enable", nil, "turn rules on (repeat or separate with commas)")
	f.StringSliceVar(&opts.disable, "disable", nil, "turn rules off (repeat or separate with commas)")
	completeWith(cmd, "enable", lint.RuleIDs)
	completeWith(cmd, "disable", lint.RuleIDs)
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func runLint(io *IO, opts *lintOptions) error {
	// Each journey is linted as it is read and its model dropped, so a
	// corpus of thousands of journeys runs in bounded memory.
	res, err := lint.Stream(opts.paths, journey.LoadOptions{Config: opts.config, Stdin: io.In},
		lint.Options{FailOn: opts.failOn, Enable: opts.enable, Disable: opts.disable, Today: opts.today})
	if err != nil {
		return err
	}
	if err := writeFindings(io, res, opts.format); err != nil {
		return err
	}
	if res.Failed {
		return errFindings
	}
	return nil
}
