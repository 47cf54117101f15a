package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Cases found in code review, each a behaviour users rely on.

func TestRenderOutputNames(t *testing.T) {
	dir := t.TempDir()
	j := "version: 1\nid: x\ntitle: T\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: web}]}]\n"
	for _, p := range []string{"a/x.journey.yaml", "b/x.journey.yaml", "c/x-2.journey.yaml"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		content := j
		if strings.HasPrefix(p, "c/") {
			content = strings.Replace(j, "id: x\n", "id: x-2\n", 1)
		}
		os.WriteFile(filepath.Join(dir, p), []byte(content), 0o644)
	}
	out := filepath.Join(dir, "out")
	r := cliRunArgs(t, "render", dir, "-O", out, "--format", "dot")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.dot"))
	if len(files) != 3 {
		t.Errorf("%d maps for 3 journeys (colliding ids must not overwrite): %v", len(files), files)
	}
}

func TestRenderFormatFromName(t *testing.T) {
	dir := t.TempDir()
	plan := "../../examples/plan-upgrade.journey.yaml"
	if r := cliRunArgs(t, "render", plan, "-o", filepath.Join(dir, "x.jpg")); r.code != 2 || !strings.Contains(r.stderr, "cannot tell the format") {
		t.Errorf("unknown extension: exit %d\n%s", r.code, r)
	}
	r := cliRunArgs(t, "render", plan, "--format", "dot", "-o", filepath.Join(dir, "x.svg"))
	if r.code != 0 || !strings.Contains(r.stderr, "warning: writing dot") {
		t.Errorf("format and name disagree: exit %d\n%s", r.code, r)
	}
	if r := cliRunArgs(t, "render", plan, "--format", "png", "--dpi", "1200", "-o", filepath.Join(dir, "x.png")); r.code != 2 || !strings.Contains(r.stderr, "too large") {
		t.Errorf("too large a PNG is the user's to fix: exit %d\n%s", r.code, r)
	}
	if r := cliRunArgs(t, "render", plan, "--view", "emotion", "--rev", "-x", "-o", filepath.Join(dir, "r.svg")); r.code != 2 {
		t.Errorf("--rev -x: exit %d", r.code)
	}
}

func TestConfigChecks(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "t.journey.yaml"), []byte("version: 1\ntitle: T\nchannels: {web: {kind: digital, owner: o}}\nowner: o\nstages: [{id: s, touchpoints: [{id: a, channel: web, owner: o}, {id: b, channel: web, owner: o}, {id: c, channel: web, owner: o}]}]\n"), 0o644)
	ws := filepath.Join(dir, "journeymap.yaml")

	os.WriteFile(ws, []byte("version: 1\nlint: {rules: {missing-emotin: off}}\n"), 0o644)
	if r := cliRunArgs(t, "validate", dir); r.code != 2 || !strings.Contains(r.stderr, `did you mean "missing-emotion"`) {
		t.Errorf("validate with a misspelt rule: exit %d\n%s", r.code, r)
	}
	// A hexadecimal parameter is the number it spells, not 0.
	os.WriteFile(ws, []byte("version: 1\nlint: {rules: {channel-hopping: {max: 0x3}}}\n"), 0o644)
	if r := cliRunArgs(t, "lint", "--format", "json", dir); strings.Contains(r.stdout, "channel-hopping") {
		t.Errorf("max: 0x3 was read as 0:\n%s", r.stdout)
	}
	os.WriteFile(ws, []byte("version: 1\nlint: {rules: {stale-review: {max_age_days: 99999999999999}}}\n"), 0o644)
	if r := cliRunArgs(t, "lint", dir); r.code != 2 || !strings.Contains(r.stderr, "too large") {
		t.Errorf("huge parameter: exit %d\n%s", r.code, r)
	}
}

// failingWriter fails every write, like a full disk or a closed pipe.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestWriteFailureIsExit1(t *testing.T) {
	var errb bytes.Buffer
	code := Main([]string{"lint", "../../examples/plan-upgrade.journey.yaml"}, &IO{In: strings.NewReader(""), Out: failingWriter{}, Err: &errb})
	if code != 1 || !strings.Contains(errb.String(), "cannot write the report") || strings.Contains(errb.String(), "--help") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

// TestRenderEachOwnTheme: with -O, each journey is drawn with the theme of
// its own workspace.
func TestRenderEachOwnTheme(t *testing.T) {
	dir := t.TempDir()
	for name, theme := range map[string]string{"light-team": "light", "dark-team": "dark"} {
		os.MkdirAll(filepath.Join(dir, name), 0o755)
		os.WriteFile(filepath.Join(dir, name, "journeymap.yaml"), []byte("version: 1\nrender: {theme: "+theme+"}\n"), 0o644)
		os.WriteFile(filepath.Join(dir, name, name+".journey.yaml"), []byte("version: 1\ntitle: T\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: web}]}]\n"), 0o644)
	}
	out := filepath.Join(dir, "out")
	if r := cliRunArgs(t, "render", dir, "-O", out, "--format", "dot"); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r)
	}
	for name, bg := range map[string]string{"light-team": "#ffffff", "dark-team": "#111827"} {
		b, _ := os.ReadFile(filepath.Join(out, name+".dot"))
		if !bytes.Contains(b, []byte(`bgcolor="`+bg+`"`)) {
			t.Errorf("%s is not drawn in its workspace's theme (background %s)", name, bg)
		}
	}
}
