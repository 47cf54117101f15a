package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cliRepoRoot is the module root. Tests run the CLI from there (t.Chdir), so
// that file names in outputs and golden files read as a user at the root of
// the repository would see them: testdata/..., examples/...
var cliRepoRoot = func() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Clean(filepath.Join(wd, "..", ".."))
}()

// cliGolden is the directory of this package's golden files.
var cliGolden = filepath.Join(cliRepoRoot, "testdata", "cli")

// cliResult is what one in-process run of journeymap produced.
type cliResult struct {
	code   int
	stdout string
	stderr string
}

func (r cliResult) String() string {
	return "exit " + strconv.Itoa(r.code) + "\n--- stdout:\n" + cliClip(r.stdout) + "\n--- stderr:\n" + cliClip(r.stderr)
}

func cliClip(s string) string {
	const max = 4000
	if len(s) > max {
		return s[:max] + "\n... (clipped)"
	}
	return s
}

// cliOpts tunes the IO of a run.
type cliOpts struct {
	stdin    string
	terminal bool
	noColor  bool
	env      map[string]string
}

// cliRun runs journeymap in-process with buffer-backed IO and checks the
// guarantee that holds for every input: no Go stack trace, ever.
func cliRun(t testing.TB, o cliOpts, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IO{
		In:       strings.NewReader(o.stdin),
		Out:      &out,
		Err:      &errb,
		Terminal: o.terminal,
		NoColor:  o.noColor,
		Getenv:   func(k string) string { return o.env[k] },
	}
	code := Main(args, io)
	r := cliResult{code: code, stdout: out.String(), stderr: errb.String()}
	cliNoStackTrace(t, args, r)
	return r
}

// cliRunArgs is cliRun with default IO: not a terminal, no stdin.
func cliRunArgs(t testing.TB, args ...string) cliResult {
	t.Helper()
	return cliRun(t, cliOpts{}, args...)
}

var cliStackTrace = regexp.MustCompile(`goroutine \d|goroutine |panic:|\.go:\d+`)

func cliNoStackTrace(t testing.TB, args []string, r cliResult) {
	t.Helper()
	for name, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if m := cliStackTrace.FindString(s); m != "" {
			t.Errorf("journeymap %s: %s contains %q, which looks like a Go stack trace:\n%s", strings.Join(args, " "), name, m, cliClip(s))
		}
	}
	if r.code == exitInternal {
		t.Errorf("journeymap %s: exit 3 (internal fault):\n%s", strings.Join(args, " "), r)
	}
}

// cliAtRoot makes the repository root the working directory for the test.
func cliAtRoot(t *testing.T) {
	t.Helper()
	t.Chdir(cliRepoRoot)
}

// cliWriteFiles creates files (name -> content) under dir.
func cliWriteFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func cliHasANSI(s string) bool { return strings.Contains(s, "\x1b[") }
