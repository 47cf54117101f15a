package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mainEnv makes the test binary run Main with the arguments in argsEnv
// (separated by \x1f), as a fresh journeymap process would.
const (
	mainEnv = "JOURNEYMAP_TEST_AS_MAIN"
	argsEnv = "JOURNEYMAP_TEST_ARGS"
)

func TestAsMain(t *testing.T) {
	if os.Getenv(mainEnv) != "1" {
		t.Skip("runs only as a subprocess of TestDrawingNothingStartsNoEngine")
	}
	os.Exit(Main(strings.Split(os.Getenv(argsEnv), "\x1f"), DefaultIO()))
}

// Commands that draw nothing never start the WebAssembly Graphviz (it used
// to start in a package init, in every command, and load native code from
// $TMPDIR). Starting it creates the user's compiled-code cache, so a fresh
// cache directory that stays empty shows it did not start; the render at
// the end shows that the check can fail.
func TestDrawingNothingStartsNoEngine(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "plan-upgrade.journey.yaml")
	out := filepath.Join(t.TempDir(), "plan.svg")
	for _, c := range []struct {
		args   []string
		starts bool
	}{
		{[]string{"version"}, false},
		{[]string{"--help"}, false},
		{[]string{"validate", example}, false},
		{[]string{"lint", example}, false},
		{[]string{"rules"}, false},
		{[]string{"render", "--format", "dot", example}, false},
		{[]string{"render", "--format", "svg", "-o", out, example}, true},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			if c.starts && raceEnabled {
				t.Skip("compiles Graphviz, too slow under -race")
			}
			cache, tmp := t.TempDir(), t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestAsMain$")
			cmd.Env = append(os.Environ(), mainEnv+"=1", argsEnv+"="+strings.Join(c.args, "\x1f"),
				"XDG_CACHE_HOME="+cache, "HOME="+cache, "TMPDIR="+tmp)
			b, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 1 {
				t.Fatalf("exit %d:\n%s", ee.ExitCode(), b)
			} else if err != nil && !ok {
				t.Fatal(err)
			}
			if strings.Contains(string(b), "goroutine ") {
				t.Fatalf("stack trace:\n%s", b)
			}
			_, err = os.Stat(filepath.Join(cache, "journeymap"))
			if started := err == nil; started != c.starts {
				t.Errorf("engine started = %v, want %v", started, c.starts)
			}
			if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
				t.Errorf("wrote to $TMPDIR: %v", entries)
			}
		})
	}
}
