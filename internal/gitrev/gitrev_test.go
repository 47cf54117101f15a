package gitrev

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/gittest"
	"github.com/journeymap/journeymap/journey"
)

func repo(t *testing.T) (dir string, git func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	git = gittest.Runner(t, dir)
	git("init", "-q")
	return dir, git
}

func TestShowAndList(t *testing.T) {
	dir, git := repo(t)
	os.MkdirAll(filepath.Join(dir, "j", "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "j", "a.journey.yaml"), []byte("old a\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "j", "sub", "b.journey.yaml"), []byte("old b\n"), 0o644)
	git("add", ".")
	git("commit", "-qm", "one")
	os.WriteFile(filepath.Join(dir, "j", "a.journey.yaml"), []byte("new a\n"), 0o644)

	got, err := Show(filepath.Join(dir, "j", "a.journey.yaml"), "HEAD")
	if err != nil || string(got) != "old a\n" {
		t.Fatalf("Show = %q, %v", got, err)
	}
	files, err := List(filepath.Join(dir, "j"), "HEAD")
	want := []string{filepath.Join(dir, "j", "a.journey.yaml"), filepath.Join(dir, "j", "sub", "b.journey.yaml")}
	if err != nil || !reflect.DeepEqual(files, want) {
		t.Errorf("List = %q, %v; want %q", files, err, want)
	}
	files, err = List(filepath.Join(dir, "j"), "HEAD", "sub")
	if err != nil || !reflect.DeepEqual(files, want[1:]) {
		t.Errorf("List sub = %q, %v", files, err)
	}

	git("tag", "v1")
	if refs := strings.Join(Refs(dir), " "); !strings.Contains(refs, "HEAD") || !strings.Contains(refs, "v1") {
		t.Errorf("Refs = %s", refs)
	}

	_, err = Show(filepath.Join(dir, "j", "new.journey.yaml"), "HEAD")
	if !errors.Is(err, ErrAbsent) {
		t.Errorf("a file added since: %v, want ErrAbsent", err)
	}
	for rev, want := range map[string]string{"no-such": `unknown revision "no-such"`, "--output=x": "is not a revision", "HEAD~5": "unknown revision"} {
		_, err = Show(filepath.Join(dir, "j", "a.journey.yaml"), rev)
		var ge *Error
		if !errors.As(err, &ge) || !strings.Contains(err.Error(), want) {
			t.Errorf("rev %q: %v, want an Error saying %q", rev, err, want)
		}
	}
}

func TestOutsideGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Show(filepath.Join(dir, "a.journey.yaml"), "HEAD")
	if err == nil || !strings.Contains(err.Error(), "not inside a git repository") {
		t.Errorf("outside git: %v", err)
	}
}

// TestShowTooLarge: a blob over the journey size bound is refused without
// being read whole.
func TestShowTooLarge(t *testing.T) {
	dir, git := repo(t)
	big := filepath.Join(dir, "big.journey.yaml")
	os.WriteFile(big, bytes.Repeat([]byte("# padding\n"), journey.MaxFileSize/10+10), 0o644)
	git("add", ".")
	git("commit", "-qm", "big")
	_, err := Show(big, "HEAD")
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a huge blob: %v", err)
	}
}

// TestShowAll: one git process reads many files; a file absent at the
// revision is left out, a directory is not a file, a huge blob is refused.
func TestShowAll(t *testing.T) {
	dir, git := repo(t)
	os.MkdirAll(filepath.Join(dir, "sub dir"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.journey.yaml"), []byte("a\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "sub dir", "b.journey.yaml"), []byte(""), 0o644)
	git("add", ".")
	git("commit", "-qm", "one")
	got, err := ShowAll(dir, "HEAD", []string{"a.journey.yaml", "gone.journey.yaml", "sub dir/b.journey.yaml", "sub dir"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || string(got["a.journey.yaml"]) != "a\n" || string(got["sub dir/b.journey.yaml"]) != "" {
		t.Errorf("ShowAll = %q", got)
	}
	os.WriteFile(filepath.Join(dir, "big.journey.yaml"), bytes.Repeat([]byte("# padding\n"), journey.MaxFileSize/10+10), 0o644)
	git("add", ".")
	git("commit", "-qm", "big")
	if _, err := ShowAll(dir, "HEAD", []string{"a.journey.yaml", "big.journey.yaml"}); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a huge blob: %v", err)
	}
}
