package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/gittest"
)

// TestRenderRev: --rev overlays the journey as it was at a git revision
// with the working copy in the emotion view.
func TestRenderRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := gittest.Runner(t, dir)
	src := filepath.Join(dir, "as.journey.yaml")
	journey := func(a, b int) string {
		return "version: 1\ntitle: Claim\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [" +
			"{id: a, channel: app, emotion: " + strconv.Itoa(a) + "}, {id: b, channel: app, emotion: " + strconv.Itoa(b) + "}]}]\n"
	}
	os.WriteFile(src, []byte(journey(-2, -1)), 0o644)
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "as-is")
	os.WriteFile(src, []byte(journey(1, 2)), 0o644)

	out := filepath.Join(dir, "curves.dot")
	var stderr bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &stderr}
	err := runRender(context.Background(), io, &renderOptions{paths: []string{src}, view: "emotion", format: "dot", out: out, dpi: 96, revs: []string{"HEAD"}})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	dot, _ := os.ReadFile(out)
	for _, want := range []string{`"1/a"`, `"2/a"`, "Claim @ HEAD", "Claim (working copy)"} {
		if !bytes.Contains(dot, []byte(want)) {
			t.Errorf("the overlay lacks %s", want)
		}
	}
	err = runRender(context.Background(), io, &renderOptions{paths: []string{src}, view: "emotion", format: "dot", out: out, dpi: 96, revs: []string{"no-such-rev"}})
	if ee, ok := err.(*exitError); !ok || ee.code != exitUsage {
		t.Errorf("an unknown revision gave %v, want a usage error", err)
	}
}
