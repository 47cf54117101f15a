package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
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
