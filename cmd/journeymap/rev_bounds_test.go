package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/internal/gittest"
)

// TestRenderRevBounded: the old side of --rev goes through the same 8 MiB
// bound as every input: git is stopped, not read to the end.
func TestRenderRevBounded(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := gittest.Runner(t, dir)
	src := filepath.Join(dir, "as.journey.yaml")
	os.WriteFile(src, bytes.Repeat([]byte("# padding\n"), 1<<20), 0o644) // 10 MiB
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "huge")
	os.WriteFile(src, []byte("version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app, emotion: 1}]}]\n"), 0o644)

	start := time.Now()
	io := &IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	err := runRender(context.Background(), io, &renderOptions{paths: []string{src}, view: "emotion", format: "dot", out: filepath.Join(dir, "c.dot"), dpi: 96, revs: []string{"HEAD"}})
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), "as.journey.yaml at HEAD: file is larger than 8 MiB") {
		t.Errorf("got %v, want exit 2 naming the file too large at HEAD", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}
