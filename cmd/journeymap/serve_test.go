package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServeUsageErrors(t *testing.T) {
	cliAtRoot(t)
	empty := t.TempDir()
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:0", "examples/"}, "not a loopback address"},
		{[]string{"serve", "--addr", ":0", "examples/"}, "every network interface"},
		{[]string{"serve", "--addr", "nonsense", "examples/"}, "HOST:PORT"},
		{[]string{"serve", "--addr", "127.0.0.1:0", empty}, "no journey files"},
		{[]string{"serve", "--addr", "127.0.0.1:0", "-"}, "standard input"},
		{[]string{"serve", "--addr", "127.0.0.1:0", "no-such-dir"}, "no-such-dir"},
	} {
		r := cliRunArgs(t, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.stderr) {
			t.Errorf("journeymap %s: exit %d, want 2 mentioning %q\n%s", strings.Join(tc.args, " "), r.code, tc.stderr, r)
		}
	}
}

// TestServeRunsAndStops: the server answers on the address it reports and
// stops cleanly when interrupted (the context standing in for Ctrl-C).
func TestServeRunsAndStops(t *testing.T) {
	cliAtRoot(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	var errb bytes.Buffer
	io := &IO{Out: &bytes.Buffer{}, Err: &errb, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, io, &serveOptions{paths: []string{"examples/"}, addr: "127.0.0.1:0", ready: func(a string) { addr <- a }})
	}()
	var a string
	select {
	case a = <-addr:
	case err := <-done:
		t.Fatalf("serve ended before listening: %v\n%s", err, errb.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get("http://" + a + "/api/journeys")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /api/journeys: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after an interrupt, want a clean stop", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop within 5 s of an interrupt")
	}
	if !strings.Contains(errb.String(), "serving") || !strings.Contains(errb.String(), "stopped") {
		t.Errorf("stderr should say where it serves and that it stopped:\n%s", errb.String())
	}
}
