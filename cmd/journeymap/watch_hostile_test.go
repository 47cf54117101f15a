//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWatchKeepsWatching: once it has rendered, --watch rides out what an
// editor, git or a build does to a folder for a moment — no journeys, a
// file turned into a directory, a FIFO — and stops with exit 2 when its
// output becomes one of its inputs.
func TestWatchKeepsWatching(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "w.journey.yaml")
	out := filepath.Join(t.TempDir(), "w.dot")
	journey := func(title string) []byte {
		return []byte("version: 1\ntitle: " + title + "\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n")
	}
	os.WriteFile(src, journey("First"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &syncBuffer{}
	io := &IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: stderr}
	done := make(chan error, 1)
	go func() {
		done <- runRender(ctx, io, &renderOptions{paths: []string{dir}, view: "flow", format: "dot", out: out, dpi: 96, watch: true})
	}()
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !ok() {
			select {
			case err := <-done:
				t.Fatalf("watch ended while waiting for %s: %v\n%s", what, err, stderr.String())
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("gave up waiting for %s\n%s", what, stderr.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	contains := func(s string) func() bool {
		return func() bool {
			b, _ := os.ReadFile(out)
			return bytes.Contains(b, []byte(s))
		}
	}
	count := func(s string) func() int { return func() int { return strings.Count(stderr.String(), s) } }
	waitFor("the first render", contains("First"))

	// The folder holds no journey for a moment.
	os.Remove(src)
	waitFor("the note that the folder is empty", func() bool { return strings.Contains(stderr.String(), "no journey files") })
	os.WriteFile(src, journey("Second"), 0o644)
	waitFor("the render after the journey came back", contains("Second"))

	// The journey becomes a directory, then a file again.
	os.Remove(src)
	os.Mkdir(src, 0o755)
	notes := count("watching for it to come back")
	n := notes()
	waitFor("the note about the directory", func() bool { return notes() > n })
	os.Remove(src)
	os.WriteFile(src, journey("Third"), 0o644)
	waitFor("the render after the directory", contains("Third"))

	// A FIFO in its place is a finding, not a hang.
	os.Remove(src)
	if err := syscall.Mkfifo(src, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the FIFO finding", func() bool { return strings.Contains(stderr.String(), "not a regular file (a FIFO)") })
	os.Remove(src)
	os.WriteFile(src, journey("Fourth"), 0o644)
	waitFor("the render after the FIFO", contains("Fourth"))

	// The output becomes an input: refused, exit 2, the input intact.
	os.Remove(out)
	if err := os.Link(src, out); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(src, journey("Fifth"), 0o644) // a change, so it renders again
	select {
	case err := <-done:
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), "is the same file as the input") {
			t.Errorf("watch onto its input ended with %v, want exit 2", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("watch kept writing onto its input\n%s", stderr.String())
	}
	if b, _ := os.ReadFile(src); !bytes.Contains(b, []byte("Fifth")) {
		t.Errorf("the input was overwritten: %q", b)
	}
}

// TestWatchOwnInput: --watch onto its own input is refused at once.
func TestWatchOwnInput(t *testing.T) {
	src := filepath.Join(t.TempDir(), "plan.dot")
	os.WriteFile(src, []byte("version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n"), 0o644)
	io := &IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	err := runRender(context.Background(), io, &renderOptions{paths: []string{src}, view: "flow", format: "dot", out: src, dpi: 96, watch: true})
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage {
		t.Fatalf("got %v, want exit 2", err)
	}
}

// TestWatchStampUsesDiscover: --watch looks at what Discover finds, so a
// change under node_modules or a hidden directory renders nothing again,
// and a new journey does.
func TestWatchStampUsesDiscover(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{
		"a.journey.yaml":                  "version: 1\n",
		"node_modules/x/n.journey.yaml":   "version: 1\n",
		"vendor/v.journey.yaml":           "version: 1\n",
		".cache/c.journey.yaml":           "version: 1\n",
		"sub/journeymap.yaml":             "version: 1\n",
		"sub/deeper/notes.txt":            "",
		"sub/deeper/d.journey.yaml":       "version: 1\n",
		"other/unrelated/journeymap.yaml": "version: 1\n",
	})
	opts := &renderOptions{paths: []string{dir}}
	first := inputStamp(opts)
	for _, name := range []string{"node_modules/x/n.journey.yaml", "vendor/v.journey.yaml", ".cache/c.journey.yaml", "sub/deeper/notes.txt", "other/unrelated/journeymap.yaml"} {
		os.WriteFile(filepath.Join(dir, name), []byte("version: 1\ntitle: changed, and longer\n"), 0o644)
		if inputStamp(opts) != first {
			t.Errorf("a change to %s would render again", name)
		}
	}
	for _, name := range []string{"sub/journeymap.yaml", "new.journey.yaml"} {
		os.WriteFile(filepath.Join(dir, name), []byte("version: 1\ntitle: changed, and longer\n"), 0o644)
		if inputStamp(opts) == first {
			t.Errorf("a change to %s would go unnoticed", name)
		}
		first = inputStamp(opts)
	}
}
