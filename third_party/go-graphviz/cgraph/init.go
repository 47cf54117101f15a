package cgraph

import (
	"context"

	"github.com/journeymap/journeymap/third_party/go-graphviz/internal/wasm"
)

// The descriptors exist before the WebAssembly module starts (other
// packages copy these pointers in their own initialisation); setGlobalVars
// points them into the module at every start. (journeymap patch: lazy start)
var (
	Directed         = &Desc{}
	StrictDirected   = &Desc{}
	UnDirected       = &Desc{}
	StrictUnDirected = &Desc{}
)

func init() {
	wasm.OnStart(setGlobalVars)
}

func setGlobalVars(ctx context.Context) error {
	// Set MAX to prevent outputting internally generated errors or warnings with agerr to the stderr.
	wasm.SetError(ctx, wasm.MAX)

	directed, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	directed.SetDirected(1)
	directed.SetMaingraph(1)

	strictDirected, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	strictDirected.SetDirected(1)
	strictDirected.SetStrict(1)
	strictDirected.SetMaingraph(1)

	undirected, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	undirected.SetMaingraph(1)

	strictUndirected, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	strictUndirected.SetStrict(1)
	strictUndirected.SetMaingraph(1)

	Directed.wasm = directed
	StrictDirected.wasm = strictDirected
	UnDirected.wasm = undirected
	StrictUnDirected.wasm = strictUndirected

	return nil
}
