package wasm

// journeymap patch (see ../../PATCHES.md): the WebAssembly module starts on
// first use rather than in init(), in a runtime configured by the embedder,
// and can be closed and started again. Upstream started it in init() and
// cached its compiled native code in $TMPDIR/go-graphviz, a directory any
// local user can create first.

import (
	"context"
	"fmt"
	"sync"

	"github.com/tetratelabs/wazero"
)

var (
	// startMu guards runtime, runtimeConfig and startHooks.
	startMu       sync.Mutex
	runtime       wazero.Runtime
	runtimeConfig wazero.RuntimeConfig
	startHooks    []func(context.Context) error
)

// SetRuntimeConfig sets the configuration of the runtimes started from now
// on. Without one the module is compiled in memory: nothing is read from or
// written to disk.
func SetRuntimeConfig(cfg wazero.RuntimeConfig) {
	startMu.Lock()
	defer startMu.Unlock()
	runtimeConfig = cfg
}

// OnStart registers fn to run after every start of the module, before any
// other use; packages that keep pointers into the module's memory set them
// there. Call it from init only.
func OnStart(fn func(context.Context) error) {
	startMu.Lock()
	defer startMu.Unlock()
	startHooks = append(startHooks, fn)
}

// Start starts the module unless it is running.
func Start(ctx context.Context) error {
	startMu.Lock()
	defer startMu.Unlock()
	if mod.mod != nil {
		if !mod.mod.IsClosed() {
			return nil
		}
		// Closed under us (a trap, or its context ended with
		// WithCloseOnContextDone): start afresh.
		_ = runtime.Close(ctx)
		runtime, mod.mod = nil, nil
	}
	return startLocked(ctx)
}

func startLocked(ctx context.Context) (err error) {
	cfg := runtimeConfig
	if cfg == nil {
		cfg = wazero.NewRuntimeConfig()
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("go-graphviz: starting the WebAssembly module: %v", r)
		}
		if err != nil {
			mod.mod = nil
			if runtime != nil {
				_ = runtime.Close(ctx)
				runtime = nil
			}
		}
	}()
	r, err := start(ctx, cfg)
	if err != nil {
		return err
	}
	runtime = r
	for _, fn := range startHooks {
		if err := fn(ctx); err != nil {
			return err
		}
	}
	return nil
}

// mustStart starts the module for a caller that cannot return an error.
func mustStart() {
	if err := Start(context.Background()); err != nil {
		panic(err)
	}
}

// Close closes the module and its runtime and frees their memory; the next
// use starts a new module. Nothing obtained from the closed module (graphs,
// contexts, plugins) may be used afterwards.
func Close(ctx context.Context) error {
	startMu.Lock()
	defer startMu.Unlock()
	if runtime == nil {
		return nil
	}
	err := runtime.Close(ctx)
	runtime, mod.mod = nil, nil
	return err
}

// MemorySize is the size in bytes of the module's linear memory, which
// never shrinks while it runs; 0 when it is not running.
func MemorySize() uint64 {
	startMu.Lock()
	defer startMu.Unlock()
	if mod.mod == nil || mod.mod.Memory() == nil {
		return 0
	}
	return uint64(mod.mod.Memory().Size())
}

// freeString frees a string returned by the module (its header and its
// bytes), once its value has been copied.
func (m *WasmModule) freeString(ctx context.Context, p uint64) error {
	if p == 0 {
		return nil
	}
	data, err := m.readU32(p)
	if err != nil {
		return err
	}
	if err := m.free(ctx, data); err != nil {
		return err
	}
	return m.free(ctx, p)
}
