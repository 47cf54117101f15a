//go:build unix

package main

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestStartupIsLean keeps work out of the start of every command. What
// runs before main runs for `version` as much as for `render`: a
// package-level regexp.MustCompile, a table built in an init, or a
// dependency with a heavy init (protobuf's descriptor machinery, which
// cel-go's top-level package brings) costs every CI job that calls
// journeymap. docs/performance.md has the measurements.
func TestStartupIsLean(t *testing.T) {
	t.Run("no heavy dependency is linked", func(t *testing.T) {
		out, err := exec.Command("go", "list", "-deps", ".").Output()
		if err != nil {
			t.Skipf("go list: %v", err)
		}
		deps := map[string]bool{}
		for _, p := range strings.Fields(string(out)) {
			deps[p] = true
		}
		for _, heavy := range []string{
			"cel.dev/cel-go/cel",                           // links protodesc: use cel-go's parser, checker, interpreter (lint/custom_cel.go)
			"google.golang.org/protobuf/reflect/protodesc", // half a millisecond of init
			"google.golang.org/protobuf/types/descriptorpb",
		} {
			if deps[heavy] {
				t.Errorf("journeymap links %s, whose package initialisation runs before every command", heavy)
			}
		}
	})

	t.Run("our packages' init allocates little", func(t *testing.T) {
		cmd := journeymapProcess(t, t.TempDir(), "version")
		cmd.Env = append(cmd.Env, "GODEBUG=inittrace=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("version: %v\n%s", err, out)
		}
		const module = "github.com/journeymap/journeymap/"
		var bytes, allocs, seen int
		var report strings.Builder
		for _, line := range strings.Split(string(out), "\n") {
			// init PKG @T ms, C ms clock, B bytes, A allocs
			var pkg string
			var at, clock float64
			var b, a int
			if _, err := fmt.Sscanf(line, "init %s @%f ms, %f ms clock, %d bytes, %d allocs", &pkg, &at, &clock, &b, &a); err != nil {
				continue
			}
			// The package under test carries its test files' variables.
			if !strings.HasPrefix(pkg, module) || pkg == module+"cmd/journeymap" {
				continue
			}
			seen++
			bytes += b
			allocs += a
			if b > 1024 {
				fmt.Fprintf(&report, "\n  %s: %d bytes, %d allocs", pkg, b, a)
			}
		}
		if seen == 0 {
			t.Fatalf("no init trace for journeymap's packages in:\n%s", out)
		}
		// Today about 10 KB in 250 allocations; one package-level
		// regexp is 10–40 KB.
		if bytes > 48<<10 || allocs > 600 {
			t.Errorf("journeymap's packages allocate %d bytes in %d allocations before main; keep work out of init (internal/lazyre for patterns):%s", bytes, allocs, report.String())
		}
	})
}
