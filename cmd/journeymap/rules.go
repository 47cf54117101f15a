package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/internal/termstyle"
	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

type rulesOptions struct {
	forPath string
	config  string
}

func newRulesCmd(io *IO) *cobra.Command {
	opts := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Long: `Rules lists every lint rule with its default severity and what it finds,
including the custom rules of the workspace (journeymap.yaml found from the
current directory, or --config). With a RULE id it explains that rule: why it
exists, its parameters, and an example that triggers it with the exact
output, next to the fix.

With --for PATH it shows, for that journey file, each rule's effective
severity and why: the preset, the line of journeymap.yaml (or of a file it
extends), the override or the flag that decided it.`,
		Example: `  journeymap rules
  journeymap rules undocumented-handoff
  journeymap rules --for drafts/new-onboarding.journey.yaml`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return lint.RuleIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.forPath != "" {
				if len(args) > 0 {
					return usageError("--for shows every rule; give either a RULE or --for, not both")
				}
				return rulesFor(io, opts)
			}
			custom, err := workspaceCustomRules(opts.config)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return listRules(io, custom)
			}
			return explainRule(io, args[0], custom)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.forPath, "for", "", "show each rule's effective severity for this journey file, and why")
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	cmd.MarkFlagFilename("for", "yaml", "yml")
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

// workspaceCustomRules reads the custom rules of the workspace named by
// --config or found from the current directory; none without one.
func workspaceCustomRules(config string) ([]*lint.Meta, error) {
	path := config
	if path == "" {
		path = journey.FindWorkspace(".")
		if path == "" {
			return nil, nil
		}
	}
	ws, err := readWorkspace(journey.DisplayPath(path))
	if err != nil {
		return nil, err
	}
	return lint.CustomRules(ws), nil
}

// readWorkspace reads and parses one workspace file for commands that
// need no journeys. Its validation findings are left to validate and lint.
func readWorkspace(path string) (*journey.Workspace, error) {
	ws, _, err := readWorkspaceFindings(path)
	return ws, err
}

// readWorkspaceFindings is readWorkspace with the file's validation findings.
func readWorkspaceFindings(path string) (*journey.Workspace, []journey.Finding, error) {
	src, err := journey.ReadFile(path)
	if err != nil {
		return nil, nil, usageError("workspace file %v", err)
	}
	ws, fs := journey.ParseWorkspace(path, src)
	return ws, fs, nil
}

// rulesFor prints each rule's effective severity for one journey file.
func rulesFor(io *IO, opts *rulesOptions) error {
	st, err := os.Stat(opts.forPath)
	switch {
	case err != nil:
		return usageError("--for %s: %v", opts.forPath, errors.Unwrap(err))
	case st.IsDir():
		return usageError("--for %s: is a directory; name one journey file (overrides match files)", opts.forPath)
	}
	var ws *journey.Workspace
	var wsFindings []journey.Finding
	wsPath := opts.config
	if wsPath == "" {
		wsPath = journey.FindWorkspace(filepath.Dir(opts.forPath))
	}
	if wsPath != "" {
		if ws, wsFindings, err = readWorkspaceFindings(journey.DisplayPath(wsPath)); err != nil {
			return err
		}
	}
	eff, err := lint.EffectiveRules(ws, opts.forPath, lint.Options{})
	var ce *lint.ConfigError
	if errors.As(err, &ce) {
		return &exitError{code: exitUsage, err: ce}
	}
	if err != nil {
		return err
	}
	// Mistakes in the configuration come first: the table is what applies
	// despite them.
	eff.Findings = append(wsFindings, eff.Findings...)
	for _, f := range eff.Findings {
		fmt.Fprintln(io.Err, f)
	}
	re := renderer(io)
	header := re.NewStyle().Bold(true).Padding(0, 1)
	cell := re.NewStyle().Padding(0, 1)
	faint := cell.Faint(true)
	sevStyle := severityStyles(cell)
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(re.NewStyle().Faint(true)).
		Headers("RULE", "SEVERITY", "WHY").
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case row == table.HeaderRow:
				return header
			case col == 1 && eff.Rules[row].Off:
				return faint
			case col == 1:
				return sevStyle[eff.Rules[row].Severity]
			}
			return cell
		})
	for _, r := range eff.Rules {
		sev := r.Severity.String()
		if r.Off {
			sev = "off"
		}
		why := r.Why
		if len(r.Params) > 0 {
			why += "; " + strings.Join(r.Params, ", ")
		}
		t.Row(r.Meta.ID, sev, strings.Join(words.Wrap(why, 60), "\n"))
	}
	where := "no workspace file: the recommended rules"
	if wsPath != "" {
		where = "workspace " + journey.DisplayPath(wsPath)
	}
	fmt.Fprintf(io.Out, "Rules for %s (%s):\n", opts.forPath, where)
	fmt.Fprintln(io.Out, t.Render())
	fmt.Fprintf(io.Out, "Fails on: %s and above. Ignore comments: %s.\n", eff.FailOn, eff.Suppressions)
	if len(eff.Findings) > 0 {
		return errFindings
	}
	return nil
}

func severityStyles(cell lipgloss.Style) map[journey.Severity]lipgloss.Style {
	return map[journey.Severity]lipgloss.Style{
		journey.Error:   cell.Foreground(lipgloss.Color("9")),
		journey.Warning: cell.Foreground(lipgloss.Color("11")),
		journey.Info:    cell.Foreground(lipgloss.Color("12")),
	}
}

func renderer(io *IO) *lipgloss.Renderer { return termstyle.Renderer(io.Out, io.Color()) }

