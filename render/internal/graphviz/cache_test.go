package graphviz

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestPrepareCacheDirCreatesPrivateDirs(t *testing.T) {
	base := filepath.Join(t.TempDir(), "cache")
	dir, err := prepareCacheDir(base)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.EvalSymlinks(filepath.Dir(base))
	if dir != filepath.Join(want, "cache", "journeymap", "wazero") {
		t.Errorf("dir = %s", dir)
	}
	for _, p := range []string{filepath.Dir(dir), dir} {
		st, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !st.IsDir() || st.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, want a 0700 directory", p, st.Mode())
		}
	}
	// Again, now that it exists.
	if again, err := prepareCacheDir(base); err != nil || again != dir {
		t.Errorf("second call: %q, %v", again, err)
	}
}

// Each way a cache directory can be unsafe, planted before the first run.
func TestPrepareCacheDirRefusesUnsafeDirs(t *testing.T) {
	cases := []struct {
		name  string
		plant func(t *testing.T, base string)
		want  string
	}{
		{"world-writable journeymap dir", func(t *testing.T, base string) {
			mkdir(t, filepath.Join(base, "journeymap"), 0o777)
		}, "open to other users"},
		{"group-readable wazero dir", func(t *testing.T, base string) {
			mkdir(t, filepath.Join(base, "journeymap"), 0o700)
			mkdir(t, filepath.Join(base, "journeymap", "wazero"), 0o750)
		}, "open to other users"},
		{"journeymap is a link", func(t *testing.T, base string) {
			other := filepath.Join(filepath.Dir(base), "elsewhere")
			mkdir(t, other, 0o700)
			if err := os.Symlink(other, filepath.Join(base, "journeymap")); err != nil {
				t.Fatal(err)
			}
		}, "not a directory"},
		{"wazero is a file", func(t *testing.T, base string) {
			mkdir(t, filepath.Join(base, "journeymap"), 0o700)
			write(t, filepath.Join(base, "journeymap", "wazero"), 0o600)
		}, "not a directory"},
		{"FIFO as a cache entry", func(t *testing.T, base string) {
			v := filepath.Join(base, "journeymap", "wazero", "wazero-v1-amd64-linux")
			mkdirAll(t, v)
			if err := syscall.Mkfifo(filepath.Join(v, "0123abcd"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"link as a cache entry", func(t *testing.T, base string) {
			v := filepath.Join(base, "journeymap", "wazero", "wazero-v1-amd64-linux")
			mkdirAll(t, v)
			if err := os.Symlink("/etc/passwd", filepath.Join(v, "0123abcd")); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"writable cache entry", func(t *testing.T, base string) {
			v := filepath.Join(base, "journeymap", "wazero", "wazero-v1-amd64-linux")
			mkdirAll(t, v)
			write(t, filepath.Join(v, "0123abcd"), 0o666)
		}, "open to other users"},
		{"world-writable parent", func(t *testing.T, base string) {
			if err := os.Chmod(base, 0o777); err != nil {
				t.Fatal(err)
			}
		}, "writable by others"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := filepath.Join(t.TempDir(), "cache")
			mkdir(t, base, 0o700)
			c.plant(t, base)
			_, err := prepareCacheDir(base)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
}

// As root, plant what another user could leave: a directory or a cache
// entry owned by uid 12345.
func TestPrepareCacheDirRefusesOtherOwners(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give files away")
	}
	for _, c := range []struct {
		name string
		path func(base string) string
		file bool
	}{
		{"journeymap dir", func(b string) string { return filepath.Join(b, "journeymap") }, false},
		{"cache entry", func(b string) string {
			return filepath.Join(b, "journeymap", "wazero", "wazero-v1-amd64-linux", "0123abcd")
		}, true},
		{"base dir", func(b string) string { return b }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := filepath.Join(t.TempDir(), "cache")
			mkdir(t, base, 0o700)
			p := c.path(base)
			if c.file {
				mkdirAll(t, filepath.Dir(p))
				write(t, p, 0o600)
			} else {
				mkdirAll(t, p)
			}
			if err := os.Chown(p, 12345, 12345); err != nil {
				t.Fatal(err)
			}
			if _, err := prepareCacheDir(base); err == nil {
				t.Errorf("accepted %s owned by uid 12345", p)
			}
		})
	}
}

// A sticky world-writable ancestor (like /tmp) is fine: nobody else can
// rename what is ours in it.
func TestPrepareCacheDirAcceptsStickyParent(t *testing.T) {
	parent := t.TempDir()
	if err := os.Chmod(parent, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	if _, err := prepareCacheDir(filepath.Join(parent, "cache")); err != nil {
		t.Error(err)
	}
}

func TestPrepareCacheDirNeedsAnAbsolutePath(t *testing.T) {
	for _, base := range []string{"", "relative/cache"} {
		if _, err := prepareCacheDir(base); err == nil {
			t.Errorf("%q accepted", base)
		}
	}
}

func mkdir(t *testing.T, p string, mode os.FileMode) {
	t.Helper()
	if err := os.Mkdir(p, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}

func mkdirAll(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o700); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(p, []byte("not native code"), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
}
