package graphviz

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// workerEnv makes the test binary a layout worker (see TestMain): "serve"
// is the real one; the other modes start like it and then misbehave.
const workerEnv = "JOURNEYMAP_TEST_LAYOUT_WORKER"

func testWorkerMain(mode string) int {
	switch mode {
	case "serve":
		if err := Serve(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		return 0
	case "exit":
		return 2
	}
	r := bufio.NewReader(os.Stdin)
	if _, _, err := readFrame(r); err != nil {
		return 3
	}
	writeFrame(os.Stdout, frameReady, []byte(protocolVersion), []byte("fake"))
	if _, _, err := readFrame(r); err != nil {
		return 0
	}
	switch mode {
	case "die":
		return 1
	case "panic":
		panic("a worker that panics")
	case "garbage":
		os.Stdout.WriteString("<svg>not a frame</svg>\n")
	case "lie":
		os.Stdout.WriteString("JMLWO\x10\x00\x00\x00 and then nothing")
	}
	// "hang" and the others: wait until the parent closes the input.
	io.Copy(io.Discard, r)
	return 0
}

// testWorkers is a pool of workers in mode for e, with a count of the
// processes it started.
func testWorkers(t *testing.T, e *Engine, mode string, most, layouts int) (*Workers, *atomic.Int32) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var started atomic.Int32
	p := NewWorkers(e, WorkerOptions{Max: most, Layouts: layouts, Command: func() *exec.Cmd {
		started.Add(1)
		c := exec.Command(exe)
		c.Env = append(os.Environ(), workerEnv+"="+mode)
		return c
	}})
	t.Cleanup(p.Close)
	return p, &started
}

// startWorkers makes the pool's first layout, starts its workers as
// queueing layouts would (TestWorkersStartWhenLayoutsQueue), and waits
// until n workers are ready or have failed.
func startWorkers(t *testing.T, p *Workers, n int) context.Context {
	t.Helper()
	ctx := p.Context(context.Background())
	if _, err := p.engine.Layout(ctx, journeyDOT(t), "dot", "svg"); err != nil {
		t.Fatal(err)
	}
	if !p.spawned.CompareAndSwap(false, true) {
		t.Fatal("workers started by a single layout")
	}
	p.startWorkers()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		s := p.Stats()
		if s.Started+s.Failed >= n {
			return ctx
		}
		if time.Now().After(deadline) {
			t.Fatalf("workers not ready after 30 s: %+v", s)
		}
	}
}

// onlyInWorkers takes this process's turn, so that layouts go to workers,
// until the returned function gives it back.
func onlyInWorkers(p *Workers) (giveBack func()) {
	p.here <- struct{}{}
	var once sync.Once
	return func() { once.Do(func() { <-p.here }) }
}

// pids of the pool's live workers.
func pids(p *Workers) []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var ids []int
	for _, w := range p.workers {
		ids = append(ids, w.cmd.Process.Pid)
	}
	return ids
}

// gone fails unless every process is gone, reaped (no zombie).
func gone(t *testing.T, ids []int) {
	t.Helper()
	for _, id := range ids {
		if err := syscall.Kill(id, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("worker %d is still there (kill 0: %v)", id, err)
		}
	}
}

// emptyLabels has a label the engine protects (labels.go) and an edge
// label, so that the worker's path through Layout is the whole one.
var emptyLabels = []byte(`digraph { a [label=""]; b [label="b\nc"]; a -> b [label="x"]; }`)

