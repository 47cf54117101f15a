package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestWatch: --watch renders once, renders again when the journey changes,
// keeps going when the journey becomes invalid, and stops when cancelled.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "w.journey.yaml")
	out := filepath.Join(dir, "w.dot")
	journey := func(title string) string {
		return "version: 1\ntitle: " + title + "\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n"
	}
	if err := os.WriteFile(src, []byte(journey("First")), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	io := &IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: stderr}
	done := make(chan error, 1)
	go func() {
		done <- runRender(ctx, io, &renderOptions{paths: []string{src}, view: "flow", format: "dot", out: out, dpi: 96, watch: true})
	}()
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				cancel()
				t.Fatalf("gave up waiting for %s", what)
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
	waitFor("the first render", contains("First"))

	// Make the journey invalid: watch reports it and keeps the last map.
	os.WriteFile(src, []byte("version: 1\ntitle: Broken\nstages: [{id: s, touchpoints: [{id: a, channel: nowhere}]}]\n"), 0o644)
	waitFor("the problem report", func() bool { return strings.Contains(stderr.String(), "problems found") })
	if !contains("First")() {
		t.Error("an invalid journey overwrote the last good map")
	}

	os.WriteFile(src, []byte(journey("Second")), 0o644)
	waitFor("the re-render", contains("Second"))

	// An editor or git may remove the file for a moment: watch keeps going.
	os.Rename(src, src+".bak")
	waitFor("the missing-file note", func() bool { return strings.Contains(stderr.String(), "watching for it to come back") })
	os.WriteFile(src, []byte(journey("Third")), 0o644)
	waitFor("the render after the file came back", contains("Third"))

	// A change to the workspace renders again too.
	os.WriteFile(filepath.Join(dir, "journeymap.yaml"), []byte("version: 1\nrender: {theme: dark}\n"), 0o644)
	waitFor("the render after a workspace change", contains("#111827"))
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("watch ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not stop when cancelled")
	}
}

// syncBuffer lets the test read stderr while watch writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
