package graphviz

// Layout workers: the WebAssembly Graphviz is one module per process (its
// binding keeps it in package variables), so a batch that wants more than
// one layout at a time runs the others in worker processes — journeymap
// itself, running Serve — while this process keeps laying out too.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// WorkerOptions configure the worker processes of a batch.
type WorkerOptions struct {
	// Max is the most worker processes to start; 0 starts none.
	Max int
	// Command makes the command of one worker: a process that runs Serve
	// on its standard input and output, which Workers sets.
	Command func() *exec.Cmd
	// Layouts is how many layouts the batch will ask for, at least. Workers
	// start only when enough of them remain to repay starting (see
	// worthStarting).
	Layouts int
	// Stderr receives what workers write on their standard error; nil
	// discards it.
	Stderr io.Writer
}

// Workers lays out a batch's graphs with an Engine in this process and in
// worker processes beside it, whichever is free first. A context made by
// Context carries it to the Engine's Layout.
//
// Workers start only after the engine has started in this process (so
// that the compiled code is in the cache for them), when layouts queue for
// it (a batch whose layouts are a small part of its work, like PNGs on two
// cores, gains nothing from them), and when enough layouts remain. A worker that dies, hangs past the
// budget or writes anything but a reply is killed and its layout is made
// in this process. Close stops every worker.
type Workers struct {
	engine *Engine
	opts   WorkerOptions

	here    chan struct{}  // the one layout at a time in this process
	idle    chan *worker   // ready workers waiting for a layout
	spawned atomic.Bool    // workers were started, or judged not worth it
	wg      sync.WaitGroup // workers being started

	// Whether layouts queue for this process's engine, counted from the
	// end of its first layout (which starts the engine): in nanoseconds,
	// the time layouts waited for it and the time it was busy.
	since, waited, busy atomic.Int64

	mu      sync.Mutex
	closed  bool
	workers []*worker // every worker started and not stopped

	done                           atomic.Int64 // layouts done, anywhere
	started, failed, remote, local atomic.Int64
	retried                        atomic.Int64
}

// WorkerStats count what Workers did, for tests and measurements.
type WorkerStats struct {
	Started int // workers that became ready
	Failed  int // workers stopped because they failed (died, hung, garbage)
	Remote  int // layouts made by workers
	Here    int // layouts made in this process
	Retried int // layouts a worker could not make, made in this process
}

// How long a worker may take, beyond the layout budget: to answer, and to
// start (a worker starts a module variant, guarded or not, the first time
// a graph needs it; compiling one without the cache takes 2–3 s).
const (
	replyGrace = 2 * time.Second
	startGrace = 15 * time.Second
)

// NewWorkers makes the worker pool of a batch that lays out with e. It
// starts no process until the batch has made its first layout.
func NewWorkers(e *Engine, opts WorkerOptions) *Workers {
	return &Workers{
		engine: e,
		opts:   opts,
		here:   make(chan struct{}, 1),
		idle:   make(chan *worker, max(opts.Max, 0)),
	}
}

type workersKey struct{}

// Context returns ctx carrying p: the Layout of p's engine under it uses
// p's workers.
func (p *Workers) Context(ctx context.Context) context.Context {
	return context.WithValue(ctx, workersKey{}, p)
}

// workersFor returns the Workers ctx carries for e, or nil.
func workersFor(ctx context.Context, e *Engine) *Workers {
	p, _ := ctx.Value(workersKey{}).(*Workers)
	if p == nil || p.engine != e {
		return nil
	}
	return p
}

// Stats reports what p did so far.
func (p *Workers) Stats() WorkerStats {
	return WorkerStats{
		Started: int(p.started.Load()), Failed: int(p.failed.Load()),
		Remote: int(p.remote.Load()), Here: int(p.local.Load()), Retried: int(p.retried.Load()),
	}
}

// Close stops every worker, waits for their ends and leaves no process
// behind. Layouts after Close are made in this process.
func (p *Workers) Close() {
	p.mu.Lock()
	p.closed = true
	ws := p.workers
	p.workers = nil
	p.mu.Unlock()
	for _, w := range ws {
		w.stop()
	}
	p.wg.Wait()
}