// TestWorkersLayOutTheSameBytes: SVG and JSON made by a worker are the
// bytes this process makes, for dot and neato; workers and this process
// share a batch; Close leaves no process.
func TestWorkersLayOutTheSameBytes(t *testing.T) {
	e := testEngine(t, DefaultBudget())
	type job struct {
		dot            []byte
		layout, format string
	}
	var jobs []job
	for _, dot := range [][]byte{journeyDOT(t), emptyLabels} {
		for _, layout := range []string{"dot", "neato"} {
			for _, format := range []string{"svg", "json"} {
				jobs = append(jobs, job{dot, layout, format})
			}
		}
	}
	want := make([][]byte, len(jobs))
	for i, j := range jobs {
		var err error
		if want[i], err = e.Layout(context.Background(), j.dot, j.layout, j.format); err != nil {
			t.Fatal(err)
		}
	}
	p, _ := testWorkers(t, e, "serve", 1, 1000)
	ctx := startWorkers(t, p, 1)
	if s := p.Stats(); s.Started != 1 {
		t.Fatalf("stats %+v: the worker did not start", s)
	}
	giveBack := onlyInWorkers(p)
	for i, j := range jobs {
		got, err := e.Layout(ctx, j.dot, j.layout, j.format)
		if err != nil {
			t.Fatalf("%s %s in a worker: %v", j.layout, j.format, err)
		}
		if !bytes.Equal(got, want[i]) {
			t.Errorf("%s %s in a worker differs from this process's (%d and %d bytes)", j.layout, j.format, len(got), len(want[i]))
		}
	}
	if s := p.Stats(); s.Remote != len(jobs) {
		t.Errorf("stats %+v: want %d layouts in the worker", s, len(jobs))
	}
	giveBack()

	// Both at once, as a batch does.
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(jobs)
				got, err := e.Layout(ctx, jobs[i].dot, jobs[i].layout, jobs[i].format)
				if err != nil || !bytes.Equal(got, want[i]) {
					t.Errorf("layout %d in a batch: %v, or different bytes", i, err)
				}
			}
		}()
	}
	wg.Wait()
	s := p.Stats()
	t.Logf("stats %+v", s)
	if s.Failed != 0 || s.Retried != 0 {
		t.Errorf("stats %+v: no failure expected", s)
	}
	ids := pids(p)
	p.Close()
	gone(t, ids)
	// After Close, layouts are made here.
	if got, err := e.Layout(ctx, jobs[0].dot, "dot", "svg"); err != nil || !bytes.Equal(got, want[0]) {
		t.Errorf("after Close: %v", err)
	}
}

// TestWorkersKeepTheBudget: a worker lays out within the same budget, and
// its budget errors are ErrBudget with this process's message; another
// layout error is made again here, and the worker goes on.
func TestWorkersKeepTheBudget(t *testing.T) {
	var big bytes.Buffer
	big.WriteString("digraph {\n")
	for i := range 600 {
		fmt.Fprintf(&big, "n%d [label=%q];\n", i, strings.Repeat("label ", 1700))
	}
	big.WriteString("}\n")
	for _, c := range []struct {
		name   string
		budget Budget
		dot    []byte
	}{
		{"time", Budget{Time: 300 * time.Millisecond, Memory: 512 << 20, Recycle: 96 << 20}, dense(100)},
		{"memory", Budget{Time: time.Minute, Memory: 8 << 20, Recycle: 96 << 20}, big.Bytes()},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := testEngine(t, c.budget)
			// In this process first: the message to expect, and the
			// guarded module compiled into the cache for the worker.
			_, want := e.Layout(context.Background(), c.dot, "dot", "svg")
			if !errors.Is(want, ErrBudget) {
				t.Fatalf("in this process: %v, want ErrBudget", want)
			}
			p, _ := testWorkers(t, e, "serve", 1, 1000)
			ctx := startWorkers(t, p, 1)
			giveBack := onlyInWorkers(p)
			defer giveBack()
			start := time.Now()
			_, err := e.Layout(ctx, c.dot, "dot", "svg")
			if !errors.Is(err, ErrBudget) || err.Error() != want.Error() {
				t.Fatalf("in a worker: %v, want %v", err, want)
			}
			t.Logf("%v after %v", err, time.Since(start))
			if s := p.Stats(); s.Remote != 1 || s.Retried != 0 || s.Failed != 0 {
				t.Errorf("stats %+v: want the worker's own answer", s)
			}

			if c.name != "time" {
				return // with 8 MB, any failure counts as over the memory budget, here and there
			}
			// A DOT error is made again here, whose message is the one to
			// trust; the worker stays. (Graphviz counts lines on from the
			// previous graph of a module, so a line number can differ from
			// one module to another: the message is compared without it.)
			done := make(chan error, 1)
			go func() {
				_, err := e.Layout(ctx, []byte("digraph { a -> }"), "dot", "svg")
				done <- err
			}()
			waitStats(t, p, func(s WorkerStats) bool { return s.Retried == 1 })
			giveBack()
			if err := <-done; err == nil || errors.Is(err, ErrBudget) || !strings.HasPrefix(err.Error(), "render: DOT: syntax error in line ") {
				t.Errorf("a DOT error through a worker: %v, want a syntax error", err)
			}
			if s := p.Stats(); s.Failed != 0 || len(pids(p)) != 1 {
				t.Errorf("stats %+v, %d workers: the worker should stay", s, len(pids(p)))
			}
		})
	}
}

func waitStats(t *testing.T, p *Workers, ok func(WorkerStats) bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !ok(p.Stats()); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("stats %+v after 30 s", p.Stats())
		}
	}
}

