package fileerr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReason(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "missing.yaml"))
	if got := Reason(err); !errors.Is(got, fs.ErrNotExist) || got.Error() != "no such file or directory" {
		t.Errorf("Reason(%v) = %q", err, got)
	}
	wrapped := fmt.Errorf("loading: %w", err)
	if got := Reason(wrapped); got.Error() != "no such file or directory" {
		t.Errorf("Reason of a wrapped PathError = %q", got)
	}
	plain := errors.New("disk full")
	if got := Reason(plain); got != plain {
		t.Errorf("Reason(%v) = %v, want it unchanged", plain, got)
	}
}
