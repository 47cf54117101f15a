// Package golden compares test output with expected files kept in testdata.
// Run tests with TESTDATA_ACCEPT=1 to write the current output as expected.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Accept reports whether expected files should be rewritten.
func Accept() bool { return os.Getenv("TESTDATA_ACCEPT") != "" }

// Check compares got with the file at path. A mismatch fails the test with
// a line diff; TESTDATA_ACCEPT=1 writes got to path instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Accept() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with TESTDATA_ACCEPT=1 to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the output (TESTDATA_ACCEPT=1 accepts the new output):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff is a minimal line diff: lines only in want are prefixed "-", lines
// only in got "+", good enough to read a golden mismatch.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	// Longest common subsequence table, bounded to keep huge outputs cheap.
	if len(w)*len(g) > 4_000_000 {
		return "--- want\n" + want + "\n+++ got\n" + got
	}
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			i, j = i+1, j+1
		case j < len(g) && (i == len(w) || lcs[i][j+1] >= lcs[i+1][j]):
			b.WriteString("+ " + g[j] + "\n")
			j++
		default:
			b.WriteString("- " + w[i] + "\n")
			i++
		}
	}
	return b.String()
}
