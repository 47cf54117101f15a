package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

const messyJourney = `title: Messy
version: 1
stages:
- touchpoints:
  - {channel: app, id: a}   # first
  id: s
`

const tidyJourney = `version: 1
title: Messy
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app} # first
`

// TestFmtRewrites: fmt rewrites a messy file in place, keeps its mode,
// names it, and a second run changes nothing; --check then passes.
func TestFmtRewrites(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.journey.yaml")
	cliWriteFiles(t, dir, map[string]string{"a.journey.yaml": messyJourney, "tidy.journey.yaml": tidyJourney})
	if err := os.Chmod(f, 0o640); err != nil {
		t.Fatal(err)
	}
	r := cliRunArgs(t, "fmt", dir)
	if r.code != 0 || strings.TrimSpace(r.stdout) != f {
		t.Fatalf("fmt: %s", r)
	}
	got, _ := os.ReadFile(f)
	if string(got) != tidyJourney {
		t.Errorf("formatted:\n%s\nwant:\n%s", got, tidyJourney)
	}
	if st, _ := os.Stat(f); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	if r := cliRunArgs(t, "fmt", dir); r.code != 0 || r.stdout != "" {
		t.Errorf("second fmt: %s", r)
	}
	if r := cliRunArgs(t, "fmt", "--check", dir); r.code != 0 || r.stdout != "" {
		t.Errorf("--check after fmt: %s", r)
	}
	if r := cliRunArgs(t, "validate", dir); r.code != 1 || !strings.Contains(r.stdout, "unknown channel") {
		// Formatting does not make an invalid journey valid, nor the reverse.
		t.Errorf("validate: %s", r)
	}
}

// TestFmtCheckAndDiff: --check lists the files that would change and
// exits 1; --diff prints a unified diff; neither writes.
func TestFmtCheckAndDiff(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"a.journey.yaml": messyJourney, "b.journey.yaml": tidyJourney})
	f := filepath.Join(dir, "a.journey.yaml")
	r := cliRunArgs(t, "fmt", "--check", dir)
	if r.code != 1 || r.stdout != f+"\n" {
		t.Errorf("--check: %s", r)
	}
	r = cliRunArgs(t, "fmt", "--diff", f)
	name := filepath.ToSlash(f)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "--- "+name+"\n+++ "+name+"\n@@ -1,6 +1,6 @@\n-title: Messy\n version: 1\n+title: Messy\n") {
		t.Errorf("--diff: %s", r)
	}
	r = cliRunArgs(t, "fmt", "--check", "--diff", f)
	if r.code != 1 || !strings.Contains(r.stdout, "@@") {
		t.Errorf("--check --diff: %s", r)
	}
	if got, _ := os.ReadFile(f); string(got) != messyJourney {
		t.Errorf("--check or --diff wrote the file")
	}
}

// TestFmtStdin: - formats standard input to standard output.
func TestFmtStdin(t *testing.T) {
	r := cliRun(t, cliOpts{stdin: messyJourney}, "fmt", "-")
	if r.code != 0 || r.stdout != tidyJourney {
		t.Errorf("fmt -: %s", r)
	}
	r = cliRun(t, cliOpts{stdin: messyJourney}, "fmt", "--check", "-")
	if r.code != 1 || r.stdout != "<stdin>\n" {
		t.Errorf("fmt --check -: %s", r)
	}
	// A workspace on standard input gets the workspace key order.
	r = cliRun(t, cliOpts{stdin: "owners: {a: {}}\nversion: 1\n"}, "fmt", "-")
	if r.code != 0 || r.stdout != "version: 1\nowners: {a: {}}\n" {
		t.Errorf("workspace on stdin: %s", r)
	}
}

// TestFmtBrokenFile: a file that does not parse is left byte for byte,
// its syntax finding printed, exit 1; the other files are still formatted.
func TestFmtBrokenFile(t *testing.T) {
	dir := t.TempDir()
	broken := "version: 1\ntitle: [unclosed\nstages: []\n"
	cliWriteFiles(t, dir, map[string]string{"a.journey.yaml": broken, "b.journey.yaml": messyJourney})
	r := cliRunArgs(t, "fmt", dir)
	a := filepath.Join(dir, "a.journey.yaml")
	if r.code != 1 || !strings.Contains(r.stderr, a+":2:1: error: did not find expected") || !strings.Contains(r.stderr, "[syntax]") {
		t.Errorf("fmt on a broken file: %s", r)
	}
	if got, _ := os.ReadFile(a); string(got) != broken {
		t.Errorf("the broken file was changed")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "b.journey.yaml")); string(got) != tidyJourney {
		t.Errorf("the other file was not formatted")
	}
}

