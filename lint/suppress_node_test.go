package lint_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/lint"
)

// remaining lists the findings of rule as "rule subject", sorted.
func remaining(t *testing.T, src, rule string) string {
	t.Helper()
	p := write(t, t.TempDir(), "j.journey.yaml", src)
	var out []string
	for _, f := range run(t, []string{p}, lint.Options{}).Findings {
		if f.Rule == rule {
			out = append(out, string(f.Subject))
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestSuppressionByNode: a suppression comment covers the node it belongs
// to, not every node on the same line (SPEC §5).
func TestSuppressionByNode(t *testing.T) {
	const head = "version: 1\ntitle: T\nowner: o\n"
	tests := []struct {
		name, src, rule, want string
	}{{
		name: "trailing comment after two flow entries covers the last",
		src: head + "channels: {\n  kiosk: {kind: physical}, chat: {kind: digital},  # journeymap:ignore unused-definition\n  sms: {kind: digital}}\n" +
			"stages: [{id: s, touchpoints: [{id: a, channel: sms, emotion: 1}]}]\n",
		rule: "unused-definition", want: "channel:kiosk",
	}, {
		name: "comment above two flow entries covers the first",
		src: head + "channels: {\n  # journeymap:ignore unused-definition\n  kiosk: {kind: physical}, chat: {kind: digital},\n  sms: {kind: digital}}\n" +
			"stages: [{id: s, touchpoints: [{id: a, channel: sms, emotion: 1}]}]\n",
		rule: "unused-definition", want: "channel:chat",
	}, {
		name: "comment above two flow touchpoints covers the first",
		src: head + "channels: {app: {kind: digital}}\nstages:\n  - id: s\n    touchpoints: [\n" +
			"      # journeymap:ignore missing-emotion\n      {id: b, channel: app}, {id: a, channel: app}]\n",
		rule: "missing-emotion", want: "touchpoint:a",
	}, {
		name: "comment after the key of a flow list covers the whole list",
		src: head + "channels: {app: {kind: digital}}\nstages:\n  - id: s\n" +
			"    touchpoints: [{id: b, channel: app}, {id: a, channel: app}]  # journeymap:ignore missing-emotion\n",
		rule: "missing-emotion", want: "",
	}, {
		name: "comment above a flow mapping covers all of it",
		src: head + "# journeymap:ignore unused-definition\nchannels: {kiosk: {kind: physical}, chat: {kind: digital}, sms: {kind: digital}}\n" +
			"stages: [{id: s, touchpoints: [{id: a, channel: sms, emotion: 1}]}]\n",
		rule: "unused-definition", want: "",
	}, {
		name: "a block touchpoint, handoff into it included",
		src: head + "channels: {app: {kind: digital}, web: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n" +
			"      - {id: a, channel: app, emotion: 1}\n      # journeymap:ignore undocumented-handoff\n      - id: b\n        channel: web\n        emotion: 1\n" +
			"      - {id: c, channel: app, emotion: 1}\n",
		rule: "undocumented-handoff", want: "touchpoint:c",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := remaining(t, tc.src, tc.rule); got != tc.want {
				t.Errorf("%s findings left: %q, want %q", tc.rule, got, tc.want)
			}
		})
	}
}

// TestIgnoreFileAfterBOM: a byte order mark before the first line does not
// hide an ignore-file comment on it, with either line ending.
func TestIgnoreFileAfterBOM(t *testing.T) {
	src := "\uFEFF# journeymap:ignore-file missing-persona,missing-goal\nversion: 1\ntitle: T\nowner: o\n" +
		"channels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app, emotion: 1}]}]\n"
	for name, text := range map[string]string{"LF": src, "CRLF": strings.ReplaceAll(src, "\n", "\r\n")} {
		t.Run(name, func(t *testing.T) {
			p := write(t, t.TempDir(), "j.journey.yaml", text)
			for _, f := range run(t, []string{p}, lint.Options{}).Findings {
				if f.Rule == "missing-persona" || f.Rule == "missing-goal" {
					t.Errorf("not suppressed: %s", f)
				}
			}
		})
	}
}