// layout makes one layout wherever a place is free first: in this process
// (preferred: no copying) or in an idle worker.
func (p *Workers) layout(ctx context.Context, dot []byte, layout, format string) ([]byte, error) {
	select {
	case p.here <- struct{}{}:
		return p.layoutHere(ctx, dot, layout, format)
	default:
	}
	queued := time.Now()
	select {
	case p.here <- struct{}{}:
		if since := p.since.Load(); since != 0 && queued.UnixNano() >= since {
			p.waited.Add(int64(time.Since(queued)))
		}
		return p.layoutHere(ctx, dot, layout, format)
	case w := <-p.idle:
		return p.layoutThere(ctx, w, dot, layout, format)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// layoutHere lays out in this process; the caller holds p.here.
func (p *Workers) layoutHere(ctx context.Context, dot []byte, layout, format string) ([]byte, error) {
	defer func() { <-p.here }()
	start := time.Now()
	out, err := p.engine.Layout(context.WithValue(ctx, workersKey{}, (*Workers)(nil)), dot, layout, format)
	p.local.Add(1)
	p.done.Add(1)
	if p.since.Load() != 0 {
		p.busy.Add(int64(time.Since(start)))
	} else if err == nil {
		p.since.Store(time.Now().UnixNano())
	}
	if err == nil && !p.spawned.Load() && p.queueing() && p.spawned.CompareAndSwap(false, true) {
		p.startWorkers()
	}
	return out, err
}

// queueing says whether layouts wait for this process's engine for a
// quarter of the time it works or more, over a few layouts after its
// first: then more engines would be busy. A batch of SVGs on two cores
// waits about as long as it works; one of PNGs, whose painting takes ten
// times its layout, a few per cent.
func (p *Workers) queueing() bool {
	busy := p.busy.Load()
	return p.local.Load() > minLayoutsSampled && busy > 0 && 4*p.waited.Load() >= busy
}

// minLayoutsSampled is how many layouts after the first tell whether
// layouts queue.
const minLayoutsSampled = 4

// layoutThere lays out in worker w. A layout error other than the budget
// is made again here, whose message is the one to trust; a worker that
// failed is stopped and its layout made here.
//
// A layout there spends the picture's TimeShare as one here does: the
// worker gets at most what the share has left, and the time it took,
// whatever its outcome, is spent from the share before anything is made
// again here.
func (p *Workers) layoutThere(ctx context.Context, w *worker, dot []byte, layout, format string) ([]byte, error) {
	limit, share := p.engine.opts.Budget.Time, shareOf(ctx)
	if share != nil {
		limit = min(limit, share.left())
		if limit <= 0 {
			p.idle <- w
			return nil, fmt.Errorf("%w: the layouts of this picture took longer than %v", ErrBudget, share.total)
		}
	}
	start := time.Now()
	out, err := w.layout(ctx, limit, dot, layout, format)
	if share != nil {
		share.spend(time.Since(start))
	}
	var le *layoutError
	switch {
	case err == nil || errors.As(err, &le) && le.budget:
		p.idle <- w
		p.remote.Add(1)
		p.done.Add(1)
		if le != nil && share != nil && limit < p.engine.opts.Budget.Time {
			// As Engine.Layout words it: the picture's share ran out.
			err = &layoutError{msg: fmt.Sprintf("%v: the layouts of this picture took longer than %v", ErrBudget, share.total), budget: true}
		}
		return out, err
	case errors.As(err, &le):
		p.idle <- w
	default:
		p.retire(w)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p.failed.Add(1)
	}
	p.retried.Add(1)
	select {
	case p.here <- struct{}{}:
		return p.layoutHere(ctx, dot, layout, format)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// startWorkers starts the workers in the background, if they are worth it.
func (p *Workers) startWorkers() {
	if p.opts.Max <= 0 || p.opts.Command == nil {
		return
	}
	guarded, status := p.engine.variant()
	if !worthStarting(p.opts.Layouts-int(p.done.Load()), status) {
		return
	}
	config := configFields(p.engine.opts, guarded)
	for range p.opts.Max {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.startWorker(config, guarded)
		}()
	}
}

// worthStarting says whether a worker repays its start when remaining
// layouts are left, given where this process's engine found its compiled
// code. From the cache a worker starts in about 30 ms of CPU, a few
// layouts; compiling in memory (no usable cache) costs it about 1 s of CPU
// (measured beside a batch of 400: 1.3 s more CPU in all, and on a machine
// with no core to spare 29 % more wall time), so only a long batch repays
// it.
func worthStarting(remaining int, cacheStatus string) bool {
	if strings.HasPrefix(cacheStatus, "disk:") {
		return remaining >= minLayoutsFromCache
	}
	return remaining >= minLayoutsCompiling
}

// Measured in docs/engine.md ("Batches on every core").
const (
	minLayoutsFromCache = 8
	minLayoutsCompiling = 1000
)

// startWorker starts one worker and, once it is ready, offers it.
func (p *Workers) startWorker(config [][]byte, guarded bool) {
	w, err := newWorker(p.opts.Command(), p.opts.Stderr)
	if err != nil {
		return
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		w.stop()
		return
	}
	p.workers = append(p.workers, w) // so that Close stops it while it starts
	p.mu.Unlock()
	if err := w.handshake(config, guarded); err != nil {
		p.retire(w)
		p.failed.Add(1)
		return
	}
	p.started.Add(1)
	p.idle <- w
}

// retire stops a worker that failed and forgets it.
func (p *Workers) retire(w *worker) {
	w.stop()
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, x := range p.workers {
		if x == w {
			p.workers = append(p.workers[:i], p.workers[i+1:]...)
			break
		}
	}
}

// variant says which module this process's engine runs (guarded or not)
// and where its compiled code came from.
func (e *Engine) variant() (guarded bool, cacheStatus string) {
	if err := e.acquire(context.Background()); err != nil {
		return false, ""
	}
	defer release()
	return e.guarded, e.cacheStatus
}

// layoutError is an error a worker reported for a layout.
type layoutError struct {
	msg    string
	budget bool
}

func (e *layoutError) Error() string { return e.msg }

// Unwrap makes a budget error errors.Is ErrBudget, as in this process.
func (e *layoutError) Unwrap() error {
	if e.budget {
		return ErrBudget
	}
	return nil
}
