//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const hostileJourney = "version: 1\nid: ok\ntitle: OK\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n"

// hostileSecret is what planted links point at: no output may show it.
const hostileSecret = "aws_access_key_id: AKIAIOSFODNN7EXAMPLE\n"

// TestHostileInputs runs journeymap in-process on inputs and output paths a
// pull request from a stranger could plant (issue 7 items 2-6 and 8): each
// case ends within 2 s, with the right exit code and message, never a
// stack trace, never a lost input, never a byte written outside the target.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	outside := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkfifo := func(name string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := syscall.Mkfifo(name, 0o644); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
	}
	symlink := func(target, name string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "credentials"), hostileSecret)

	// Inputs under names that do not say "journey".
	write("plan.txt", hostileJourney)
	write("j.svg", hostileJourney)
	write("ok.svg", hostileJourney)
	os.Link("plan.txt", "hard.svg")
	symlink("plan.txt", "soft.svg")
	write("cfg/settings.svg", "version: 1\n")
	write("ws/journeymap.yaml", "version: 1\n")
	write("ws/a.journey.yaml", hostileJourney)
	os.Link("ws/journeymap.yaml", "ws-link.svg")
	// Output directories with planted targets.
	symlink("/dev/null", "planted-dev/ok.svg")
	mkfifo("planted-fifo/ok.svg")
	symlink("../planted-fifo/ok.svg", "planted-fifolink/ok.svg")
	os.MkdirAll("planted-dir/ok.svg", 0o755)
	symlink(filepath.Join(outside, "credentials"), "planted-secret/ok.svg")
	// Inputs that are not regular files, or too large.
	mkfifo("fifo/f.journey.yaml")
	mkfifo("fifo-ws/journeymap.yaml")
	write("fifo-ws/a.journey.yaml", hostileJourney)
	mkfifo("fifo-config")
	mkfifo("fifo-theme")
	mkfifo("fifo-baseline")
	mkfifo("fmt-fifo/f.journey.yaml")
	write("fmt-fifo/ok.journey.yaml", hostileJourney)
	symlink("/dev/zero", "zero/z.journey.yaml")
	write("big/b.journey.yaml", strings.Repeat("#", 8<<20+1))
	// Links out of the walked directory.
	symlink(filepath.Join(outside, "credentials"), "secrets/aws.journey.yaml")
	symlink(filepath.Join(outside, "credentials"), "secret-ws/journeymap.yaml")
	write("secret-ws/j/a.journey.yaml", hostileJourney)
	// Temporary files a killed run left (no process holds their lock).
	write("stale-o/.x.svg.tmp-42", "<svg half")
	write("stale-O/.ok.svg.tmp-7", "<svg half")
	// A file name that leaves no room for a view, an extension and a
	// temporary name, with no id in the file.
	longName := strings.Repeat("a", 230)
	write("longname/"+longName+".journey.yaml", strings.Replace(hostileJourney, "id: ok\n", "", 1))
	// A 5,000-character id.
	write("long/l.journey.yaml", strings.Replace(hostileJourney, "id: ok", "id: "+strings.Repeat("a", 5000), 1))

	const wrote = "wrote"
	type hostileCase struct {
		name    string
		args    []string
		code    int
		stderr  string // a substring of stderr
		created string // a file that must exist afterwards ("" none checked)
	}
	tests := []hostileCase{
		{"-o onto its own .txt input", []string{"render", "plan.txt", "-o", "plan.txt", "--format", "svg"}, 2, "refusing to write to plan.txt: it is an input of this run", ""},
		{"-o onto its own .svg input", []string{"render", "j.svg", "-o", "j.svg"}, 2, "refusing to write to j.svg: it is an input", ""},
		{"-O onto its own input", []string{"render", "-O", ".", "ok.svg"}, 2, "refusing to write to ok.svg: it is an input", ""},
		{"-o onto a hard link to the input", []string{"render", "plan.txt", "-o", "hard.svg"}, 2, "it is the same file as the input plan.txt", ""},
		{"-o onto a symlink to the input", []string{"render", "plan.txt", "-o", "soft.svg"}, 2, "it is the same file as the input plan.txt", ""},
		{"-o onto the --config file", []string{"render", "plan.txt", "--config", "cfg/settings.svg", "-o", "cfg/settings.svg"}, 2, "refusing to write to cfg/settings.svg: it is an input", ""},
		{"-o onto the workspace file by another name", []string{"render", "ws/a.journey.yaml", "-o", "ws-link.svg"}, 2, "it is the same file as the input ws/journeymap.yaml", ""},
		{"-O through a planted link to a device", []string{"render", "plan.txt", "-O", "planted-dev"}, 2, "refusing to write to planted-dev/ok.svg: it is a character device", ""},
		{"-O onto a planted FIFO", []string{"render", "plan.txt", "-O", "planted-fifo"}, 2, "it is a FIFO", ""},
		{"-O through a link to a FIFO", []string{"render", "plan.txt", "-O", "planted-fifolink"}, 2, "it is a FIFO", ""},
		{"-O onto a directory", []string{"render", "plan.txt", "-O", "planted-dir"}, 2, "it is a directory", ""},
		{"-O replaces a link to a regular file, not its target", []string{"render", "plan.txt", "-O", "planted-secret"}, 0, wrote, "planted-secret/ok.svg"},
		{"-o removes what a killed run left", []string{"render", "plan.txt", "-o", "stale-o/x.svg"}, 0, "", "stale-o/x.svg"},
		{"-O removes what a killed run left", []string{"render", "plan.txt", "-O", "stale-O"}, 0, wrote, "stale-O/ok.svg"},
		{"-o a device the user named", []string{"render", "plan.txt", "-o", "/dev/null", "--format", "svg"}, 0, "", ""},
		{"-o into a missing directory is a write failure", []string{"render", "plan.txt", "-o", "no/such/dir/x.svg"}, 1, "cannot write no/such/dir/x.svg: no such file or directory", ""},
		{"a FIFO journey named", []string{"validate", "fifo/f.journey.yaml"}, 1, "fifo/f.journey.yaml:1:1: error: cannot read file: not a regular file (a FIFO)", ""},
		{"a FIFO journey found", []string{"lint", "fifo"}, 1, "cannot read file: not a regular file (a FIFO)", ""},
		{"a FIFO workspace", []string{"validate", "fifo-ws"}, 1, "fifo-ws/journeymap.yaml:1:1: error: cannot read workspace file: not a regular file (a FIFO)", ""},
		{"--config /dev/zero", []string{"lint", "--config", "/dev/zero", "plan.txt"}, 2, "/dev/zero: not a regular file (a character device)", ""},
		{"--theme /dev/zero", []string{"render", "plan.txt", "--theme", "/dev/zero", "-o", "theme-zero.svg"}, 2, "/dev/zero: not a regular file (a character device)", ""},
		{"--theme a FIFO", []string{"render", "plan.txt", "--theme", "fifo-theme", "-o", "theme-fifo.svg"}, 2, "fifo-theme: not a regular file (a FIFO)", ""},
		{"--baseline a FIFO", []string{"lint", "plan.txt", "--baseline", "fifo-baseline"}, 2, "fifo-baseline: is not a regular file (a FIFO)", ""},
		{"--baseline /dev/zero", []string{"lint", "plan.txt", "--baseline", "/dev/zero"}, 2, "/dev/zero: is not a regular file (a character device)", ""},
		{"fmt finds a FIFO", []string{"fmt", "--check", "fmt-fifo"}, 1, "fmt-fifo/f.journey.yaml:1:1: error: cannot read file: not a regular file (a FIFO)", ""},
		{"fmt names a FIFO", []string{"fmt", "fmt-fifo/f.journey.yaml"}, 1, "not a regular file (a FIFO)", ""},
		{"diff --rev --config /dev/zero", []string{"diff", "--rev", "HEAD", "--config", "/dev/zero", "plan.txt"}, 2, "/dev/zero: not a regular file (a character device)", ""},
		{"--write-baseline onto a hard link to the input", []string{"lint", "plan.txt", "--write-baseline", "hard.svg"}, 2, "--write-baseline hard.svg: that file is an input of this run", ""},
		{"--write-baseline onto a symlink to the input", []string{"lint", "plan.txt", "--write-baseline", "soft.svg"}, 2, "--write-baseline soft.svg: that file is an input of this run", ""},
		{"--config a FIFO", []string{"validate", "--config", "fifo-config", "plan.txt"}, 2, "fifo-config: not a regular file (a FIFO)", ""},
		{"a link to /dev/zero found", []string{"validate", "zero"}, 1, "symbolic link to a file outside zero; not read", ""},
		{"a link to /dev/zero named", []string{"validate", "zero/z.journey.yaml"}, 1, "not a regular file (a character device)", ""},
		{"a journey over 8 MiB", []string{"validate", "big"}, 1, "file is larger than 8 MiB", ""},
		{"a link to a secret, text", []string{"lint", "secrets"}, 1, "secrets/aws.journey.yaml:1:1: error: symbolic link to a file outside secrets; not read", ""},
		{"a workspace link to a secret", []string{"lint", "secret-ws/j"}, 1, "symbolic link to a file outside its directory; not read (name it with --config to use it)", ""},
		{"an id from a 230-character file name with -O", []string{"render", "longname", "-O", "longname-out", "--view", "channels", "--format", "dot"}, 0, wrote, "longname-out/" + longName[:100] + "-channels.dot"},
		{"a 5,000-character id", []string{"validate", "long"}, 1, "journey id is 5000 characters long; use at most 100 [range]", ""},
		{"a 5,000-character id with -O", []string{"render", "long", "-O", "long-out"}, 1, "use at most 100", ""},
	}
	// Every format, for the links to secrets: none may echo the secret.
	for _, format := range []string{"text", "json", "sarif", "github", "gitlab", "checkstyle"} {
		tests = append(tests, hostileCase{"secret link, lint " + format, []string{"lint", "--format", format, "secrets", "secret-ws/j"}, 1, "", ""})
	}
	for _, format := range []string{"text", "json"} {
		tests = append(tests, hostileCase{"secret link, validate " + format, []string{"validate", "--format", format, "secrets", "secret-ws/j"}, 1, "", ""})
	}

	before := map[string][]byte{}
	for _, f := range []string{"plan.txt", "j.svg", "ok.svg", "cfg/settings.svg", "ws/journeymap.yaml", filepath.Join(outside, "credentials")} {
		before[f], _ = os.ReadFile(f)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r cliResult
			done := make(chan struct{})
			go func() {
				defer close(done)
				r = cliRunArgs(t, tc.args...)
			}()
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				t.Fatalf("journeymap %s: no answer within 2 s", strings.Join(tc.args, " "))
			}
			if r.code != tc.code || !strings.Contains(r.stderr+r.stdout, tc.stderr) {
				t.Errorf("journeymap %s: want exit %d and %q\n%s", strings.Join(tc.args, " "), tc.code, tc.stderr, r)
			}
			if strings.Contains(r.stdout+r.stderr, "AKIA") {
				t.Errorf("journeymap %s echoed a secret:\n%s", strings.Join(tc.args, " "), r)
			}
			if tc.created != "" {
				if st, err := os.Lstat(tc.created); err != nil || !st.Mode().IsRegular() {
					t.Errorf("%s: want a regular file, got %v %v", tc.created, st, err)
				}
			}
		})
	}
	for f, b := range before {
		if now, _ := os.ReadFile(f); !bytes.Equal(now, b) {
			t.Errorf("%s changed", f)
		}
	}
	if st, err := os.Lstat("planted-dev/ok.svg"); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the planted link was replaced: %v %v", st, err)
	}
	if _, err := os.Stat("long-out"); err == nil {
		if entries, _ := os.ReadDir("long-out"); len(entries) > 0 {
			t.Errorf("an invalid journey was drawn: %v", entries)
		}
	}
	left, _ := filepath.Glob("*/.*.tmp-*") // includes the stale ones planted above
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
