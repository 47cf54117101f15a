package main

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

func newRulesCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Long: `Rules lists every lint rule with its default severity and what it finds.
With a RULE id it explains that rule: why it exists, its parameters, and an
example that triggers it with the exact output, next to the fix.`,
		Example: `  journeymap rules
  journeymap rules undocumented-handoff`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return lint.RuleIDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return listRules(io)
			}
			return explainRule(io, args[0])
		},
	}
}

func renderer(io *IO) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Out)
	if io.Color() {
		r.SetColorProfile(termenv.ANSI256)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}

// rulesWidth is the width `journeymap rules` keeps to.
const rulesWidth = 80

func listRules(io *IO) error {
	re := renderer(io)
	header := re.NewStyle().Bold(true).Padding(0, 1)
	cell := re.NewStyle().Padding(0, 1)
	sevStyle := map[journey.Severity]lipgloss.Style{
		journey.Error:   cell.Foreground(lipgloss.Color("9")),
		journey.Warning: cell.Foreground(lipgloss.Color("11")),
		journey.Info:    cell.Foreground(lipgloss.Color("12")),
	}
	rules := lint.Rules()
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(re.NewStyle().Faint(true)).
		Headers("RULE", "DEFAULT", "FINDS").
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case row == table.HeaderRow:
				return header
			case col == 1:
				return sevStyle[rules[row].Meta().Severity]
			}
			return cell
		})
	// The table fits a classic 80-column terminal: the FINDS column gets
	// what the id and severity columns, borders and padding leave.
	idWidth := len("RULE")
	for _, r := range rules {
		idWidth = max(idWidth, len(r.Meta().ID))
	}
	findsWidth := max(rulesWidth-(idWidth+2)-len(" warning ")-len("││││")-2, 20)
	for _, r := range rules {
		m := r.Meta()
		t.Row(m.ID, m.Severity.String(), strings.Join(words.Wrap(m.Summary, findsWidth), "\n"))
	}
	fmt.Fprintln(io.Out, t.Render())
	validation := "Validation checks (always errors): " + strings.Join(journey.ValidationRules(), ", ") + "."
	fmt.Fprintln(io.Out, strings.Join(words.Wrap(validation, rulesWidth), "\n"))
	fmt.Fprintln(io.Out, "Run 'journeymap rules RULE' for details.")
	return nil
}

func explainRule(io *IO, id string) error {
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
	fmt.Fprintf(io.Out, "%s  (default severity: %s)\n\n", title.Render(m.ID), m.Severity)
	fmt.Fprintf(io.Out, "Finds: %s.\n\nWhy: %s\n", m.Summary, m.Rationale)
	if len(m.Params) > 0 {
		fmt.Fprintf(io.Out, "\nParameters:\n")
		for _, p := range m.Params {
			fmt.Fprintf(io.Out, "  %s (default %d): %s\n", p.Name, p.Default, p.Doc)
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
	if len(m.Params) == 0 {
		return "off    # or " + strings.Join(journey.Severities(), ", ")
	}
	var ps []string
	for _, p := range m.Params {
		ps = append(ps, fmt.Sprintf("%s: %d", p.Name, p.Default))
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
