// Package golden compares test output with expected files kept in testdata.
// Run tests with TESTDATA_ACCEPT=1 to write the current output as expected.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/internal/textdiff"
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

// Diff is a unified diff from want to got, the same one `journeymap fmt
// --diff` prints, to read a golden mismatch.
func Diff(want, got string) string {
	return textdiff.Unified("want", "got", want, got, 3)
}
