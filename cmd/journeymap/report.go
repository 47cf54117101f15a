package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
	"github.com/journeymap/journeymap/portfolio"
)

type reportOptions struct {
	paths  []string
	by     string
	format string
	config string
	today  time.Time // tests pin the date; zero means now
}

func newReportCmd(io *IO) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report [PATH...] [--by journey|owner|channel]",
		Short: "The portfolio at a glance: who owns what, where the seams are, how customers feel",
		Long: `Report summarises the journeys under the PATHs in one table.

  --by journey  (default) a row per journey and a total: stages, touchpoints,
                channels, channel changes on the main path, handoffs documented,
                touchpoints with an owner (%), moments of truth measured,
                average and lowest emotion, findings by severity, days since review
  --by owner    a row per owner (the registry's first, named as it names them):
                journeys, touchpoints, channels and seams they own, moments of
                truth, seams into their touchpoints that nobody owns, findings
  --by channel  journeys and touchpoints using it, handoffs in and out
                (documented of all), average emotion, inconsistent definitions

A journey that does not validate is left out with its findings on standard
error (exit 1). The text table fits the terminal's width.`,
		Example: `  journeymap report
  journeymap report journeys/ --by owner
  journeymap report --by channel --format csv > channels.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runReport(io, opts)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &opts.by, "by", portfolio.ByJourney, "what a row is", portfolio.Groupings)
	enumFlag(cmd, &opts.format, "format", "text", "output format", portfolio.Formats)
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func runReport(io *IO, opts *reportOptions) error {
	today := opts.today
	if today.IsZero() {
		today = time.Now()
	}
	set, err := journey.Load(opts.paths, journey.LoadOptions{Config: opts.config, Stdin: io.In, Today: today})
	if err != nil {
		return err
	}
	valid, err := validJourneys(io, set)
	if err != nil {
		return err
	}
	res, err := lint.Run(set, lint.Options{Today: today})
	if err != nil {
		return err
	}
	t := portfolio.Build(portfolio.Input{Journeys: valid, Findings: res.Findings, Workspaces: set.Workspaces, Today: today}, opts.by)
	if err := portfolio.Write(io.Out, t, opts.format, portfolio.TextOptions{Width: terminalWidth(io), Color: io.Color()}); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the report: %v", err)}
	}
	if len(set.Findings) > 0 {
		return errFindings
	}
	return nil
}

// terminalWidth is $COLUMNS, else the terminal's width, else 100.
func terminalWidth(io *IO) int {
	if io.Getenv != nil {
		if n, err := strconv.Atoi(io.Getenv("COLUMNS")); err == nil && n > 20 {
			return n
		}
	}
	if io.Terminal {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 20 {
			return w
		}
	}
	return 100
}