// TestWorkerFailuresAreSurvived: a worker that cannot start, dies, is
// killed, panics, hangs or writes garbage is stopped, its layout made
// here, and nothing is left behind; nothing it wrote reaches our output.
func TestWorkerFailuresAreSurvived(t *testing.T) {
	b := Budget{Time: 300 * time.Millisecond, Memory: 512 << 20, Recycle: 16 << 20}
	e := testEngine(t, b)
	want, err := e.Layout(context.Background(), journeyDOT(t), "dot", "svg")
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"exit", "die", "killed", "panic", "hang", "garbage", "lie"} {
		t.Run(mode, func(t *testing.T) {
			worker := mode
			if mode == "killed" {
				worker = "serve"
			}
			p, _ := testWorkers(t, e, worker, 1, 1000)
			ctx := startWorkers(t, p, 1)
			if mode == "exit" {
				if s := p.Stats(); s.Failed != 1 || s.Started != 0 {
					t.Errorf("stats %+v: want one failed start", s)
				}
				if got, err := e.Layout(ctx, journeyDOT(t), "dot", "svg"); err != nil || !bytes.Equal(got, want) {
					t.Errorf("layout without a worker: %v", err)
				}
				return
			}
			ids := pids(p)
			if len(ids) != 1 {
				t.Fatalf("%d workers, want 1", len(ids))
			}
			if mode == "killed" {
				syscall.Kill(ids[0], syscall.SIGKILL)
			}
			giveBack := onlyInWorkers(p)
			defer giveBack()
			start := time.Now()
			done := make(chan error, 1)
			var got []byte
			go func() {
				var err error
				got, err = e.Layout(ctx, journeyDOT(t), "dot", "svg")
				done <- err
			}()
			waitStats(t, p, func(s WorkerStats) bool { return s.Retried == 1 })
			failedAfter := time.Since(start)
			giveBack()
			if err := <-done; err != nil || !bytes.Equal(got, want) {
				t.Errorf("the layout made here: %v (%d bytes, want %d)", err, len(got), len(want))
			}
			if s := p.Stats(); s.Failed != 1 || s.Remote != 0 {
				t.Errorf("stats %+v: want one failed worker", s)
			}
			t.Logf("worker given up after %v", failedAfter)
			if limit := b.Time + replyGrace + 3*time.Second; failedAfter > limit {
				t.Errorf("worker given up after %v, more than %v", failedAfter, limit)
			}
			gone(t, ids)
		})
	}
}

// TestWorkersCancel: a layout waiting on a worker ends with its context,
// and the worker is stopped.
func TestWorkersCancel(t *testing.T) {
	e := testEngine(t, Budget{Time: time.Minute, Memory: 512 << 20, Recycle: 16 << 20})
	p, _ := testWorkers(t, e, "hang", 1, 1000)
	ctx := startWorkers(t, p, 1)
	ids := pids(p)
	giveBack := onlyInWorkers(p)
	defer giveBack()
	ctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := e.Layout(ctx, journeyDOT(t), "dot", "svg")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("cancelled after %v", took)
	}
	gone(t, ids)
}

