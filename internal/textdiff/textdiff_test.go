package textdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnifiedSmall(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\ni\n"
	b := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\n"
	want := `--- old
+++ new
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -7,3 +7,4 @@
 g
 h
 i
+j
`
	if got := Unified("old", "new", a, b, 3); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if Unified("a", "b", a, a, 3) != "" {
		t.Error("equal texts give a diff")
	}
}

func TestUnifiedNoNewline(t *testing.T) {
	got := Unified("a", "b", "x\ny", "x\ny\n", 3)
	want := "--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestUnifiedApplies: patch(1), where installed, turns the old text into
// the new one with our diff, for texts with scattered changes.
func TestUnifiedApplies(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not installed")
	}
	var a, b strings.Builder
	for i := 0; i < 200; i++ {
		line := strings.Repeat("x", i%7) + string(rune('a'+i%26))
		a.WriteString(line + "\n")
		switch {
		case i%37 == 0:
			b.WriteString("changed " + line + "\n")
		case i%53 == 0:
		default:
			b.WriteString(line + "\n")
		}
		if i%41 == 0 {
			b.WriteString("added\n")
		}
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "f.txt")
	os.WriteFile(f, []byte(a.String()), 0o644)
	d := Unified("f.txt", "f.txt", a.String(), b.String(), 3)
	cmd := exec.Command("patch", "-s", f)
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\n%s", err, out, d)
	}
	got, _ := os.ReadFile(f)
	if string(got) != b.String() {
		t.Errorf("patched text differs")
	}
}
