package lint

import (
	"fmt"
	"sort"
	"time"

	"github.com/journeymap/journeymap/journey"
)

const badSuppressionID = "bad-suppression"

type badSuppression struct{ base }

func newBadSuppression() *badSuppression {
	return &badSuppression{base{Meta{
		ID:       badSuppressionID,
		Severity: journey.Warning,
		Summary:  "an ignore comment that names an unknown rule, has expired, lacks a reason the workspace requires, or is forbidden",
		Rationale: "A misspelt rule in an ignore comment silently does nothing, and an ignore nobody revisits outlives " +
			"the reason it was written for: the map drifts from the customer's reality while the linter stays quiet. " +
			"Governed suppressions keep every exception named, explained and dated.",
		Params: []ParamInfo{{Name: "unused", Kind: ParamBool,
			Doc: "also report ignore comments that silence nothing (a leftover after the problem was fixed); on under `strict`"}},
		Bad: `version: 1
title: Renew a parking permit
owner: city-services
stages:
  - id: renew
    touchpoints:
      # journeymap:ignore missing-emotions -- scored in the next research round
      - id: apply
        channel: app
        owner: city-services
`,
		Good: `version: 1
title: Renew a parking permit
owner: city-services
stages:
  - id: renew
    touchpoints:
      # journeymap:ignore missing-emotion until=2027-03-01 -- scored in the next research round
      - id: apply
        channel: app
        owner: city-services
`,
	}}}
}

// Check does nothing: bad-suppression judges ignore comments against the
// other rules' findings, so lintJourney calls govern after they ran.
func (r *badSuppression) Check(*Pass) {}

// govern applies the file's ignore comments to its findings under the
// workspace's suppression policy, and returns the findings left plus those
// of bad-suppression about the comments themselves.
func (c *config) govern(j *journey.Journey, rs ruleSet, found []journey.Finding, today time.Time) []journey.Finding {
	sup := readSuppressions(j.Source)
	if len(sup.ignores) == 0 {
		return found
	}
	var problems []journey.Finding
	complain := func(ig *ignore, format string, args ...any) {
		problems = append(problems, journey.Finding{
			File: j.File, Line: ig.at.Line, Column: ig.at.Col, Rule: badSuppressionID,
			Message: fmt.Sprintf(format, args...), Journey: j.ID.Value, Subject: ig.subject(j),
		})
	}
	date := today.Format("2006-01-02")
	for _, ig := range sup.ignores {
		switch {
		case c.suppressions == "forbid":
			ig.active = false
			complain(ig, "ignore comments are forbidden in this workspace (lint.suppressions: forbid), so this one silences nothing; fix the finding or change the rule's configuration")
			continue
		case c.suppressions == "require-reason" && ig.reason == "":
			ig.active = false
			complain(ig, "this ignore comment gives no reason, which the workspace requires (lint.suppressions: require-reason), so it silences nothing; add one after `--`")
		}
		if ig.until != "" && ig.active {
			if _, err := time.Parse("2006-01-02", ig.until); err != nil {
				ig.active = false
				complain(ig, "until=%s is not a date; write it as until=YYYY-MM-DD", ig.until)
				continue
			}
			if ig.until < date {
				ig.active = false
				complain(ig, "this ignore comment expired on %s and silences nothing now; fix the findings it hid, or renew it with a later date and a reason", ig.until)
				continue
			}
		}
		if len(ig.rules) == 0 && ig.active {
			ig.active = false
			complain(ig, "this ignore comment names no rule; write the rule ids it silences, like `# journeymap:ignore missing-emotion -- reason`")
			continue
		}
		for _, r := range ig.rules {
			if _, ok := rs[r]; ok || r == "all" {
				continue
			}
			if isValidation(r) {
				complain(ig, "%q is a validation check; validation findings cannot be silenced, so fix the file", r)
				continue
			}
			msg := fmt.Sprintf("ignore comment names unknown rule %q, so it silences nothing", r)
			if s := journey.Suggest(r, sortedIDs(rs)); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; run 'journeymap rules' for the list"
			}
			complain(ig, "%s", msg)
		}
	}
	kept := found[:0]
	for _, f := range found {
		if f.File == j.File && sup.covers(f) {
			continue
		}
		kept = append(kept, f)
	}
	st := rs[badSuppressionID]
	if st == nil || st.off {
		return kept
	}
	if unused, _ := st.params["unused"].(bool); unused {
		for _, ig := range sup.ignores {
			if !ig.active {
				continue
			}
			for _, r := range ig.rules {
				rst, known := rs[r]
				if r == "all" || r == badSuppressionID || !known || rst.off || ig.used[r] {
					continue
				}
				complain(ig, "ignore comment for %s silences nothing (a leftover after the problem was fixed?); remove it", r)
			}
		}
	}
	for _, f := range problems {
		f.Severity = st.sev
		if sup.covers(f) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// subject is what a finding about the comment is about: the touchpoint
// whose block holds the comment (a comment at the end of one of its
// lines), else the journey. A comment above a touchpoint lies outside its
// block, and findings about a touchpoint must point inside it.
func (ig *ignore) subject(j *journey.Journey) journey.Subject {
	for _, t := range j.Touchpoints() {
		if t.Contains(ig.at) {
			return t.Subject()
		}
	}
	return journey.SubjectJourney
}

func sortedIDs(rs ruleSet) []string {
	var ids []string
	for id := range rs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
