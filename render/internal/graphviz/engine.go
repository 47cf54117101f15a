// Package graphviz runs Graphviz layouts for package render: DOT source in,
// SVG or Graphviz JSON out.
//
// Graphviz is compiled to WebAssembly and run by wazero (through the copy of
// go-graphviz in third_party/go-graphviz). That module is one per process:
// every go-graphviz value shares its memory and Graphviz's global C state,
// and two goroutines using it at once corrupt it. So an Engine serialises
// every call, and only this package may call go-graphviz. The module starts
// on the first layout, never for commands that draw nothing.
//
// Each layout runs within a Budget: a time limit and a memory limit that
// stop a pathological graph with ErrBudget instead of a hang or running out
// of memory. Graphviz leaks a little memory inside the module at every
// layout and WebAssembly memory never shrinks, so the engine restarts the
// module when it has grown past Budget.Recycle, and after any error.
package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	gv "github.com/journeymap/journeymap/third_party/go-graphviz"
	"github.com/tetratelabs/wazero"
)

// ErrBudget reports a layout stopped because it went over its Budget.
var ErrBudget = errors.New("the layout is too large for the engine's budget")

// Budget bounds the work of one layout.
type Budget struct {
	// Time is the longest one layout may run.
	Time time.Duration
	// Memory is the most memory the WebAssembly Graphviz may use, in bytes
	// (rounded down to 64 KiB pages).
	Memory uint64
	// Recycle restarts the module after a layout that leaves its memory
	// larger than this many bytes.
	Recycle uint64
}

// DefaultBudget is what journeymap allows one layout: a journey under the
// input limits lays out in a few seconds at most (the views choose cheaper
// layouts for large graphs) and a few tens of MB. render gives all the
// layouts of one picture a shorter budget of their own (render.Render).
func DefaultBudget() Budget {
	return Budget{Time: 8 * time.Second, Memory: 512 << 20, Recycle: 16 << 20}
}

// Options configure an Engine.
type Options struct {
	Budget Budget
	// UserCacheDir is the current user's cache directory (os.UserCacheDir);
	// compiled code is kept in UserCacheDir/journeymap/wazero when that
	// directory is safe. "" compiles in memory at every start.
	UserCacheDir string
}

// Engine lays out graphs with the process's one embedded Graphviz.
type Engine struct {
	opts Options

	// Guarded by the module semaphore.
	cache       wazero.CompilationCache // kept across restarts: compile once per process
	cacheDir    string                  // "" when compiling in memory
	cacheStatus string
	gv          *gv.Graphviz // nil when this engine's module is not running
	guarded     bool         // the running module stops at its deadline
	stats       Stats

	probeOnce sync.Once
	probe     []byte
	probeErr  error
}

// Stats counts what an Engine did, for tests and measurements.
type Stats struct {
	Layouts int
	Starts  int
	// Memory is the module's memory after the last layout, in bytes.
	Memory uint64
}

// The go-graphviz module is process-wide state, so these are too.
var (
	// module serialises every use of go-graphviz; a channel so that waiting
	// honours a context.
	module = make(chan struct{}, 1)
	// running is the Engine whose configuration the running module has.
	// Guarded by module.
	running *Engine

	defaultEngine = sync.OnceValue(func() *Engine {
		dir, _ := os.UserCacheDir()
		return New(Options{Budget: DefaultBudget(), UserCacheDir: dir})
	})
)

// Default is the engine render uses: the default budget and the current
// user's cache directory.
func Default() *Engine { return defaultEngine() }

// New makes an Engine. Engines share the one module: using one after
// another restarts it with the other's configuration.
func New(opts Options) *Engine {
	if opts.Budget == (Budget{}) {
		opts.Budget = DefaultBudget()
	}
	return &Engine{opts: opts}
}

