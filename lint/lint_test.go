package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

const corpus = "../testdata/lint"

var today = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

func run(t *testing.T, paths []string, opts lint.Options) *lint.Result {
	t.Helper()
	set, err := journey.Load(paths, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if opts.Today.IsZero() {
		opts.Today = today
	}
	res, err := lint.Run(set, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Streaming (what the lint command does) finds exactly the same.
	_, streamed, err := lint.Stream(paths, journey.LoadOptions{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := format(res.Findings), format(streamed.Findings); a != b || res.Failed != streamed.Failed {
		t.Fatalf("lint.Stream differs from lint.Run:\n%s", golden.Diff(a, b))
	}
	return res
}

func TestLintOK(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "ok", "*.journey.yaml"))
	if len(files) == 0 {
		t.Fatal("no ok corpus")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := run(t, []string{f}, lint.Options{})
			for _, fd := range res.Findings {
				t.Errorf("unexpected: %s", fd)
			}
			if res.Failed {
				t.Error("a clean journey failed the run")
			}
		})
	}
}

// TestLintErr: each err/ journey gives exactly the findings in its .out file.
func TestLintErr(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "err", "*.journey.yaml"))
	if len(files) < 5 {
		t.Fatal("no err corpus")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := run(t, []string{f}, lint.Options{})
			golden.Check(t, strings.TrimSuffix(f, ".yaml")+".out", []byte(format(res.Findings)))
		})
	}
}

func format(fs []journey.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s] {%s}\n", filepath.Base(f.File), f.Line, f.Column, f.Severity, f.Message, f.Rule, f.Subject)
	}
	return b.String()
}