// rulesWidth is the width `journeymap rules` keeps to.
const rulesWidth = 80

func listRules(io *IO, custom []*lint.Meta) error {
	re := renderer(io)
	header := re.NewStyle().Bold(true).Padding(0, 1)
	cell := re.NewStyle().Padding(0, 1)
	sevStyle := severityStyles(cell)
	var metas []*lint.Meta
	for _, r := range lint.Rules() {
		metas = append(metas, r.Meta())
	}
	metas = append(metas, custom...)
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(re.NewStyle().Faint(true)).
		Headers("RULE", "DEFAULT", "FINDS").
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case row == table.HeaderRow:
				return header
			case col == 1:
				return sevStyle[metas[row].Severity]
			}
			return cell
		})
	// The table fits a classic 80-column terminal: the FINDS column gets
	// what the id and severity columns, borders and padding leave. A star
	// marks a severity the strict preset changes, explained below.
	idWidth := len("RULE")
	for _, m := range metas {
		idWidth = max(idWidth, len(m.ID))
	}
	findsWidth := max(rulesWidth-(idWidth+2)-len(" warning* ")-len("││││")-2, 20)
	var strict []string
	for _, m := range metas {
		sev := m.Severity.String()
		switch {
		case m.Custom:
		case m.OptIn:
			sev = "off*"
			strict = append(strict, m.ID+" "+m.Severity.String())
		case lint.StrictSeverity(m) != m.Severity:
			sev += "*"
			strict = append(strict, m.ID+" "+lint.StrictSeverity(m).String())
		}
		summary := m.Summary
		if m.Custom {
			summary = "(custom) " + summary
		}
		t.Row(m.ID, sev, strings.Join(words.Wrap(summary, findsWidth), "\n"))
	}
	fmt.Fprintln(io.Out, t.Render())
	validation := "Validation checks (always errors): " + strings.Join(journey.ValidationRules(), ", ") + "."
	fmt.Fprintln(io.Out, strings.Join(words.Wrap(validation, rulesWidth), "\n"))
	if len(strict) > 0 {
		note := "* Under the strict preset (lint: {extends: [strict]}): " + strings.Join(strict, ", ") + "."
		fmt.Fprintln(io.Out, strings.Join(words.Wrap(note, rulesWidth), "\n"))
	}
	fmt.Fprintln(io.Out, "Run 'journeymap rules RULE' for details, 'journeymap rules --for FILE' for\nthe rules that apply to a file.")
	return nil
}

func explainRule(io *IO, id string, custom []*lint.Meta) error {
	for _, m := range custom {
		if m.ID == id {
			fmt.Fprintf(io.Out, "%s  (custom rule, default severity: %s)\n\nFinds: %s\n\n%s\n", m.ID, m.Severity, m.Summary, m.Rationale)
			return nil
		}
	}
	r := lint.FindRule(id)
	if r == nil {
		for _, m := range lint.ValidationMeta() {
			if m.ID == id {
				fmt.Fprintf(io.Out, "%s (validation, always an error)\n\n%s.\n%s\n", m.ID, words.Capitalise(m.Summary), m.Rationale)
				return nil
			}
		}
		msg := fmt.Sprintf("unknown rule %q", id)
		if s := journey.Suggest(id, lint.RuleIDs()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return usageError("%s\nRun 'journeymap rules' for the list.", msg)
	}
	re := renderer(io)
	title := re.NewStyle().Bold(true)
	m := r.Meta()
	fmt.Fprintf(io.Out, "%s  (default severity: %s)\n\n", title.Render(m.ID), lint.DefaultSeverityText(m))
	fmt.Fprintf(io.Out, "Finds: %s.\n\nWhy: %s\n", m.Summary, m.Rationale)
	if len(m.Params) > 0 {
		fmt.Fprintf(io.Out, "\nParameters:\n")
		for _, p := range m.Params {
			fmt.Fprintf(io.Out, "  %s (default %s): %s\n", p.Name, p.DefaultString(), p.Doc)
		}
	}
	fmt.Fprintf(io.Out, "\nConfigure in journeymap.yaml:\n  lint:\n    rules:\n      %s: %s\n", m.ID, configExample(m))
	fmt.Fprintf(io.Out, "\n%s\n%s", title.Render("Example that triggers it:"), indent(m.Bad))
	fmt.Fprintf(io.Out, "\n%s\n", title.Render("Output:"))
	for _, f := range lint.CheckExample(m.ID, "example.journey.yaml", m.Bad) {
		fmt.Fprintf(io.Out, "  %s\n", f)
	}
	fmt.Fprintf(io.Out, "\n%s\n%s", title.Render("Fixed:"), indent(m.Good))
	return nil
}

func configExample(m *lint.Meta) string {
	if len(m.Params) == 0 && m.OptIn {
		return m.Severity.String() + "    # on (it is off unless strict); or error, warning, info"
	}
	if len(m.Params) == 0 {
		return "off    # or " + strings.Join(journey.Severities(), ", ")
	}
	var ps []string
	for _, p := range m.Params {
		ps = append(ps, fmt.Sprintf("%s: %s", p.Name, paramExample(p)))
	}
	return fmt.Sprintf("{severity: %s, %s}", m.Severity, strings.Join(ps, ", "))
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("  " + l)
		}
	}
	return b.String()
}

// paramExample is a parameter's value as a configuration example shows it.
func paramExample(p lint.ParamInfo) string {
	switch p.Kind {
	case lint.ParamList:
		return "[CRM, SKU]"
	case lint.ParamBool:
		return "true"
	}
	return p.DefaultString()
}
