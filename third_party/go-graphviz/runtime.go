package graphviz

// journeymap patch (see PATCHES.md): control over the embedded WebAssembly
// runtime, which starts on first use instead of in init().

import (
	"context"

	"github.com/journeymap/journeymap/third_party/go-graphviz/internal/wasm"
	"github.com/tetratelabs/wazero"
)

// SetRuntimeConfig sets the wazero configuration of the embedded Graphviz
// from its next start on: for example a compilation cache in a directory the
// program trusts, a memory limit, or WithCloseOnContextDone. Without one,
// Graphviz is compiled in memory and nothing is written to disk.
func SetRuntimeConfig(cfg wazero.RuntimeConfig) {
	wasm.SetRuntimeConfig(cfg)
}

// Start starts the embedded Graphviz unless it is running, and says why it
// cannot. Without it, Graphviz starts on first use and a failure panics.
// Start after Shutdown, or after the module was closed by a trap or by its
// context, starts a new one.
func Start(ctx context.Context) error {
	return wasm.Start(ctx)
}

// Shutdown stops the embedded Graphviz and frees all its memory; the next use
// starts a new one. Graphs and Graphviz values made before must not be used
// afterwards.
func Shutdown(ctx context.Context) error {
	return wasm.Close(ctx)
}

// MemorySize is the size in bytes of the embedded Graphviz's memory, which
// only grows while it runs; 0 when it is not running.
func MemorySize() uint64 {
	return wasm.MemorySize()
}
