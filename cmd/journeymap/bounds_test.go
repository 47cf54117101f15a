package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// boundsJourney writes the inputs issue 7 reproduced as unbounded work.
func boundsJourney(kind string) string {
	var b strings.Builder
	b.WriteString("version: 1\ntitle: T\nchannels: {app: {kind: digital}, web: {kind: digital}}\nstages:\n")
	switch kind {
	case "dense": // 100 touchpoints that each list all the others in next: (46 KB)
		b.WriteString("  - id: s\n    touchpoints:\n")
		for i := 0; i < 100; i++ {
			var next []string
			for k := 0; k < 100; k++ {
				if k != i {
					next = append(next, fmt.Sprintf("t%d", k))
				}
			}
			fmt.Fprintf(&b, "      - {id: t%d, channel: app, next: [%s]}\n", i, strings.Join(next, ", "))
		}
	case "stages": // 5,000 stages
		for i := 0; i < 5000; i++ {
			fmt.Fprintf(&b, "  - id: s%d\n    touchpoints:\n      - {id: t%d, channel: app}\n", i, i)
		}
	case "title": // a 1 MB title
		return "version: 1\ntitle: " + strings.Repeat("Long title ", 100000)[:1000000] + "\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n"
	case "edges": // 3 MB of next: entries: 750,000 findings before the limits
		b.WriteString("  - id: s\n    touchpoints:\n")
		for i := 0; i < 5000; i++ {
			var next []string
			for k := i + 1; k <= i+100 && k < 5000; k++ {
				next = append(next, fmt.Sprintf("t%d", k))
			}
			fmt.Fprintf(&b, "      - {id: t%d, channel: %s, next: [%s]}\n", i, []string{"app", "web"}[i%2], strings.Join(next, ", "))
		}
	case "at-limits": // valid: 100 stages of 5 touchpoints, 2 successors each, no owners
		for s := 0; s < 100; s++ {
			fmt.Fprintf(&b, "  - id: s%d\n    touchpoints:\n", s)
			for k := 0; k < 5; k++ {
				i := s*5 + k
				var next []string
				for _, n := range []int{i + 1, i + 2} {
					if n < 500 {
						next = append(next, fmt.Sprintf("t%d", n))
					}
				}
				fmt.Fprintf(&b, "      - {id: t%d, channel: %s, emotion: %d, next: [%s]}\n", i, []string{"app", "web"}[i%2], 2-4*(i%2), strings.Join(next, ", "))
			}
		}
	}
	return b.String()
}

// TestBoundedWork: the inputs issue 7 found unbounded are answered with a
// positioned limit finding (validate, lint, render), and a journey at the
// limits lints with at most MaxFindingsPerRule findings of a rule plus one
// that counts the rest. The watchdog catches a hang; speed is measured by
// make bench, not here.
func TestBoundedWork(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		kind string
		want string // in validate's output
	}{
		{"dense", "… and 1 more range finding like the ones above; journeymap reports at most 100 of one rule in one journey"},
		{"stages", "the journey has 5000 stages; journeymap reads at most 100 in one journey"},
		{"title", "title is 1000000 characters long; journeymap reads at most 1000 in one value"},
		{"edges", "journeymap reads at most 250000 in one file"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			file := filepath.Join(dir, tc.kind+".journey.yaml")
			if err := os.WriteFile(file, []byte(boundsJourney(tc.kind)), 0o644); err != nil {
				t.Fatal(err)
			}
			svg := filepath.Join(dir, tc.kind+".svg")
			for _, args := range [][]string{{"validate", file}, {"lint", file}, {"render", file, "-o", svg}} {
				r := watchdog(t, args...)
				if r.code != 1 || !strings.Contains(r.stdout+r.stderr, tc.want) {
					t.Errorf("%s: want exit 1 and %q, got\n%s", args[0], tc.want, r)
				}
			}
			if _, err := os.Stat(svg); err == nil {
				t.Errorf("render drew a journey past the limits")
			}
		})
	}
	t.Run("at the limits", func(t *testing.T) {
		file := filepath.Join(dir, "limits.journey.yaml")
		if err := os.WriteFile(file, []byte(boundsJourney("at-limits")), 0o644); err != nil {
			t.Fatal(err)
		}
		r := watchdog(t, "lint", "--format", "json", file)
		var out struct {
			Findings []struct{ Rule, Message string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("lint output is not JSON: %v\n%s", err, r)
		}
		perRule := map[string]int{}
		summaries := 0
		for _, f := range out.Findings {
			perRule[f.Rule]++
			if strings.HasPrefix(f.Message, "… and ") {
				summaries++
			}
		}
		for rule, n := range perRule {
			if n > 101 {
				t.Errorf("%d %s findings, want at most 101", n, rule)
			}
		}
		// 500 touchpoints without an owner, 499 undocumented handoffs, 500
		// emotional cliffs: each capped.
		if perRule["missing-owner"] != 101 || perRule["undocumented-handoff"] != 101 || perRule["emotional-cliff"] != 101 || summaries < 3 {
			t.Errorf("per rule %v, %d summaries; want missing-owner, undocumented-handoff and emotional-cliff capped at 100 + 1", perRule, summaries)
		}
	})
}

// watchdog runs journeymap and fails the test if it has not answered
// within a generous bound: a guard against hangs, not a speed test.
func watchdog(t *testing.T, args ...string) cliResult {
	t.Helper()
	done := make(chan cliResult, 1)
	go func() { done <- cliRunArgs(t, args...) }()
	select {
	case r := <-done:
		return r
	case <-time.After(60 * time.Second):
		t.Fatalf("journeymap %s has not answered in 60 s", strings.Join(args, " "))
		return cliResult{}
	}
}
