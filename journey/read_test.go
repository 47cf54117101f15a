//go:build unix

package journey

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// within fails the test when f does not return within 2 s: no input may
// make journeymap wait.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatalf("%s: still blocked after 2 s", what)
	}
}

func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.journey.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, path := range []string{fifo, "/dev/zero", "/dev/null", dir} {
		within(t, path, func() {
			_, err := ReadFile(path)
			var nr *NotRegularError
			if !errors.As(err, &nr) {
				t.Errorf("ReadFile(%s) = %v, want a NotRegularError", path, err)
			}
		})
	}
}

// TestOpenNoBlock: a regular file swapped for a FIFO between ReadFile's
// Stat and its Open must not block the open; the check after it refuses.
func TestOpenNoBlock(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "f")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	within(t, "open of a FIFO without a writer", func() {
		f, err := openNoBlock(fifo)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err != nil || st.Mode().IsRegular() {
			t.Errorf("stat of the opened FIFO: %v, %v", st, err)
		}
	})
}

func TestReadAllIsBounded(t *testing.T) {
	within(t, "an endless reader", func() {
		if _, err := ReadAll(zeros{}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("endless reader: %v, want ErrTooLarge", err)
		}
	})
	dir := t.TempDir()
	for size, wantErr := range map[int]error{MaxFileSize: nil, MaxFileSize + 1: ErrTooLarge} {
		p := filepath.Join(dir, "big.journey.yaml")
		if err := os.WriteFile(p, bytes.Repeat([]byte("#"), size), 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := ReadFile(p)
		if !errors.Is(err, wantErr) {
			t.Errorf("%d bytes: error %v, want %v", size, err, wantErr)
		}
		if err == nil && len(src) != size {
			t.Errorf("%d bytes: read %d", size, len(src))
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

var _ io.Reader = zeros{}

// TestReadAllWithSizeHint: whatever the size hint (a file can grow or
// shrink between its stat and its read), readAll returns exactly the bytes
// there are.
func TestReadAllWithSizeHint(t *testing.T) {
	for _, size := range []int{0, 1, 511, 512, 513, 6000, 70_000} {
		want := make([]byte, size)
		for i := range want {
			want[i] = byte('a' + i%26)
		}
		for _, hint := range []int{0, size / 2, size - 1, size, size + 1, size * 2} {
			if hint < 0 {
				continue
			}
			got, err := readAll(bytes.NewReader(want), hint)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("size %d, hint %d: got %d bytes, %v", size, hint, len(got), err)
			}
		}
	}
}
