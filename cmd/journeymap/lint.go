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

	baseline      string // leave out the findings this baseline lists
	writeBaseline string // write the findings as a baseline instead of reporting them
	newFromRev    string // report only findings the files did not have at this git revision
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

Rules are configured in journeymap.yaml under lint: extends (presets
recommended or strict, or shared files), fail_on, rules (off, a severity, or
{severity, parameters}), overrides for file globs, custom rules in CEL, and
suppressions (allow, require-reason, forbid); the flags override it.
'journeymap rules --for FILE' shows what applies to a file, and why.
Silence a finding in place with a comment:
  # journeymap:ignore RULE[,RULE] [until=YYYY-MM-DD] -- reason   (the node it belongs to)
  # journeymap:ignore-file RULE                                  (the whole file)

A portfolio that already has findings adopts lint with a baseline:
--write-baseline FILE records them, --baseline FILE leaves them out, and
--new-from-rev REV reports only what the files did not have at a git revision.

Every finding names its subject, what it is about: journey, stage:ID,
touchpoint:ID, handoff:FROM>TO, channel:ID, listening:ID, metric:ID,
workspace or file. --format json gives it as "subject" in each finding;
SARIF as a logical location.

Exit status is 1 when any finding is at or above --fail-on (default: error).`,
		Example: `  journeymap lint
  journeymap lint journeys/ --fail-on warning
  journeymap lint --format github .          # annotations in GitHub Actions
  journeymap lint --format sarif . > journeymap.sarif
  journeymap lint --disable missing-emotion,missing-persona
  journeymap lint --write-baseline lint-baseline.json   # adopt lint as things are
  journeymap lint --baseline lint-baseline.json         # then fail only on new findings
  journeymap lint --new-from-rev origin/main            # only what a pull request adds`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if cmd.Flags().Changed("new-from-rev") && opts.newFromRev == "" {
				// An empty $BASE_REF in CI would otherwise lint everything.
				return usageError("--new-from-rev needs a revision, such as origin/main")
			}
			if opts.newFromRev != "" && opts.writeBaseline != "" {
				return usageError("--new-from-rev and --write-baseline do not go together: a baseline records every current finding")
			}
			return runLint(io, opts)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &opts.format, "format", "text", "output format", lintFormats)
	enumFlag(cmd, &opts.failOn, "fail-on", "", "lowest severity that makes the exit status 1: %s (default from journeymap.yaml, else error)", journey.Severities)
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	f.StringSliceVar(&opts.enable, "enable", nil, "turn rules on (repeat or separate with commas)")
	f.StringSliceVar(&opts.disable, "disable", nil, "turn rules off (repeat or separate with commas)")
	f.StringVar(&opts.baseline, "baseline", "", "leave out the findings this baseline file lists (matched by file, journey, rule and subject)")
	f.StringVar(&opts.writeBaseline, "write-baseline", "", "write the current findings to this baseline file and exit 0")
	f.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings the same files did not have at this git revision")
	cmd.MarkFlagFilename("baseline", "json")
	cmd.MarkFlagFilename("write-baseline", "json")
	completeWith(cmd, "enable", lint.RuleIDs)
	completeWith(cmd, "disable", lint.RuleIDs)
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func runLint(io *IO, opts *lintOptions) error {
	if opts.baseline != "" && opts.writeBaseline != "" {
		return usageError("--baseline and --write-baseline do not go together: write a baseline once, then lint with it")
	}
	// Each journey is linted as it is read and its model dropped, so a
	// corpus of thousands of journeys runs in bounded memory.
	set, res, err := lint.Stream(opts.paths, journey.LoadOptions{Config: opts.config, Stdin: io.In},
		lint.Options{FailOn: opts.failOn, Enable: opts.enable, Disable: opts.disable, Today: opts.today})
	if err != nil {
		return err
	}
	if opts.writeBaseline != "" {
		return writeBaseline(io, set, res, opts.writeBaseline)
	}
	var applied *lint.BaselineResult
	if opts.baseline != "" {
		b, err := lint.ReadBaseline(opts.baseline)
		if err != nil {
			return usageError("--baseline %v", err)
		}
		r := b.Apply(opts.baseline, res.Findings)
		res.Keep(r.Findings)
		applied = &r
	}
	if opts.newFromRev != "" {
		old, err := findingsAtRevision(set, opts.newFromRev, lint.Options{FailOn: opts.failOn, Enable: opts.enable, Disable: opts.disable, Today: opts.today})
		if err != nil {
			return err
		}
		r := lint.NewBaseline("", old).Apply("", res.Findings)
		res.Keep(r.Findings)
		r.Stale = 0 // findings fixed since REV: nothing to rewrite
		r.Rev = opts.newFromRev
		if applied != nil {
			r.Baselined += applied.Baselined
			r.Stale = applied.Stale
		}
		applied = &r
	}
	res.Baseline = applied
	if err := writeFindings(io, res, opts.format); err != nil {
		return err
	}
	if res.Failed {
		return errFindings
	}
	return nil
}