// TestSubjectsNameTheirElement: every finding of the err corpus and the
// examples names, as its subject, an element its journey really has (the
// .out files pin which one), and one about a touchpoint lies inside it.
func TestSubjectsNameTheirElement(t *testing.T) {
	errs, _ := filepath.Glob(filepath.Join(corpus, "err", "*.journey.yaml"))
	for _, paths := range [][]string{errs, {"../examples"}} {
		set, err := journey.Load(paths, journey.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(set, lint.Options{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]*journey.Journey{}
		for _, j := range set.Journeys {
			byID[j.ID.Value] = j
		}
		for _, f := range res.Findings {
			j := byID[f.Journey]
			if j == nil {
				t.Errorf("%s: no journey %q", f, f.Journey)
				continue
			}
			if !j.Defines(f.Subject) {
				t.Errorf("%s: subject %q names nothing in journey %q", f, f.Subject, j.ID.Value)
			}
			// SPEC §5: findings about a touchpoint, handoffs included,
			// point inside its block, where a comment above it reaches.
			if tp := j.SubjectTouchpoint(f.Subject); tp != nil && f.File == j.File && !tp.Contains(journey.Pos{Line: f.Line, Col: f.Column}) {
				t.Errorf("%s: about %s but outside its block %+v", f, f.Subject, tp.Extent)
			}
		}
	}
}

// TestExamplesPinned pins the findings of the shipped examples.
func TestExamplesPinned(t *testing.T) {
	res := run(t, []string{"../examples"}, lint.Options{})
	golden.Check(t, filepath.Join(corpus, "examples.out"), []byte(format(res.Findings)))
}

func write(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const plain = `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`

func rulesOf(fs []journey.Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, ",")
}

// TestConfig covers workspace lint settings and flags.
func TestConfig(t *testing.T) {
	tests := []struct {
		name      string
		workspace string
		opts      lint.Options
		want      string // rules found, in order
		failed    bool
		err       string
	}{
		{name: "defaults", workspace: "", want: "missing-owner,missing-goal,missing-owner,missing-persona,stale-review,missing-emotion,missing-owner", failed: true},
		{name: "rules off and re-levelled",
			workspace: "lint:\n  rules:\n    missing-owner: off\n    missing-goal: warning\n    missing-emotion: false\n    stale-review: {severity: off}\n",
			want:      "missing-goal,missing-persona", failed: false},
		{name: "fail_on warning", workspace: "lint:\n  fail_on: warning\n  rules: {missing-owner: off, missing-goal: warning}\n",
			want: "missing-goal,missing-persona,stale-review,missing-emotion", failed: true},
		{name: "flag overrides fail_on", workspace: "lint:\n  fail_on: info\n  rules: {missing-owner: off}\n", opts: lint.Options{FailOn: "error"},
			want: "missing-goal,missing-persona,stale-review,missing-emotion", failed: false},
		{name: "enable beats off", workspace: "lint:\n  rules: {missing-owner: off, missing-goal: off}\n", opts: lint.Options{Enable: []string{"missing-goal"}, Disable: []string{"stale-review", "missing-persona", "missing-emotion"}},
			want: "missing-goal"},
		{name: "unknown rule in workspace", workspace: "lint:\n  rules: {missing-ownr: off}\n", err: `unknown rule "missing-ownr"; did you mean "missing-owner"?`},
		{name: "unknown param", workspace: "lint:\n  rules: {channel-hopping: {mx: 2}}\n", err: `has no parameter "mx" (it takes max); did you mean "max"?`},
		{name: "bad param value", workspace: "lint:\n  rules: {channel-hopping: {max: lots}}\n", err: `must be a whole number`},
		{name: "unknown flag rule", opts: lint.Options{Disable: []string{"missing-emotions"}}, err: `--disable: unknown rule "missing-emotions"; did you mean "missing-emotion"?`},
		{name: "validation id cannot be disabled", opts: lint.Options{Disable: []string{"syntax"}}, err: `validation findings are always errors`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "journeymap.yaml", "version: 1\nchannels: {app: {kind: digital}}\n"+tt.workspace)
			p := write(t, dir, "t.journey.yaml", plain)
			set, err := journey.Load([]string{p}, journey.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Findings) > 0 && tt.err == "" {
				t.Fatalf("validation: %v", set.Findings)
			}
			tt.opts.Today = today
			res, err := lint.Run(set, tt.opts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := rulesOf(res.Findings); got != tt.want {
				t.Errorf("found %s\nwant  %s", got, tt.want)
			}
			if res.Failed != tt.failed {
				t.Errorf("failed = %v, want %v", res.Failed, tt.failed)
			}
		})
	}
}

// TestChannelHoppingMax: the max parameter is honoured.
func TestChannelHoppingMax(t *testing.T) {
	src := lint.FindRule("channel-hopping").Meta().Bad // 4 changes
	for _, tc := range []struct {
		max  string
		want int
	}{{"", 1}, {"4", 0}, {"3", 1}, {"1", 1}} {
		dir := t.TempDir()
		ws := "version: 1\n"
		if tc.max != "" {
			ws += "lint: {rules: {channel-hopping: {max: " + tc.max + "}}}\n"
		}
		write(t, dir, "journeymap.yaml", ws)
		p := write(t, dir, "h.journey.yaml", src)
		n := 0
		for _, f := range run(t, []string{p}, lint.Options{}).Findings {
			if f.Rule == "channel-hopping" {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("max %q: %d findings, want %d", tc.max, n, tc.want)
		}
	}
}

// TestStaleReviewClock: stale-review uses the injected date, not the wall clock.
func TestStaleReviewClock(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "r.journey.yaml", "version: 1\ntitle: T\nreviewed: 2026-01-01\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n")
	for _, tc := range []struct {
		day   time.Time
		stale bool
	}{
		{time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), false}, // 180 days
		{time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), true},   // 181 days
		// Late evening west of Greenwich: still 30 June where the user is.
		{time.Date(2026, 6, 30, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), false},
	} {
		found := strings.Contains(rulesOf(run(t, []string{p}, lint.Options{Today: tc.day}).Findings), "stale-review")
		if found != tc.stale {
			t.Errorf("on %s: stale = %v, want %v", tc.day.Format("2006-01-02"), found, tc.stale)
		}
	}
}

// TestMissingGoalBlank: a goal of only spaces is no goal.
func TestMissingGoalBlank(t *testing.T) {
	got := lint.CheckExample("missing-goal", "g.journey.yaml", "version: 1\ntitle: T\ngoal: \"   \"\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: web}]}]\n")
	if len(got) != 1 || got[0].Line != 3 {
		t.Errorf("findings %v, want one at the blank goal (line 3)", got)
	}
}

