//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// manyExamples copies the examples n times into dir/in, with their
// workspace: 5n journeys that a batch renders as n numbered copies each.
func manyExamples(t *testing.T, dir string, n int) {
	t.Helper()
	src := filepath.Join(cliRepoRoot, "examples")
	files, _ := filepath.Glob(filepath.Join(src, "*.journey.yaml"))
	copyTo := func(from, to string) {
		b, err := os.ReadFile(from)
		if err == nil {
			os.MkdirAll(filepath.Dir(to), 0o755)
			err = os.WriteFile(to, b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	copyTo(filepath.Join(src, "journeymap.yaml"), filepath.Join(dir, "in", "journeymap.yaml"))
	for k := range n {
		for _, f := range files {
			copyTo(f, filepath.Join(dir, "in", fmt.Sprintf("c%d", k), filepath.Base(f)))
		}
	}
}

var workersLine = regexp.MustCompile(`layout workers: (\d+) started, (\d+) failed; layouts: (\d+) in workers, (\d+) here`)

// runBatch renders dir/in into dir/OUT as a separate process with two
// cores and the given environment, and returns what it said about its
// layout workers ("" when it had none).
func runBatch(t *testing.T, dir, out string, args []string, env ...string) string {
	t.Helper()
	cmd := journeymapProcess(t, dir, append([]string{"render", "in", "-O", out}, args...)...)
	cmd.Env = append(cmd.Env, append([]string{"GOMAXPROCS=2", "JOURNEYMAP_DEBUG=1"}, env...)...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("render %v: %v\n%s", args, err, cliClip(string(b)))
	}
	if cliStackTrace.Match(b) {
		t.Fatalf("stack trace:\n%s", b)
	}
	return workersLine.FindString(string(b))
}

// TestBatchThroughWorkersSameBytes: a batch laid out partly in worker
// processes writes exactly the files a batch without them writes.
func TestBatchThroughWorkersSameBytes(t *testing.T) {
	dir := t.TempDir()
	manyExamples(t, dir, 8)
	for _, view := range []string{"flow", "map"} {
		t.Run(view, func(t *testing.T) {
			args := []string{"--format", "svg", "--view", view}
			if none := runBatch(t, dir, "alone-"+view, args, layoutWorkersEnv+"=0"); none != "" {
				t.Errorf("%s=0 and still: %s", layoutWorkersEnv, none)
			}
			said := runBatch(t, dir, "workers-"+view, args)
			t.Log(said)
			m := workersLine.FindStringSubmatch(said)
			if raceEnabled && m != nil && m[1] == "0" {
				// The race detector slows journeymap's own code, not the
				// layouts, about tenfold: they do not queue, so no worker
				// starts (TestWorkersStartWhenLayoutsQueue in
				// render/internal/graphviz tests workers under -race).
				t.Logf("no worker under -race; the files are compared all the same")
			} else if m == nil || m[1] != "1" || m[2] != "0" || m[3] == "0" {
				t.Fatalf("want one worker that made layouts; journeymap said %q", said)
			}
			alone, _ := os.ReadDir(filepath.Join(dir, "alone-"+view))
			workers, _ := os.ReadDir(filepath.Join(dir, "workers-"+view))
			if len(alone) != 40 || len(workers) != len(alone) {
				t.Fatalf("%d files alone, %d with workers; want 40", len(alone), len(workers))
			}
			for _, e := range alone {
				a, _ := os.ReadFile(filepath.Join(dir, "alone-"+view, e.Name()))
				w, err := os.ReadFile(filepath.Join(dir, "workers-"+view, e.Name()))
				if err != nil || !bytes.Equal(a, w) {
					t.Errorf("%s differs with layout workers (%v)", e.Name(), err)
				}
			}
		})
	}
}

// TestFewRendersStartNoWorker: one render, or a batch of a few, starts no
// worker process.
func TestFewRendersStartNoWorker(t *testing.T) {
	dir := t.TempDir()
	manyExamples(t, dir, 1)
	cmd := journeymapProcess(t, dir, "render", "in/c0/plan-upgrade.journey.yaml", "-o", "one.svg")
	cmd.Env = append(cmd.Env, "GOMAXPROCS=2", "JOURNEYMAP_DEBUG=1")
	b, err := cmd.CombinedOutput()
	if err != nil || workersLine.Match(b) {
		t.Errorf("one render: %v\n%s", err, b)
	}
	said := runBatch(t, dir, "out", []string{"--format", "svg"})
	if m := workersLine.FindStringSubmatch(said); m == nil || m[1] != "0" || m[3] != "0" {
		t.Errorf("a batch of 5: want no worker started; journeymap said %q", said)
	}
}

func TestLayoutWorkersEnvMustBeANumber(t *testing.T) {
	cliAtRoot(t)
	out := t.TempDir()
	for _, v := range []string{"two", "-1"} {
		r := cliRun(t, cliOpts{env: map[string]string{layoutWorkersEnv: v}}, "render", "examples", "-O", out, "--format", "svg")
		if r.code != exitUsage || !strings.Contains(r.stderr, layoutWorkersEnv+"=\""+v+"\": give a number") {
			t.Errorf("%s=%s: %s", layoutWorkersEnv, v, r)
		}
	}
}

// TestLayoutWorkerCommandIsNotForHands: the hidden command refuses to run
// unless a journeymap started it, and help does not list it.
func TestLayoutWorkerCommandIsNotForHands(t *testing.T) {
	r := cliRunArgs(t, layoutWorkerCommand)
	if r.code != exitUsage || !strings.Contains(r.stderr, "not run by hand") {
		t.Errorf("by hand: %s", r)
	}
	// On a terminal (util-linux script(1) gives it one), even with the
	// variable set.
	if scriptCmd, err := exec.LookPath("script"); err == nil {
		exe, _ := os.Executable()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, scriptCmd, "-qec", exe+" "+layoutWorkerCommand, "/dev/null")
		cmd.Env = append(os.Environ(), layoutWorkerEnv+"=1")
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitUsage || !strings.Contains(string(out), "not run by hand") {
			t.Errorf("on a terminal: %v\n%s", err, out)
		}
	}
	if r := cliRunArgs(t, "--help"); strings.Contains(r.stdout, layoutWorkerCommand) {
		t.Errorf("help lists %s", layoutWorkerCommand)
	}
	if r := cliRunArgs(t, "__complete", ""); strings.Contains(r.stdout, layoutWorkerCommand) {
		t.Errorf("completion offers %s", layoutWorkerCommand)
	}
}

// TestStoppedBatchLeavesNoWorker: SIGINT or SIGTERM in the middle of a
// batch with layout workers, or SIGKILL, leaves no worker process behind.
func TestStoppedBatchLeavesNoWorker(t *testing.T) {
	if raceEnabled {
		t.Skip("no worker starts under -race (see TestBatchThroughWorkersSameBytes)")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			manyExamples(t, dir, 20)
			cmd := journeymapProcess(t, dir, "render", "in", "-O", "out", "--format", "svg")
			cmd.Env = append(cmd.Env, "GOMAXPROCS=2")
			stderr, lines := startWithStderr(t, cmd)
			// Into the batch, once its worker runs.
			var workers []int
			for n := 0; len(workers) == 0 && n < 60 && lines.Scan(); {
				if strings.HasPrefix(lines.Text(), "wrote ") {
					n++
					workers = processesIn(dir, cmd.Process.Pid)
				}
			}
			if len(workers) == 0 {
				cmd.Process.Kill()
				t.Fatal("no layout worker seen in 60 files of the batch")
			}
			signalAndWait(t, cmd, stderr, sig)
			t.Logf("workers before the signal: %v", workers)
			for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
				left := processesIn(dir, 0)
				if len(left) == 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("processes left in the batch's directory 5 s after it ended: %v", left)
				}
			}
		})
	}
}

// processesIn lists the processes (but not except) whose working directory
// is dir: a batch's workers inherit it.
func processesIn(dir string, except int) []int {
	dir, _ = filepath.EvalSymlinks(dir)
	entries, _ := os.ReadDir("/proc")
	var ids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == except {
			continue
		}
		if cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd")); err == nil && cwd == dir {
			if st, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil && strings.Contains(string(st), ") Z ") {
				ids = append(ids, -pid) // a zombie: negative
				continue
			}
			ids = append(ids, pid)
		}
	}
	return ids
}
