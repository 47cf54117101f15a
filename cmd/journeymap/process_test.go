//go:build unix

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// asProcessEnv makes the test binary run journeymap itself (see TestMain),
// for the tests that need a real process: signals, another user.
const asProcessEnv = "JOURNEYMAP_TEST_AS_PROCESS"

func TestMain(m *testing.M) {
	if os.Getenv(asProcessEnv) == "1" || os.Getenv(layoutWorkerEnv) == "1" { // or a batch's layout worker
		os.Exit(Main(os.Args[1:], DefaultIO()))
	}
	os.Exit(m.Run())
}

// journeymapProcess is journeymap as a separate process (this test binary).
func journeymapProcess(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), asProcessEnv+"=1")
	return cmd
}

// startWithStderr starts cmd and returns its standard error, and a scanner
// over it for the lines a test waits for.
func startWithStderr(t *testing.T, cmd *exec.Cmd) (io.Reader, *bufio.Scanner) {
	t.Helper()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return stderr, bufio.NewScanner(stderr)
}

// signalAndWait sends sig to a process startWithStderr started and waits
// for its end, at most 10 s; it returns what the process wrote to standard
// error after the lines already scanned, and how it ended.
func signalAndWait(t *testing.T, cmd *exec.Cmd, stderr io.Reader, sig os.Signal) (*bytes.Buffer, error) {
	t.Helper()
	cmd.Process.Signal(sig)
	var rest bytes.Buffer
	waited := make(chan error, 1)
	go func() {
		io.Copy(&rest, stderr) // to the end, before Wait closes the pipe
		waited <- cmd.Wait()
	}()
	select {
	case err := <-waited:
		return &rest, err
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the process did not stop within 10 s of the signal")
		return nil, nil
	}
}

// TestInterruptedBatch: SIGINT or SIGTERM in the middle of an -O batch
// ends it with 130 or 143; every file written is whole and no temporary
// file is left behind. A temporary file that a killed run left is removed
// by the next run.
func TestInterruptedBatch(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{}
			for i := range 100 {
				files[fmt.Sprintf("in/j%d.journey.yaml", i)] = fmt.Sprintf("version: 1\nid: j%d\ntitle: J%d\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n", i, i)
			}
			cliWriteFiles(t, dir, files)
			// What a run killed with SIGKILL left.
			cliWriteFiles(t, dir, map[string]string{"out/.j7.svg.tmp-4242": "<svg half"})

			cmd := journeymapProcess(t, dir, "render", "in", "-O", "out", "--format", "svg")
			stderr, lines := startWithStderr(t, cmd)
			for lines.Scan() && !strings.HasPrefix(lines.Text(), "wrote ") {
			}
			rest, err := signalAndWait(t, cmd, stderr, sig)
			var ee *exec.ExitError
			want := 128 + int(sig)
			if !errors.As(err, &ee) || ee.ExitCode() != want {
				t.Errorf("exit %v, want %d\n%s", err, want, rest.String())
			}
			if !strings.Contains(rest.String(), "interrupted") {
				t.Errorf("stderr does not say it was interrupted:\n%s", rest.String())
			}
			entries, _ := os.ReadDir(filepath.Join(dir, "out"))
			if len(entries) == 0 || len(entries) >= 100 {
				t.Errorf("%d files written; want the batch stopped part way", len(entries))
			}
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", e.Name())
					continue
				}
				b, _ := os.ReadFile(filepath.Join(dir, "out", e.Name()))
				if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>")) {
					t.Errorf("%s is not a whole SVG", e.Name())
				}
			}
		})
	}
}

// TestUnreadableDirectoryAsAnotherUser: a subdirectory lint cannot list is
// a `file` finding and exit 1, not a silent pass. Root can list anything,
// so as root the check runs as nobody.
func TestUnreadableDirectoryAsAnotherUser(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{
		"ok.journey.yaml":       "version: 1\ntitle: T\nreviewed: 2099-01-01\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n",
		"locked/x.journey.yaml": "version: 1\n",
	})
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	args := []string{"lint", "--disable", "missing-goal,missing-owner,missing-persona,missing-emotion", "."}
	var code int
	var stderr string
	if os.Geteuid() != 0 {
		t.Chdir(dir)
		r := cliRunArgs(t, args...)
		code, stderr = r.code, r.stdout+r.stderr
	} else {
		// nobody needs to reach the directory and run the binary.
		for d := dir; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
		exe, _ := os.Executable()
		bin := filepath.Join(dir, "journeymap.test")
		if err := copyFile(exe, bin); err != nil {
			t.Fatal(err)
		}
		cmd := journeymapProcess(t, dir, args...)
		cmd.Path = bin
		// go-graphviz v0.2.10 caches in $TMPDIR/go-graphviz, which another
		// user may own (issue 7 item 1): give nobody a $TMPDIR of its own.
		tmp := filepath.Join(dir, "tmp")
		os.Mkdir(tmp, 0o777)
		os.Chmod(tmp, 0o777)
		cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Skipf("cannot run as nobody: %v", err)
		}
		code, stderr = cmd.ProcessState.ExitCode(), out.String()
	}
	if code != 1 || !strings.Contains(stderr, "locked:1:1: error: cannot search directory: permission denied; its journeys are not checked [file]") {
		t.Errorf("exit %d, want 1 and a `file` finding for locked:\n%s", code, stderr)
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}
