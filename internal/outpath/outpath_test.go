package outpath

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestCheck: an output is refused when it is an input under any name: the
// same name, a hard link, a symbolic link, another spelling of the path.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("plan.txt", []byte("version: 1\n"), 0o644)
	os.WriteFile("journeymap.yaml", []byte("version: 1\n"), 0o644)
	os.WriteFile("other.svg", []byte("<svg/>"), 0o644)
	os.Link("plan.txt", "hard.svg")
	os.Symlink("plan.txt", "soft.svg")
	os.Symlink("journeymap.yaml", "ws.svg")
	os.Mkdir("sub", 0o755)
	g := NewGuard([]string{"plan.txt", "journeymap.yaml", "missing.journey.yaml"})
	for out, input := range map[string]string{
		"plan.txt":                       "plan.txt",
		"./sub/../plan.txt":              "plan.txt",
		filepath.Join(dir, "plan.txt"):   "plan.txt",
		"hard.svg":                       "plan.txt",
		"soft.svg":                       "plan.txt",
		"ws.svg":                         "journeymap.yaml",
		"other.svg":                      "",
		"new.svg":                        "",
		"missing.journey.yaml":           "",
		filepath.Join(dir, "sub", "x.y"): "",
	} {
		err := g.Check(out)
		var ie *InputError
		switch {
		case input == "" && err != nil:
			t.Errorf("%s: refused (%v), but it is no input", out, err)
		case input != "" && (!errors.As(err, &ie) || ie.Input != input):
			t.Errorf("%s: %v, want it refused as the input %s", out, err, input)
		}
	}
	if err := CheckNotInput("hard.svg", []string{"plan.txt"}); err == nil ||
		err.Error() != "refusing to write to hard.svg: it is the same file as the input plan.txt; writing would destroy it" {
		t.Errorf("message: %v", err)
	}
}
