//go:build unix

package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/journeymap/journeymap/lint"
)

// TestReadBaselineNotRegular: a FIFO named as the baseline is refused at
// once; opening it would block until something writes to it.
func TestReadBaselineNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "baseline.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := lint.ReadBaseline(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file (a FIFO)") {
			t.Errorf("got %v, want a 'not a regular file (a FIFO)' error", err)
		}
	case <-time.After(5 * time.Second):
		// Unblock the reader so the test binary can exit.
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("ReadBaseline blocked on a FIFO")
	}
}