// Layout lays out dot with the named Graphviz layout (dot, neato …) and
// returns it in format ("svg", "json" …).
func (e *Engine) Layout(ctx context.Context, dot []byte, layout, format string) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if p := workersFor(ctx, e); p != nil { // a batch's worker processes (workers.go)
		return p.layout(ctx, dot, layout, format)
	}
	src, sentinel := protectEmptyLabels(dot)
	if err := e.acquire(ctx); err != nil {
		return nil, err
	}
	defer release()
	if err := e.startLocked(ctx, needsGuard(src)); err != nil {
		return nil, err
	}
	e.stats.Layouts++
	limit, share := e.opts.Budget.Time, shareOf(ctx)
	if share != nil {
		limit = min(limit, share.left())
		if limit <= 0 {
			return nil, fmt.Errorf("%w: the layouts of this picture took longer than %v", ErrBudget, share.total)
		}
	}
	start := time.Now()
	lctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	out, err := e.run(lctx, src, sentinel, layout, format)
	if share != nil {
		share.spend(time.Since(start))
	}
	if err != nil {
		// The module may be closed (trap, exit, deadline) or Graphviz's
		// global state left half-way: start afresh next time.
		mem := gv.MemorySize()
		e.stopLocked()
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case lctx.Err() != nil && share != nil && limit < e.opts.Budget.Time:
			return nil, fmt.Errorf("%w: the layouts of this picture took longer than %v", ErrBudget, share.total)
		case lctx.Err() != nil:
			return nil, fmt.Errorf("%w: the %s layout took longer than %v", ErrBudget, layout, limit)
		case mem+(32<<20) >= e.opts.Budget.Memory:
			return nil, fmt.Errorf("%w: the %s layout needs more than %d MB", ErrBudget, layout, e.opts.Budget.Memory>>20)
		}
		return nil, err
	}
	e.stats.Memory = gv.MemorySize()
	if e.stats.Memory > e.opts.Budget.Recycle {
		e.stopLocked()
	}
	return out, nil
}

// Calibration is the JSON layout of a tiny fixed graph, made once: render
// learns from it how this build's JSON departs from the xdot specification.
func (e *Engine) Calibration(ctx context.Context) ([]byte, error) {
	e.probeOnce.Do(func() {
		e.probe, e.probeErr = e.Layout(ctx, []byte(`digraph{a [label="x\\y"]; a->b}`), "dot", "json")
	})
	return e.probe, e.probeErr
}

// CacheStatus says where compiled code comes from: "disk: DIR" or
// "memory: why not disk"; "" before the first start.
func (e *Engine) CacheStatus() string {
	if err := e.acquire(context.Background()); err != nil {
		return ""
	}
	defer release()
	return e.cacheStatus
}

// Stats reports what the engine did so far.
func (e *Engine) Stats() Stats {
	if err := e.acquire(context.Background()); err != nil {
		return Stats{}
	}
	defer release()
	return e.stats
}

// Close stops the module if it runs with this engine's configuration and
// frees its memory; a later Layout starts it again.
func (e *Engine) Close() {
	if err := e.acquire(context.Background()); err != nil {
		return
	}
	defer release()
	e.stopLocked()
	if e.cache != nil {
		_ = e.cache.Close(context.Background())
		e.cache = nil
	}
}

