package render

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// TestFindingsBySubject: the views place lint findings by their subject,
// never by line, so two items written on one line of flow-style YAML each
// keep their own findings (issue 8): "channel web unused" is not drawn on
// channel app, and b's missing emotion is not drawn on a.
func TestFindingsBySubject(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "flow-style.journey.yaml")
	writeFile(t, p, `version: 1
title: Flow style
owner: team
persona: {name: P}
goal: G
reviewed: 2026-11-01
channels: {app: {name: App, kind: digital, owner: team}, web: {name: Web, kind: digital, owner: team}}
stages: [{id: s, touchpoints: [{id: b, channel: app, owner: team}, {id: a, channel: app, owner: team, emotion: 1}]}]
`)
	set, err := journey.Load([]string{p}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(set, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.Rule+"@"+string(f.Subject))
	}
	got := strings.Join(rules, " ")
	for _, want := range []string{"missing-emotion@touchpoint:b", "unused-definition@channel:web"} {
		if !strings.Contains(got, want) {
			t.Fatalf("lint found %s; the test needs %s", got, want)
		}
	}
	j := set.Journeys[0]
	for _, view := range Views() {
		dot, _, err := DOT([]*journey.Journey{j}, Options{View: view, Findings: res.Findings})
		if err != nil {
			t.Fatal(err)
		}
		switch view {
		case "flow":
			if line := nodeLine(t, dot, "a"); strings.Contains(line, "missing-emotion") {
				t.Errorf("flow: b's missing-emotion drawn on a:\n%s", line)
			}
			if line := nodeLine(t, dot, "b"); !strings.Contains(line, "missing-emotion") {
				t.Errorf("flow: b's missing-emotion not drawn on b:\n%s", line)
			}
		case "channels":
			if line := nodeLine(t, dot, "app"); strings.Contains(line, "unused-definition") {
				t.Errorf("channels: web's finding drawn on app:\n%s", line)
			}
		}
		// The unused channel has no element in any view (it is not used), so
		// its finding is listed, and nothing marks app with it.
		if !strings.Contains(string(dot), "<B>▲ unused-definition</B>") {
			t.Errorf("%s: the unused channel's finding is not listed", view)
		}
	}
}
