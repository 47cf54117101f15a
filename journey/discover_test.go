//go:build unix

package journey_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

const smallJourney = "version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n"

// secret is what a planted link points at: it must never reach a finding,
// a source line or a journey.
const secret = "aws_secret_access_key: AKIAIOSFODNN7EXAMPLE\n"

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestDiscover: SPEC §2's walk, the same for every command and --watch.
func TestDiscover(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"b.journey.yaml":                   smallJourney,
		"a/x.journey.yml":                  smallJourney,
		"a/notes.yaml":                     "not a journey",
		"node_modules/pkg/n.journey.yaml":  smallJourney,
		"vendor/v.journey.yaml":            smallJourney,
		".hidden/h.journey.yaml":           smallJourney,
		".git/g.journey.yaml":              smallJourney,
		"journeymap.yaml":                  "version: 1\n",
		"deep/er/still/d.journey.yaml":     smallJourney,
		"deep/er/.cache/skip.journey.yaml": smallJourney,
	})
	t.Chdir(root)
	d, err := journey.Discover([]string{".", "b.journey.yaml", "journeymap.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/x.journey.yml", "b.journey.yaml", "deep/er/still/d.journey.yaml", "journeymap.yaml"}
	if !slices.Equal(d.Files, want) {
		t.Errorf("found %q, want %q", d.Files, want)
	}
	if !d.IsWorkspace("journeymap.yaml") || d.IsWorkspace("b.journey.yaml") {
		t.Error("only journeymap.yaml named on the command line is a workspace")
	}
	if _, err := journey.Discover([]string{"-", "-"}); err == nil {
		t.Error("standard input named twice must be refused")
	}
	if _, err := journey.Discover([]string{"missing"}); err == nil {
		t.Error("a missing path must be refused")
	}
}

// TestWalkDoesNotFollowLinksOut: a link found by the walk is read only when
// it stays inside the directory searched; otherwise a `file` finding says
// so and nothing of the target is read (issue 7 item 3).
func TestWalkDoesNotFollowLinksOut(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"credentials": secret, "x.journey.yaml": secret})
	root := t.TempDir()
	writeTree(t, root, map[string]string{"real/in.journey.yaml": smallJourney})
	symlink(t, filepath.Join(outside, "credentials"), filepath.Join(root, "aws.journey.yaml"))
	symlink(t, "../"+filepath.Base(outside)+"/x.journey.yaml", filepath.Join(root, "rel.journey.yaml"))
	symlink(t, "/dev/null", filepath.Join(root, "null.journey.yaml"))
	symlink(t, "real/in.journey.yaml", filepath.Join(root, "inside.journey.yaml"))
	symlink(t, "nowhere.journey.yaml", filepath.Join(root, "dangling.journey.yaml"))
	t.Chdir(filepath.Dir(root))
	base := filepath.Base(root)

	set, err := journey.Load([]string{base}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range set.Findings {
		got[f.File] = f.Message
		if strings.Contains(f.Message, "AKIA") {
			t.Errorf("a finding echoes the secret: %s", f)
		}
	}
	for _, j := range set.Journeys {
		if strings.Contains(string(j.Source.Text), "AKIA") {
			t.Errorf("%s: the secret was read", j.File)
		}
	}
	for _, name := range []string{"aws", "rel", "null"} {
		file := filepath.Join(base, name+".journey.yaml")
		if !strings.Contains(got[file], "symbolic link to a file outside "+base+"; not read") {
			t.Errorf("%s: finding %q, want a link outside the root refused", file, got[file])
		}
	}
	if msg, ok := got[filepath.Join(base, "inside.journey.yaml")]; ok {
		t.Errorf("a link inside the root must be read: %s", msg)
	}
	if msg := got[filepath.Join(base, "dangling.journey.yaml")]; !strings.Contains(msg, "no such file") {
		t.Errorf("dangling link: %q", msg)
	}
	if len(set.Journeys) != 6 {
		t.Errorf("%d journeys, want 6 (each link is a journey file, refused or not)", len(set.Journeys))
	}

	// Named on the command line, a link is the user's choice and is read.
	named, err := journey.Load([]string{filepath.Join(base, "inside.journey.yaml")}, journey.LoadOptions{})
	if err != nil || len(named.Findings) != 0 {
		t.Errorf("a named link: %v %v", err, named.Findings)
	}
}

// TestWorkspaceLinkOut: a journeymap.yaml found by walking up that links out
// of its directory is not read either; --config reads it.
func TestWorkspaceLinkOut(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"env": secret})
	root := t.TempDir()
	writeTree(t, root, map[string]string{"j/a.journey.yaml": smallJourney})
	symlink(t, filepath.Join(outside, "env"), filepath.Join(root, "journeymap.yaml"))
	t.Chdir(root)
	set, err := journey.Load([]string{"j"}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Findings) != 1 || set.Findings[0].File != "journeymap.yaml" ||
		!strings.Contains(set.Findings[0].Message, "symbolic link to a file outside its directory; not read") {
		t.Fatalf("findings %v, want one about the workspace link", set.Findings)
	}
	if len(set.Workspaces) != 0 {
		t.Error("the linked workspace was read")
	}
	if _, err := journey.Load([]string{"j"}, journey.LoadOptions{Config: "journeymap.yaml"}); err != nil {
		t.Fatal(err)
	}
}

// TestUnreadableDirectory: a subdirectory that cannot be listed is a `file`
// finding, never a silent skip.
func TestUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory; cmd/journeymap's TestHostileAsUser covers this as another user")
	}
	root := t.TempDir()
	writeTree(t, root, map[string]string{"ok.journey.yaml": smallJourney, "locked/x.journey.yaml": smallJourney})
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	set, err := journey.Load([]string{root}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Findings) != 1 || set.Findings[0].File != locked || set.Findings[0].Rule != journey.RuleFile ||
		!strings.Contains(set.Findings[0].Message, "cannot search directory: permission denied") {
		t.Errorf("findings %v, want one `file` finding for %s", set.Findings, locked)
	}
}

// TestInputs: every file a run reads is an input no output may replace.
func TestInputs(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"journeymap.yaml": "version: 1\n", "other.yaml": "version: 1\n", "j/a.journey.yaml": smallJourney})
	t.Chdir(root)
	set, err := journey.Load([]string{"j", "-"}, journey.LoadOptions{Stdin: strings.NewReader(smallJourney)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := set.Inputs(), []string{"j/a.journey.yaml", "journeymap.yaml"}; !slices.Equal(got, want) {
		t.Errorf("inputs %q, want %q", got, want)
	}
	set, err = journey.Load([]string{"j"}, journey.LoadOptions{Config: "other.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := set.Inputs(), []string{"other.yaml", "j/a.journey.yaml"}; !slices.Equal(got, want) {
		t.Errorf("inputs %q, want %q", got, want)
	}
}