// TestFmtReadOnly: a read-only file is not replaced: a message, exit 1,
// the file as it was.
func TestFmtReadOnly(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"a.journey.yaml": messyJourney})
	f := filepath.Join(dir, "a.journey.yaml")
	if err := os.Chmod(f, 0o444); err != nil {
		t.Fatal(err)
	}
	r := cliRunArgs(t, "fmt", f)
	if r.code != 1 || !strings.Contains(r.stderr, "cannot format "+f+": it is read-only; the file is unchanged") {
		t.Errorf("fmt on a read-only file: %s", r)
	}
	if got, _ := os.ReadFile(f); string(got) != messyJourney {
		t.Errorf("the read-only file was changed")
	}
}

// TestFmtFullDisk: a write that fails (no space left) is reported, exit 1,
// and the original is intact.
func TestFmtFullDisk(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"a.journey.yaml": messyJourney})
	f := filepath.Join(dir, "a.journey.yaml")
	var out, errb bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb}
	err := runFmt(io, &fmtOptions{paths: []string{f}, write: func(string, []byte) error {
		return &os.PathError{Op: "write", Path: f + ".tmp", Err: syscall.ENOSPC}
	}})
	ee, ok := err.(*exitError)
	if !ok || ee.code != exitFindings {
		t.Fatalf("err = %v", err)
	}
	if want := "journeymap: cannot write " + f + ": no space left on device; the file is unchanged\n"; errb.String() != want {
		t.Errorf("stderr = %q, want %q", errb.String(), want)
	}
	if got, _ := os.ReadFile(f); string(got) != messyJourney {
		t.Errorf("the file was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

// TestFmtSymlink: a symbolic link to a journey stays a link; its target
// is formatted.
func TestFmtSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"real/a.journey.yaml": messyJourney})
	link := filepath.Join(dir, "link.journey.yaml")
	if err := os.Symlink(filepath.Join("real", "a.journey.yaml"), link); err != nil {
		t.Fatal(err)
	}
	if r := cliRunArgs(t, "fmt", link); r.code != 0 {
		t.Fatalf("fmt: %s", r)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "real", "a.journey.yaml")); string(got) != tidyJourney {
		t.Errorf("the target was not formatted:\n%s", got)
	}
	// Reached twice (the directory holds the file and a link to it): formatted once.
	if r := cliRunArgs(t, "fmt", "--check", dir); r.code != 0 {
		t.Errorf("--check: %s", r)
	}
}

// TestFmtUsage: paths that hold nothing to format are usage errors.
func TestFmtUsage(t *testing.T) {
	dir := t.TempDir()
	if r := cliRunArgs(t, "fmt", dir); r.code != 2 || !strings.Contains(r.stderr, "no journey files under") {
		t.Errorf("empty dir: %s", r)
	}
	if r := cliRunArgs(t, "fmt", filepath.Join(dir, "missing.journey.yaml")); r.code != 2 {
		t.Errorf("missing file: %s", r)
	}
	if r := cliRunArgs(t, "fmt", "--chek"); r.code != 2 {
		t.Errorf("bad flag: %s", r)
	}
}

// TestFmtSameStdinStdout: `fmt - < f > f` is refused, not a silent emptying.
func TestFmtSameStdinStdout(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.journey.yaml")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := os.Open(f)
	defer in.Close()
	out, _ := os.OpenFile(f, os.O_WRONLY, 0)
	defer out.Close()
	var errb bytes.Buffer
	code := Main([]string{"fmt", "-"}, &IO{In: in, Out: out, Err: &errb})
	if code != exitUsage || !strings.Contains(errb.String(), "the same file") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

// TestFmtRefusedLink: a link found in a directory that leads out of it is
// not followed (nothing outside the tree is rewritten) and says so, exit 1.
func TestFmtRefusedLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	outside := t.TempDir()
	cliWriteFiles(t, outside, map[string]string{"secret.journey.yaml": messyJourney})
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"a.journey.yaml": tidyJourney})
	if err := os.Symlink(filepath.Join(outside, "secret.journey.yaml"), filepath.Join(dir, "b.journey.yaml")); err != nil {
		t.Fatal(err)
	}
	r := cliRunArgs(t, "fmt", dir)
	if r.code != 1 || !strings.Contains(r.stderr, "symbolic link to a file outside") {
		t.Errorf("fmt: %s", r)
	}
	if got, _ := os.ReadFile(filepath.Join(outside, "secret.journey.yaml")); string(got) != messyJourney {
		t.Errorf("a file outside the directory was rewritten")
	}
}
