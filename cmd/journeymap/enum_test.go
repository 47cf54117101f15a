package main

import (
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

// TestEnumFlags: each enum flag completes, documents and accepts exactly
// the values of its one list, and refuses anything else as a usage error.
func TestEnumFlags(t *testing.T) {
	tests := []struct {
		cmd, flag string
		values    []string
	}{
		{"lint", "format", lintFormats()},
		{"lint", "fail-on", journey.Severities()},
		{"validate", "format", validateFormats()},
		{"render", "view", render.Views()},
		{"render", "format", render.Formats()},
		{"render", "size", render.SlideSizes()},
	}
	for _, tc := range tests {
		t.Run(tc.cmd+" --"+tc.flag, func(t *testing.T) {
			r := cliRunArgs(t, "__complete", tc.cmd, "--"+tc.flag, "")
			got := strings.Split(strings.TrimSpace(r.stdout), "\n")
			if len(got) == 0 || !strings.HasPrefix(got[len(got)-1], ":") {
				t.Fatalf("no completion directive in %q", r.stdout)
			}
			if strings.Join(got[:len(got)-1], " ") != strings.Join(tc.values, " ") {
				t.Errorf("completes %v, want %v", got[:len(got)-1], tc.values)
			}
			help := cliRunArgs(t, tc.cmd, "--help").stdout
			if !strings.Contains(help, strings.Join(tc.values, "|")) {
				t.Errorf("--help does not list %s", strings.Join(tc.values, "|"))
			}
			bad := cliRunArgs(t, tc.cmd, "--"+tc.flag, "nonsense", "testdata/lint/ok")
			if bad.code != exitUsage || !strings.Contains(bad.stderr, `invalid value "nonsense" for --`+tc.flag+`: use one of `+strings.Join(tc.values, ", ")) {
				t.Errorf("a bad value: exit %d, stderr %q", bad.code, bad.stderr)
			}
		})
	}
}
