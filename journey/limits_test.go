package journey_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// limitJourney builds a journey with the given numbers of stages and
// touchpoints (spread over the stages, document-order flow), a title of
// titleLen characters, and on its first touchpoint a `next:` of nextLen
// entries.
func limitJourney(stages, touchpoints, titleLen, nextLen int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "version: 1\ntitle: %s\nchannels: {app: {kind: digital}}\nstages:\n", strings.Repeat("é", titleLen))
	tp := 0
	for s := 0; s < stages; s++ {
		fmt.Fprintf(&b, "  - id: s%d\n    touchpoints:\n", s)
		for ; tp < touchpoints*(s+1)/stages; tp++ {
			next := ""
			if tp == 0 && nextLen > 0 {
				var ids []string
				for k := 1; k <= nextLen; k++ {
					ids = append(ids, fmt.Sprintf("t%d", k%touchpoints))
				}
				next = ", next: [" + strings.Join(ids, ", ") + "]"
			}
			fmt.Fprintf(&b, "      - {id: t%d, channel: app%s}\n", tp, next)
		}
	}
	return b.String()
}

// TestLimits: each limit is a positioned finding one past it, and nothing
// at it.
func TestLimits(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want string // "line:col rule message-prefix", or "" for none
	}{
		{"stages at the limit", limitJourney(journey.MaxStages, journey.MaxStages, 1, 0), ""},
		{"one stage too many", limitJourney(journey.MaxStages+1, journey.MaxStages+1, 1, 0),
			fmt.Sprintf("%d:5 range the journey has 101 stages; journeymap reads at most 100", 5+3*journey.MaxStages)},
		{"touchpoints at the limit", limitJourney(1, journey.MaxTouchpoints, 1, 0), ""},
		{"one touchpoint too many", limitJourney(1, journey.MaxTouchpoints+1, 1, 0),
			fmt.Sprintf("%d:9 range the journey has 501 touchpoints; journeymap reads at most 500", 7+journey.MaxTouchpoints)},
		{"text at the limit", limitJourney(1, 1, journey.MaxTextLength, 0), ""},
		{"text one character too long", limitJourney(1, 1, journey.MaxTextLength+1, 0),
			"2:8 range title is 1001 characters long; journeymap reads at most 1000"},
		{"next at the limit", limitJourney(1, 30, 1, journey.MaxNext), ""},
		{"next one entry too long", limitJourney(1, 30, 1, journey.MaxNext+1),
			"7:130 range `next` lists 21 touchpoints; journeymap reads at most 20"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, fs := journey.Parse("l.journey.yaml", []byte(tc.src))
			fs = append(fs, journey.Resolve(j, nil)...)
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.Rule, f.Message))
			}
			if tc.want == "" {
				if len(got) > 0 {
					t.Errorf("unexpected findings:\n%s", strings.Join(got, "\n"))
				}
				return
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tc.want) {
				t.Errorf("findings:\n%s\nwant one starting %q", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestLimitEdges: a flow of more than MaxEdges edges is reported at the
// touchpoint whose successors pass the limit.
func TestLimitEdges(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n")
	const n = 60 // 60 touchpoints with 20 successors each: 1,200 edges
	for i := 0; i < n; i++ {
		var next []string
		for k := 1; k <= journey.MaxNext; k++ {
			next = append(next, fmt.Sprintf("t%d", (i+k)%n))
		}
		fmt.Fprintf(&b, "      - {id: t%d, channel: app, next: [%s]}\n", i, strings.Join(next, ", "))
	}
	j, fs := journey.Parse("e.journey.yaml", []byte(b.String()))
	fs = append(fs, journey.Resolve(j, nil)...)
	// Edge 1,001 is the first of touchpoint t50 (line 7+50), at its `next`.
	if len(fs) != 1 || fs[0].Rule != journey.RuleRange || fs[0].Line != 57 || fs[0].Column != 33 ||
		!strings.HasPrefix(fs[0].Message, "the journey has 1200 flow edges; journeymap reads at most 1000") {
		t.Errorf("findings %v, want one range finding at 57:33 naming 1200 edges", fs)
	}
}

// TestLimitEntries: a file with more lines and flow entries than
// MaxEntries is refused before yaml.v3 builds its tree, at the line where
// the count passes the limit.
func TestLimitEntries(t *testing.T) {
	src := "version: 1\ntitle: T\nprinciples: [" + strings.Repeat("a,", journey.MaxEntries) + "a]\n"
	_, fs := journey.Parse("big.journey.yaml", []byte(src))
	if len(fs) != 1 || fs[0].Rule != journey.RuleFile || fs[0].Line != 3 ||
		!strings.Contains(fs[0].Message, "journeymap reads at most 250000 in one file") {
		t.Errorf("findings %v, want one file finding at line 3", fs)
	}
	// At the limit the file is read.
	src = "version: 1\ntitle: T\nprinciples: [" + strings.Repeat("a,", journey.MaxEntries-10) + "a]\n"
	if _, fs := journey.Parse("big.journey.yaml", []byte(src)); len(fs) == 0 || fs[0].Rule == journey.RuleFile {
		t.Errorf("findings %v, want the file read (missing stages reported)", fs)
	}
}

// TestCapFindings: past MaxFindingsPerRule findings of one rule in one file,
// one finding at the first left out says how many more there are.
func TestCapFindings(t *testing.T) {
	var fs []journey.Finding
	for i := 250; i >= 1; i-- {
		fs = append(fs, journey.Finding{File: "a", Line: i, Column: 1, Rule: "r", Message: "m"})
	}
	fs = append(fs, journey.Finding{File: "a", Line: 1, Column: 1, Rule: "other", Message: "m"},
		journey.Finding{File: "b", Line: 1, Column: 1, Rule: "r", Message: "m"})
	got := journey.CapFindings(fs)
	if len(got) != journey.MaxFindingsPerRule+3 {
		t.Fatalf("%d findings, want %d", len(got), journey.MaxFindingsPerRule+3)
	}
	var last journey.Finding
	for _, f := range got {
		if f.File == "a" && f.Rule == "r" {
			last = f
		}
	}
	if last.Line != 101 || last.Message != "… and 150 more r findings like the ones above; journeymap reports at most 100 of one rule in one journey" {
		t.Errorf("last finding %s, want the summary at line 101", last)
	}
}

// TestIDControlCharacters: an id with a tab or line break is refused, in a
// touchpoint and as a key of a definition map; "a b" and "a<tab>b" would be
// one node in a diagram (found by FuzzRenderEscaping).
func TestIDControlCharacters(t *testing.T) {
	src := "version: 1\ntitle: T\nchannels:\n  \"we\\tb\": {kind: digital}\nstages:\n  - id: s\n    touchpoints:\n      - {id: \"a b\", channel: \"we\\tb\"}\n      - {id: \"a\\tb\", channel: \"we\\tb\"}\n      - {id: \"%\", channel: \"we\\tb\"}\n"
	_, fs := journey.Parse("c.journey.yaml", []byte(src))
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.Rule, f.Message))
	}
	want := []string{
		`4:3 range channel id "we\tb" contains a control character (U+0009); ids are names people type: letters, digits, spaces and punctuation`,
		`9:14 range touchpoint id "a\tb" contains a control character (U+0009); ids are names people type: letters, digits, spaces and punctuation`,
		`10:14 range touchpoint id "%" starts with %, which Graphviz reserves for nodes of its own; start it with a letter or digit`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