func (e *Engine) acquire(ctx context.Context) error {
	select {
	case module <- struct{}{}:
		if err := ctx.Err(); err != nil {
			release()
			return err
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func release() { <-module }

// needsGuard says whether a graph is large enough that its layout could
// run past the time budget. A module that can be stopped at a deadline
// (wazero's WithCloseOnContextDone) checks at every loop and costs about
// three times the CPU, so small graphs, which Graphviz lays out in
// milliseconds, run in one that cannot.
func needsGuard(dot []byte) bool {
	return len(dot) > guardBytes ||
		bytes.Count(dot, []byte("->"))+bytes.Count(dot, []byte("--")) > guardEdges ||
		bytes.Count(dot, []byte("\n")) > guardLines
}

// Above any of these a graph is laid out in a module that stops at its
// deadline. The largest example journey has 14 KB, 25 edges, 400 lines.
const (
	guardBytes = 128 << 10
	guardEdges = 400
	guardLines = 3000
)

// startLocked starts the module with e's configuration unless it runs:
// guarded or not.
func (e *Engine) startLocked(ctx context.Context, guarded bool) error {
	if running == e && e.gv != nil && e.guarded == guarded {
		return nil
	}
	if running != nil {
		running.stopLocked()
	}
	if e.cache == nil {
		e.openCache()
	}
	err := e.startModule(ctx, guarded)
	if err != nil && e.cacheDir != "" {
		// wazero could not use what is on disk (a truncated or corrupted
		// entry, a full disk): compile in memory, and clear the entries so
		// that the next run writes good ones.
		clearCache(e.cacheDir)
		_ = e.cache.Close(ctx)
		e.cache, e.cacheDir = wazero.NewCompilationCache(), ""
		e.cacheStatus = "memory: the disk cache failed: " + firstLine(err)
		err = e.startModule(ctx, guarded)
	}
	if err != nil {
		return fmt.Errorf("render: starting graphviz: %w", err)
	}
	return nil
}

func (e *Engine) startModule(ctx context.Context, guarded bool) error {
	gv.SetRuntimeConfig(wazero.NewRuntimeConfig().
		WithCompilationCache(e.cache).
		WithMemoryLimitPages(uint32(e.opts.Budget.Memory >> 16)).
		WithCloseOnContextDone(guarded))
	if err := gv.Start(ctx); err != nil {
		_ = gv.Shutdown(ctx)
		return err
	}
	g, err := gv.New(ctx)
	if err != nil {
		_ = gv.Shutdown(ctx)
		return err
	}
	e.gv, e.guarded, running = g, guarded, e
	e.stats.Starts++
	return nil
}

// openCache picks the compilation cache: on disk when the user's cache
// directory is safe, else in memory.
func (e *Engine) openCache() {
	if e.opts.UserCacheDir == "" {
		e.cache, e.cacheStatus = wazero.NewCompilationCache(), "memory: no cache directory"
		return
	}
	dir, err := prepareCacheDir(e.opts.UserCacheDir)
	if err == nil {
		var c wazero.CompilationCache
		if c, err = wazero.NewCompilationCacheWithDir(dir); err == nil {
			e.cache, e.cacheDir, e.cacheStatus = c, dir, "disk: "+dir
			return
		}
	}
	e.cache, e.cacheStatus = wazero.NewCompilationCache(), "memory: "+err.Error()
}

func (e *Engine) stopLocked() {
	if running == e {
		_ = gv.Shutdown(context.Background())
		running = nil
	}
	e.gv = nil
}

// run parses and lays out one graph.
func (e *Engine) run(ctx context.Context, src []byte, sentinel, layout, format string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render: graphviz panicked: %v", r)
		}
	}()
	graph, err := gv.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("render: DOT: %w", cleanErr(err))
	}
	if graph == nil {
		return nil, errors.New("render: DOT: no graph in input")
	}
	defer graph.Close()
	if sentinel != "" {
		if err := fixEmptyLabels(graph, sentinel); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	}
	e.gv.SetLayout(gv.Layout(layout))
	var buf bytes.Buffer
	if err := e.gv.Render(ctx, graph, gv.Format(format), &buf); err != nil {
		return nil, fmt.Errorf("render: graphviz %s: %w", layout, cleanErr(err))
	}
	if buf.Len() == 0 {
		// go-graphviz turns a failure without a message into a nil error.
		return nil, fmt.Errorf("render: graphviz %s produced no %s output", layout, format)
	}
	return buf.Bytes(), nil
}

func cleanErr(err error) error {
	msg := strings.TrimSpace(err.Error())
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
