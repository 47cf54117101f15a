// Package gittest runs git in tests that need a repository: --rev,
// --new-from-rev and diff --rev read files as git has them.
package gittest

import (
	"os/exec"
	"testing"
)

// Runner returns a function that runs git in dir with a fixed identity and
// fails the test when git fails. The test is skipped when git is missing.
func Runner(t testing.TB, dir string) func(args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	return func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}