// TestInconsistentChannel compares a channel with the workspace's when the
// workspace defines it, else with the other journeys' (SPEC §5).
func TestInconsistentChannel(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "journeymap.yaml", "version: 1\nchannels:\n  app: {name: Mobile app, kind: digital, owner: digital}\n")
	one := "version: 1\ntitle: One\nchannels:\n  store: {name: Store, kind: physical, owner: retail}\n  app: {name: Mobile app, kind: digital, owner: digital}\nstages: [{id: s, touchpoints: [{id: a, channel: store}, {id: b, channel: app}]}]\n"
	two := "version: 1\ntitle: Two\nchannels:\n  store: {name: Shop, kind: physical, owner: retail}\n  app: {name: App, owner: digital}\nstages: [{id: s, touchpoints: [{id: a, channel: store}, {id: b, channel: app}]}]\n"
	write(t, dir, "one.journey.yaml", one)
	write(t, dir, "two.journey.yaml", two)
	var got []string
	for _, f := range run(t, []string{dir}, lint.Options{}).Findings {
		if f.Rule == "inconsistent-channel" {
			got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, f.Message))
		}
	}
	want := []string{
		`one.journey.yaml:4 channel "store" differs from its definition in ` + filepath.Join(dir, "two.journey.yaml") + `:4 (name "Store" vs "Shop"); define it once in journeymap.yaml`,
		`two.journey.yaml:4 channel "store" differs from its definition in ` + filepath.Join(dir, "one.journey.yaml") + `:4 (name "Shop" vs "Store"); define it once in journeymap.yaml`,
		// The workspace defines app: it is the reference, and one, which
		// agrees with it, is not reported for differing from two.
		`two.journey.yaml:5 channel "app" differs from its definition in ` + filepath.Join(dir, "journeymap.yaml") + `:3 (name "App" vs "Mobile app", kind not set vs "digital"); use the shared definition or rename the channel`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestInconsistentChannelScope: one finding per journey and channel, naming
// the first differing definition in the run and counting the others;
// journeys are compared only with journeys of the same workspace, and those
// without a workspace with each other.
func TestInconsistentChannelScope(t *testing.T) {
	root := t.TempDir()
	shared, other, none := filepath.Join(root, "shared"), filepath.Join(root, "shared", "other"), filepath.Join(root, "none")
	for _, d := range []string{other, none} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, shared, "journeymap.yaml", "version: 1\n")
	write(t, other, "journeymap.yaml", "version: 1\n")
	kiosk := func(name string) string {
		return "version: 1\ntitle: T\nchannels:\n  kiosk: {name: " + name + ", kind: self-service}\nstages: [{id: s, touchpoints: [{id: a, channel: kiosk}]}]\n"
	}
	write(t, shared, "a.journey.yaml", kiosk("Kiosk"))
	write(t, shared, "b.journey.yaml", kiosk("Totem"))
	write(t, shared, "c.journey.yaml", kiosk("Totem"))
	write(t, shared, "d.journey.yaml", kiosk("Screen"))
	write(t, other, "e.journey.yaml", kiosk("Elsewhere")) // another workspace: never compared
	write(t, none, "f.journey.yaml", kiosk("Kiosk"))
	write(t, none, "g.journey.yaml", kiosk("Booth"))
	var got []string
	for _, f := range run(t, []string{root}, lint.Options{}).Findings {
		if f.Rule == "inconsistent-channel" {
			msg := strings.ReplaceAll(f.Message, root+string(filepath.Separator), "")
			got = append(got, fmt.Sprintf("%s: %s", filepath.Base(f.File), msg))
		}
	}
	a, b := filepath.Join("shared", "a.journey.yaml"), filepath.Join("shared", "b.journey.yaml")
	f, g := filepath.Join("none", "f.journey.yaml"), filepath.Join("none", "g.journey.yaml")
	want := []string{
		`g.journey.yaml: channel "kiosk" differs from its definition in ` + f + `:4 (name "Booth" vs "Kiosk"); define it once in journeymap.yaml`,
		`f.journey.yaml: channel "kiosk" differs from its definition in ` + g + `:4 (name "Kiosk" vs "Booth"); define it once in journeymap.yaml`,
		`a.journey.yaml: channel "kiosk" differs from its definition in ` + b + `:4 (name "Kiosk" vs "Totem") and from 2 other definitions; define it once in journeymap.yaml`,
		`b.journey.yaml: channel "kiosk" differs from its definition in ` + a + `:4 (name "Totem" vs "Kiosk") and from 1 other definition; define it once in journeymap.yaml`,
		`c.journey.yaml: channel "kiosk" differs from its definition in ` + a + `:4 (name "Totem" vs "Kiosk") and from 1 other definition; define it once in journeymap.yaml`,
		`d.journey.yaml: channel "kiosk" differs from its definition in ` + a + `:4 (name "Screen" vs "Kiosk") and from 2 other definitions; define it once in journeymap.yaml`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestInvalidJourneyReportsValidationOnly: journey rules skip invalid journeys.
func TestInvalidJourneyReportsValidationOnly(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "bad.journey.yaml", "version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: nowhere}]}]\n")
	res := run(t, []string{p}, lint.Options{})
	if got := rulesOf(res.Findings); got != "unresolved-reference" {
		t.Errorf("found %s, want unresolved-reference alone", got)
	}
	if !res.Failed {
		t.Error("an invalid journey must fail the run")
	}
}

// TestDeterministicOrder: parallel linting still gives sorted, stable output.
func TestDeterministicOrder(t *testing.T) {
	first := format(run(t, []string{"../examples", corpus}, lint.Options{}).Findings)
	for i := 0; i < 5; i++ {
		if again := format(run(t, []string{"../examples", corpus}, lint.Options{}).Findings); again != first {
			t.Fatalf("run %d differs:\n%s", i, golden.Diff(first, again))
		}
	}
}

// TestFindingsCappedPerRule: a journey reports at most
// journey.MaxFindingsPerRule findings of one rule, then one that counts the
// rest; suppressed findings do not count.
func TestFindingsCappedPerRule(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("version: 1\ntitle: T\nchannels: {app: {kind: digital, owner: o}}\nstages:\n  - id: s\n    owner: o\n    touchpoints:\n")
	b.WriteString("      # journeymap:ignore missing-emotion -- the first one is fine\n")
	for i := 0; i < 151; i++ {
		fmt.Fprintf(&b, "      - {id: t%d, channel: app}\n", i)
	}
	p := write(t, dir, "many.journey.yaml", b.String())
	var got []journey.Finding
	for _, f := range run(t, []string{p}, lint.Options{}).Findings {
		if f.Rule == "missing-emotion" {
			got = append(got, f)
		}
	}
	if len(got) != journey.MaxFindingsPerRule+1 {
		t.Fatalf("%d missing-emotion findings, want %d", len(got), journey.MaxFindingsPerRule+1)
	}
	last := got[len(got)-1]
	want := "… and 50 more missing-emotion findings like the ones above; journeymap reports at most 100 of one rule in one journey"
	if last.Line != 9+1+100 || last.Message != want || last.Severity != journey.Info {
		t.Errorf("last finding %s, want at line 110: %s", last, want)
	}
}

// TestInconsistentChannelSuppressed: an ignore comment silences the
// cross-journey finding, decided while the journey is read though the
// finding is made once every journey has been.
func TestInconsistentChannelSuppressed(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "journeymap.yaml", "version: 1\n")
	write(t, dir, "a.journey.yaml", "version: 1\ntitle: A\nchannels:\n  kiosk: {name: Kiosk, kind: self-service} # journeymap:ignore inconsistent-channel -- piloting a new name\nstages: [{id: s, touchpoints: [{id: a, channel: kiosk}]}]\n")
	write(t, dir, "b.journey.yaml", "version: 1\ntitle: B\nchannels:\n  kiosk: {name: Totem, kind: self-service}\nstages: [{id: s, touchpoints: [{id: a, channel: kiosk}]}]\n")
	var got []string
	for _, f := range run(t, []string{dir}, lint.Options{}).Findings {
		if f.Rule == "inconsistent-channel" {
			got = append(got, filepath.Base(f.File))
		}
	}
	if strings.Join(got, " ") != "b.journey.yaml" {
		t.Errorf("inconsistent-channel in %v, want b.journey.yaml alone", got)
	}
}
