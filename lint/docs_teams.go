package lint

import (
	"fmt"
	"strings"
)

// teamsMarkdown is the "Lint for teams" part of docs/rules.md: rule sets,
// overrides, governed suppressions, custom rules with their examples run
// for real, and baselines.
func teamsMarkdown() string {
	var b strings.Builder
	b.WriteString(`## Lint for teams

### Rule sets: presets and shared files

` + "`lint.extends`" + ` lists presets or files, applied in order; then come the workspace's own
` + "`rules`" + `, then its ` + "`overrides`" + `, then the ` + "`--enable`/`--disable`" + ` flags. Later entries win.

` + "```yaml" + `
lint:
  extends: [strict, ../cx-standards/journeymap-lint.yaml]
  rules:
    stale-review: {max_age_days: 365}
` + "```" + `

- ` + "`recommended`" + ` (the default, when nothing is extended): the eighteen rules of the
  table above at their default severities, plus ` + "`bad-suppression`" + `; the rules marked
  *off (strict: …)* are off.
- ` + "`strict`" + `: adds ` + "`missing-expectations`, `unbalanced-listening`, `no-positive-peak`,\n  `unmeasured-journey` and `inside-out-language`" + `; raises ` + "`missing-emotion`, `missing-goal`" + ` and
  ` + "`missing-persona`" + ` to warning; and makes ` + "`bad-suppression`" + ` also report ignore comments
  that silence nothing. A preset sets every built-in rule, so ` + "`extends: [strict, recommended]`" + `
  is ` + "`recommended`" + `.
- A **file** is how an organisation shares one rule set across repositories: a YAML file
  with a ` + "`lint:`" + ` block of the same shape (and optionally ` + "`version: 1`" + `; nothing else, so
  owners or channels put there by mistake are reported, not ignored). Its path is relative
  to the file that names it; its own ` + "`extends`" + ` are followed first. Its ` + "`fail_on`, `suppressions`" + `
  and ` + "`vocabulary`" + ` apply unless a later block sets them; its custom rules join the
  workspace's; its ` + "`overrides`" + ` apply to journeys of the workspace that extends it, with globs
  relative to that workspace file, before the workspace's own overrides.
- A file that is missing, a directory, unreadable, larger than 8 MiB or not a lint file is an
  error at the ` + "`extends`" + ` entry that names it (rule ` + "`file`" + `; a misspelt preset gets a
  did-you-mean); a chain that leads back to a file already being read is a ` + "`range`" + ` error
  showing the cycle. The rest of the configuration still applies.

### Overrides for folders

` + "```yaml" + `
lint:
  overrides:                   # later entries win
    - files: ["drafts/**"]     # relative to journeymap.yaml; ** crosses directories
      rules: {missing-emotion: off, stale-review: off}
    - files: ["**/legacy-*.journey.yaml"]
      rules: {inside-out-language: off}
` + "```" + `

Each glob segment matches like a shell pattern (` + "`*`, `?`, `[abc]`" + ` stay within one directory);
` + "`**`" + ` matches any number of directories, none included; a pattern ending in ` + "`/`" + ` means
everything under that directory. Giving parameters to a rule that is off turns it on.

` + "`journeymap rules --for drafts/new.journey.yaml`" + ` prints, for that file, each rule's effective
severity and why: the preset, the line of ` + "`journeymap.yaml`" + ` or of an extended file, the override
or the flag that decided it, and the parameters set.

### Governed suppressions

` + "```yaml" + `
lint:
  suppressions: require-reason   # allow (default) | require-reason | forbid
` + "```" + `

` + "```yaml" + `
      # journeymap:ignore missing-emotion until=2027-03-31 -- scored in the spring research round
` + "```" + `

- ` + "`require-reason`" + `: an ignore comment without ` + "`-- reason`" + ` silences nothing and is a finding.
- ` + "`forbid`" + `: every ignore comment is a finding and silences nothing.
- ` + "`until=YYYY-MM-DD`" + `: the comment silences findings up to and including that day; after it,
  it silences nothing and is a finding.
- [` + "`bad-suppression`" + `](#bad-suppression) (warning in every preset) also reports a comment that names an
  unknown rule (with a did-you-mean) or a validation check, or no rule at all; under
  ` + "`strict`" + ` (or with its parameter ` + "`unused: true`" + `) one that silences nothing, a leftover after
  the problem was fixed. A rule named in a comment that is off for the file is not reported
  as unused.

### Custom rules

A team states its own policy without writing Go, in [CEL](https://cel.dev) (the expression
language Kubernetes uses for validation rules):

` + "```yaml" + `
lint:
  custom:
    - id: moment-needs-nps        # kebab-case, unique, not a built-in id
      severity: warning           # error | warning | info (default warning)
      on: touchpoint              # journey | stage | touchpoint | handoff: what one finding is about
      when: touchpoint.moment_of_truth                                    # optional
      require: touchpoint.metrics.exists(m, metric(m).kind == "nps")      # must be true, else a finding
      message: "moment of truth {{touchpoint.id}} is not measured with NPS"
      help: Every moment of truth is measured with NPS.                   # optional
` + "```" + `

A custom rule is configured, overridden, suppressed, baselined, listed by ` + "`journeymap rules`" + `
and described in SARIF exactly like a built-in one. Its findings point at the stage's or
touchpoint's ` + "`- id:`" + ` line, at the receiving touchpoint's ` + "`handoff`" + ` key (or ` + "`- id:`" + ` when it has
none), or at line 1 for a journey, and carry the matching subject.

**What the expressions see.** Maps of the resolved journey; every key is always present
(absent lists are empty, absent strings ` + "`\"\"`" + `):

| variable | in rules on | keys |
|---|---|---|
| ` + "`journey`" + ` | all | id, title, owner, persona {id, name, segment, needs}, segment, goal, outcome, principles, reviewed (` + "`\"YYYY-MM-DD\"`" + ` or ` + "`\"\"`" + `), metrics, listening, channels (maps from id to definition, as declared in the journey), stages, touchpoints (in document order), file |
| ` + "`stage`" + ` | stage, touchpoint | id, name, owner, expectations, touchpoints |
| ` + "`touchpoint`" + ` | touchpoint | id, name, channel (its id), owner (resolved: the stage's when it has none), emotion {score, feeling} (score ` + "`null`" + ` when unscored), moment_of_truth (a bool), moment_of_truth_text, metrics and listening (ids), handoff {carries, owner, documented}, pain_points, opportunities, backstage, next, stage (its id) |
| ` + "`handoff`" + ` | handoff | from, to (touchpoints, as above), carries, owner, documented (false when the receiving touchpoint has no ` + "`handoff`" + ` block) |

Rules on ` + "`handoff`" + ` run on every flow edge that changes channel. Lists of free text
(pain points, expectations, carries…) are lists of strings. ` + "`metric(id)`" + ` {id, name, kind, target},
` + "`listening(id)`" + ` {id, name, kind}, ` + "`channel(id)`" + ` {id, name, kind, owner} and ` + "`owner(id)`" + `
{id, name, contact} look an id up in the journey, then the workspace; an unknown id gives a
record of empty strings. ` + "`{{expr}}`" + ` in a message inserts a value: text as it is, lists joined
with commas, an empty value as "not set".

**Mistakes are findings, never crashes.** Each rule is compiled once per workspace and
type-checked: a syntax error, an unknown key (with a did-you-mean), a variable the rule
cannot see, a ` + "`when`" + ` or ` + "`require`" + ` that is not true-or-false, or a malformed ` + "`{{…}}`" + ` is a
` + "`type`" + ` error at the expression in the workspace file; an unknown ` + "`on`" + `, an id that is a built-in
rule or a validation check is a ` + "`range`" + ` error; a repeated id is ` + "`duplicate-id`" + `. A rule with a mistake
does not run; the others do. At run time an expression that meets a value it cannot handle
(such as comparing a ` + "`null`" + ` score: write ` + "`touchpoint.emotion.score != null && …`" + `) is a ` + "`type`" + `
error, and one that does more than ` + fmt.Sprint(celCostLimit) + ` steps of work on one element is
stopped by CEL's cost limit and reported as a ` + "`range`" + ` error, so no expression can hang a run.

`)
	for _, e := range CustomExamples() {
		fmt.Fprintf(&b, "#### %s\n\n%s\n\n```yaml\nlint:\n  custom:\n%s```\n\n", e.Title, e.Intro, e.Rule)
		b.WriteString("On this journey:\n\n```yaml\n" + e.Journey + "```\n\n")
		b.WriteString("`journeymap lint example.journey.yaml` reports:\n\n```text\n")
		for _, f := range CheckCustomExample(e) {
			b.WriteString(f.String() + "\n")
		}
		b.WriteString("```\n\n")
	}
	b.WriteString(`### Baselines: adopt lint on a portfolio that has findings

` + "```sh" + `
journeymap lint --write-baseline .journeymap/lint-baseline.json   # once; exits 0
journeymap lint --baseline .journeymap/lint-baseline.json         # in CI: fails only on new findings
journeymap lint --new-from-rev origin/main                        # in a pull request: only what it adds
` + "```" + `

A baseline is sorted JSON that diffs cleanly:

` + "```json" + `
{"version": 1, "findings": [{"file": "journeys/upgrade.journey.yaml", "journey": "broadband-upgrade",
  "rule": "undocumented-handoff", "subject": "handoff:compare>call-care", "count": 1}]}
` + "```" + `

A finding is left out when the baseline lists its file (relative to the baseline file, so
it holds from any directory), journey, rule and subject, up to the entry's count; lines are
never compared, so edits that move lines keep the baseline valid. The summary says how many
were baselined and how many recorded findings no longer occur (fixed, or their file is gone:
write the baseline again to drop them); in ` + "`--format json`" + ` the summary adds ` + "`\"baselined\"`" + ` and
` + "`\"baseline_stale\"`" + `. A baseline that is not JSON, of another version, or malformed is a usage
error (exit 2). ` + "`--write-baseline`" + ` refuses to overwrite a journey or workspace file.

` + "`--new-from-rev REV`" + ` lints the same journey files as git has them at ` + "`REV`" + ` (with today's
configuration) and reports only findings they did not have there, matched the same way; a
file new since ` + "`REV`" + ` reports everything. Outside a git repository or with a revision git
does not know, it is a usage error (exit 2) saying which.

`)
	return b.String()
}
