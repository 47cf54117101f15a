package lint

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// RulesMarkdown renders docs/rules.md from the registry: every rule with
// its rationale, parameters, an example that triggers it, the exact output,
// and the fix. A test keeps the committed file equal to this.
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from lint/*.go by `make docs`; do not edit by hand. -->\n\n")
	b.WriteString("journeymap checks journeys in two steps. **Validation** finds files that are not\n")
	b.WriteString("well-formed journeys; its findings are always errors and cannot be turned off.\n")
	b.WriteString("**Lint rules** then look for the weaknesses CX research keeps finding in real\n")
	b.WriteString("organisations. Lint rules run only on journeys that validate.\n\n")
	b.WriteString("| rule | default | finds |\n|---|---|---|\n")
	for _, r := range Rules() {
		m := r.Meta()
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s |\n", m.ID, m.ID, DefaultSeverityText(m), escapePipes(m.Summary))
	}
	b.WriteString("\nValidation checks (always errors): ")
	var ids []string
	for _, m := range ValidationMeta() {
		ids = append(ids, fmt.Sprintf("[%s](#%s)", m.ID, m.ID))
	}
	b.WriteString(strings.Join(ids, ", ") + ".\n\n")
	b.WriteString(`## Configuring rules

In ` + "`journeymap.yaml`" + `:

` + "```yaml" + `
lint:
  fail_on: error            # lowest severity that makes 'journeymap lint' exit 1: ` + strings.Join(journey.Severities(), " | ") + `
  rules:
    missing-emotion: off                         # turn a rule off
    missing-goal: warning                        # change its severity
    channel-hopping: {severity: warning, max: 4} # severity and parameters
    stale-review: {max_age_days: 365}
` + "```" + `

On the command line, ` + "`--fail-on`" + ` overrides ` + "`fail_on`" + `, and ` + "`--enable RULE`" + ` / ` + "`--disable RULE`" + `
override the ` + "`rules`" + ` section. An unknown rule or parameter is a usage error (exit 2).

To silence a finding where it is, add a comment with a reason:

` + "```yaml" + `
      # journeymap:ignore undocumented-handoff -- the seam is tracked in CX-123
      - id: call-for-update          # the whole touchpoint, handoff into it included
        channel: phone
        emotion: -1   # journeymap:ignore negative-ending -- being redesigned
# journeymap:ignore-file missing-persona
` + "```" + `

A comment on its own line covers the YAML node that starts on the next line and
everything inside it; a comment at the end of a line covers that line's key and
value; ` + "`ignore-file`" + ` covers the file. Where several items share a line (flow
style, ` + "`{app: {...}, web: {...}}`" + `), a comment belongs to the item next to it: the
first after a comment above, the last before a comment at the end. Validation
findings cannot be silenced.

Every finding names its **subject**, what it is about: ` + "`journey`, `stage:ID`, `touchpoint:ID`,\n`handoff:FROM>TO`" + ` (a flow edge), ` + "`channel:ID`, `listening:ID`, `metric:ID`, `workspace`" + ` or
` + "`file`" + `. It is ` + "`subject`" + ` in ` + "`--format json`" + ` output and a logical location in SARIF;
diagrams place findings, and baselines match them, by subject rather than by line.
Each rule below names the subject its findings carry.

`)
	b.WriteString(teamsMarkdown())
	for _, r := range Rules() {
		m := r.Meta()
		fmt.Fprintf(&b, "## %s\n\n", m.ID)
		fmt.Fprintf(&b, "Default severity: **%s**. Finds %s.\n\n", DefaultSeverityText(m), m.Summary)
		fmt.Fprintf(&b, "**Why.** %s\n\n", m.Rationale)
		if len(m.Params) > 0 {
			b.WriteString("**Parameters.**\n\n")
			for _, p := range m.Params {
				fmt.Fprintf(&b, "- `%s` (default %s): %s\n", p.Name, p.DefaultString(), p.Doc)
			}
			b.WriteString("\n")
		}
		b.WriteString("**Example.** This journey triggers the rule:\n\n```yaml\n" + m.Bad + "```\n\n")
		b.WriteString("`journeymap lint example.journey.yaml` reports:\n\n```text\n")
		found := CheckExample(m.ID, "example.journey.yaml", m.Bad)
		for _, f := range found {
			b.WriteString(f.String() + "\n")
		}
		b.WriteString("```\n\n")
		fmt.Fprintf(&b, "Subject: %s.\n\n", subjectList(found))
		b.WriteString("**Fixed:**\n\n```yaml\n" + m.Good + "```\n\n")
	}
	b.WriteString("## Validation checks\n\n")
	for _, m := range ValidationMeta() {
		fmt.Fprintf(&b, "## %s\n\nAlways an **error**. Finds %s. %s\n\n", m.ID, m.Summary, m.Rationale)
	}
	b.WriteString("See [format.md](format.md) for the file format and an example of each validation finding.\n")
	return b.String()
}

// subjectList spells the distinct subjects of findings as `a`, `b`.
func subjectList(fs []journey.Finding) string {
	var out []string
	seen := map[journey.Subject]bool{}
	for _, f := range fs {
		if !seen[f.Subject] {
			seen[f.Subject] = true
			out = append(out, "`"+string(f.Subject)+"`")
		}
	}
	return strings.Join(out, ", ")
}

func escapePipes(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
