package lint_test

import (
	"testing"
	"time"
)

func TestRuleStaleReview(t *testing.T) {
	// reviewed returns a journey reviewed on date (YAML text, may be empty).
	reviewed := func(date string) string {
		return "version: 1\ntitle: T\nreviewed: " + date + "\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, channel: app}\n"
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	maxAge := func(n string) string {
		return withLint("lint:\n  rules:\n    stale-review: {max_age_days: " + n + "}\n")
	}
	// ruleToday is 2026-11-01: 180 days before is 2026-05-05.
	checkRule(t, "stale-review", []ruleCase{
		{name: "no reviewed date: line 1",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"1:1"}},
		{name: "reviewed null counts as absent: at the key",
			src:  reviewed(""),
			want: []string{"3:1"}},
		{name: "181 days old is stale, at the date", src: reviewed("2026-05-04"), want: []string{"3:11"}},
		{name: "exactly 180 days old is not stale", src: reviewed("2026-05-05")},
		{name: "years old", src: reviewed("2020-03-01"), want: []string{"3:11"}},
		{name: "reviewed today", src: reviewed("2026-11-01")},
		{name: "reviewed tomorrow (another time zone) is fresh", src: reviewed("2026-11-02")},
		{name: "a quoted date", src: reviewed(`"2026-05-04"`), want: []string{"3:11"}},
		{name: "max_age_days is honoured: 31 days over 30", ws: maxAge("30"), src: reviewed("2026-10-01"), want: []string{"3:11"}},
		{name: "max_age_days is honoured: exactly 30", ws: maxAge("30"), src: reviewed("2026-10-02")},
		{name: "max_age_days raised", ws: maxAge("3650"), src: reviewed("2020-03-01")},
		{name: "max_age_days 0: yesterday is stale", ws: maxAge("0"), src: reviewed("2026-10-31"), want: []string{"3:11"}},
		{name: "max_age_days 0: today is not", ws: maxAge("0"), src: reviewed("2026-11-01")},
		{name: "the lint date, not the wall clock: fresh in the past",
			today: day(2000, 1, 2), src: reviewed("2000-01-01")},
		{name: "the lint date, not the wall clock: stale in the future",
			today: day(2100, 1, 1), src: reviewed("2099-01-01"), want: []string{"3:11"}},
		{name: "the lint date's time of day does not matter",
			today: time.Date(2026, 11, 1, 23, 59, 0, 0, time.UTC), src: reviewed("2026-05-05")},
		{name: "ignore at the end of the reviewed line",
			src: "version: 1\ntitle: T\nreviewed: 2020-03-01  # journeymap:ignore stale-review -- archived as-is map\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, channel: app}\n"},
	})
}
