//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.svg")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "x.svg"), []byte("x"), 0o644); err == nil {
		t.Error("writing into a missing directory must fail")
	}
}

// within fails the test when f does not return within 2 s.
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

// TestWriteMode: a new file gets perm less the umask; a replaced file keeps
// its mode exactly.
func TestWriteMode(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	p := filepath.Join(dir, "new.svg")
	if err := Write(p, []byte("x"), 0o666); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v, want 0640 (0666 less umask 027)", st.Mode().Perm())
	}
	kept := filepath.Join(dir, "kept.svg")
	os.WriteFile(kept, nil, 0o600)
	os.Chmod(kept, 0o604)
	if err := Write(kept, []byte("x"), 0o666); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(kept); st.Mode().Perm() != 0o604 {
		t.Errorf("replaced file mode %v, want its old 0604", st.Mode().Perm())
	}
}

// TestWriteRefusesSpecialTargets: Write never writes into a device, a FIFO
// or through a link to one; it never blocks; the target is left alone.
func TestWriteRefusesSpecialTargets(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.svg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs: %v", err)
	}
	devLink := filepath.Join(dir, "null.svg")
	os.Symlink("/dev/null", devLink)
	fifoLink := filepath.Join(dir, "fifo-link.svg")
	os.Symlink(fifo, fifoLink)
	sub := filepath.Join(dir, "dir.svg")
	os.Mkdir(sub, 0o755)
	for _, p := range []string{fifo, devLink, fifoLink, sub, "/dev/null"} {
		within(t, p, func() {
			err := Write(p, []byte("<svg/>"), 0o666)
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("Write(%s) = %v, want ErrNotRegular", p, err)
			}
		})
	}
	if st, err := os.Lstat(devLink); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the refused link was replaced")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestWriteReplacesALink: a link to a regular file is replaced by the new
// file; what it pointed to is untouched (nothing is written outside the
// target directory).
func TestWriteReplacesALink(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "bashrc")
	os.WriteFile(outside, []byte("precious"), 0o644)
	link := filepath.Join(t.TempDir(), "x.svg")
	os.Symlink(outside, link)
	if err := Write(link, []byte("<svg/>"), 0o666); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(outside); string(b) != "precious" {
		t.Errorf("the link's target was written: %q", b)
	}
	if st, _ := os.Lstat(link); !st.Mode().IsRegular() {
		t.Errorf("the target is %v, want a regular file", st.Mode())
	}
}

// TestWriteNamed: a device or FIFO the user named is written into.
func TestWriteNamed(t *testing.T) {
	if err := WriteNamed("/dev/null", []byte("x"), 0o666); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs: %v", err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	within(t, "a FIFO with a reader", func() {
		if err := WriteNamed(fifo, []byte("<svg/>"), 0o666); err != nil {
			t.Error(err)
		}
	})
	if b := <-got; string(b) != "<svg/>" {
		t.Errorf("read %q from the FIFO", b)
	}
}

// TestRemoveStale: temporary files a killed write left are removed before
// the next write of the same target; one still being written (locked), or
// another target's, is not.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "a.svg")
	// A killed writer: created and locked, then the lock went with it.
	dead, err := createTemp(target, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	dead.Close()
	// A live writer, still holding its lock.
	live, err := createTemp(target, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	for _, name := range []string{".b.svg.tmp-1", ".a.svg.tmp-x", "a.svg.tmp-1"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	n, err := RemoveStale(dir, []string{"a.svg"})
	if err != nil || n != 1 {
		t.Errorf("RemoveStale removed %d (%v), want 1", n, err)
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{".a.svg.tmp-x", ".b.svg.tmp-1", filepath.Base(live.Name()), "a.svg.tmp-1"}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}

// TestLongName: a target name near the 255-byte limit still gets a
// temporary name that fits.
func TestLongName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, longName(250))
	if err := Write(name, []byte("x"), 0o666); err != nil {
		t.Fatal(err)
	}
}

func longName(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a'
	}
	return string(b)
}

func TestWriteNoSyncThenSyncDir(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.svg", "b.svg"} {
		p := filepath.Join(dir, name)
		if err := WriteOptions(p, []byte(name), 0o644, Options{NoSync: true}); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(p); string(b) != name {
			t.Errorf("%s: content %q", name, b)
		}
	}
	if err := SyncDir(dir); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("entries %v, want the two files only", entries)
	}
	if err := SyncDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("syncing a missing directory must fail")
	}
}