// TestWorkersStartWhenLayoutsQueue: layouts that wait for this process's
// engine start the workers; layouts one after another (a render, a batch
// whose layouts do not queue) start none.
func TestWorkersStartWhenLayoutsQueue(t *testing.T) {
	e := testEngine(t, DefaultBudget())
	p, _ := testWorkers(t, e, "serve", 1, 1000)
	ctx := p.Context(context.Background())
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 400 && p.Stats().Remote == 0; i++ {
				if _, err := e.Layout(ctx, journeyDOT(t), "dot", "svg"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if s := p.Stats(); s.Started != 1 || s.Remote == 0 {
		t.Errorf("stats %+v: layouts queued, and no worker made any", s)
	}
}

// TestNoWorkersForFewLayouts: a batch of a few layouts, one whose layouts
// do not queue, or one with no workers allowed, starts no process.
func TestNoWorkersForFewLayouts(t *testing.T) {
	e := testEngine(t, DefaultBudget())
	for _, c := range []struct{ most, layouts int }{{1, 3}, {1, minLayoutsFromCache}, {1, 1000}, {0, 1000}} {
		p, started := testWorkers(t, e, "serve", c.most, c.layouts)
		ctx := p.Context(context.Background())
		for range min(c.layouts, 20) {
			if _, err := e.Layout(ctx, journeyDOT(t), "dot", "svg"); err != nil {
				t.Fatal(err)
			}
		}
		p.Close()
		if n := started.Load(); n != 0 {
			t.Errorf("%d workers allowed, %d layouts: %d started", c.most, c.layouts, n)
		}
	}
	if !worthStarting(minLayoutsFromCache, "disk: /x") || worthStarting(minLayoutsFromCache, "memory: no cache directory") {
		t.Error("worthStarting: a worker from the cache is worth it for fewer layouts than one that compiles")
	}
}

// TestWorkerExitsWhenInputEnds: a worker whose parent has gone (its input
// ends) stops the layout under way and exits.
func TestWorkerExitsWhenInputEnds(t *testing.T) {
	b := Budget{Time: time.Minute, Memory: 512 << 20, Recycle: 16 << 20}
	e := testEngine(t, Budget{Time: 300 * time.Millisecond, Memory: 512 << 20, Recycle: 16 << 20})
	e.Layout(context.Background(), dense(100), "dot", "svg") // the guarded module, cached
	exe, _ := os.Executable()
	c := exec.Command(exe)
	c.Env = append(os.Environ(), workerEnv+"=serve")
	w, err := newWorker(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.stop()
	dir, _ := os.UserCacheDir()
	if err := w.handshake(configFields(Options{Budget: b, UserCacheDir: dir}, true), true); err != nil {
		t.Fatal(err)
	}
	if err := writeFrame(w.in, frameLayout, []byte("dot"), []byte("svg"), dense(100), []byte("8000")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the layout is under way, for up to a minute
	w.in.Close()
	exited := make(chan error, 1)
	go func() { exited <- w.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("the worker exited with %v, want 0", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the worker still runs 5 s after its input ended")
	}
}

// TestWorkerConfigCarriesTheOptions: a worker gets the parent's options
// whole, and refuses another protocol or a bad budget.
func TestWorkerConfigCarriesTheOptions(t *testing.T) {
	want := Options{Budget: Budget{Time: 1500 * time.Millisecond, Memory: 96 << 20, Recycle: 7 << 20}, UserCacheDir: "/home/ü/.cache"}
	for _, guarded := range []bool{false, true} {
		got, g, err := parseConfig(configFields(want, guarded))
		if err != nil || got != want || g != guarded {
			t.Errorf("round trip: %+v %v %v, want %+v %v", got, g, err, want, guarded)
		}
	}
	f := configFields(want, false)
	if _, _, err := parseConfig([][]byte{[]byte("journeymap-layout-worker/0"), f[1]}); err == nil {
		t.Error("another protocol accepted")
	}
	if _, _, err := parseConfig([][]byte{f[0], []byte(`{"Options":{"Budget":{"Time":0}}}`)}); err == nil {
		t.Error("a zero budget accepted")
	}
}

// TestWorkersSpendThePicturesShare: a layout in a worker is bounded by
// what the picture's TimeShare has left and spends it, as one here does
// (found in review: workers ran every layout on the whole per-layout
// budget, so a picture's budget could be exceeded and a flow drawn routed
// in a worker but straight here).
func TestWorkersSpendThePicturesShare(t *testing.T) {
	e := testEngine(t, DefaultBudget())
	p, _ := testWorkers(t, e, "serve", 1, 100)
	ctx := startWorkers(t, p, 1)
	here := func(ctx context.Context) context.Context {
		return context.WithValue(ctx, workersKey{}, (*Workers)(nil))
	}

	t.Run("a share that has run out", func(t *testing.T) {
		sctx, _ := WithTimeShare(ctx, time.Nanosecond)
		e.Layout(here(sctx), journeyDOT(t), "dot", "svg") // spends it
		_, errHere := e.Layout(here(sctx), journeyDOT(t), "dot", "svg")
		giveBack := onlyInWorkers(p)
		_, errThere := e.Layout(sctx, journeyDOT(t), "dot", "svg")
		giveBack()
		if !errors.Is(errHere, ErrBudget) || !errors.Is(errThere, ErrBudget) || errHere.Error() != errThere.Error() {
			t.Errorf("here: %v; in a worker: %v; want the same budget error", errHere, errThere)
		}
	})

	t.Run("a share smaller than the layout", func(t *testing.T) {
		const share = 50 * time.Millisecond
		sctx, s := WithTimeShare(ctx, share)
		giveBack := onlyInWorkers(p)
		start := time.Now()
		_, err := e.Layout(sctx, dense(100), "dot", "svg")
		took := time.Since(start)
		giveBack()
		want := fmt.Sprintf("the layouts of this picture took longer than %v", share)
		if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), want) {
			t.Errorf("in a worker: %v; want ErrBudget saying %q", err, want)
		}
		if s.Left() > 0 {
			t.Errorf("the worker's layout left %v of the share unspent", s.Left())
		}
		if took > share+replyGrace+startGrace {
			t.Errorf("the layout took %v for a share of %v", took, share)
		}
	})
}
