package render

import (
	"context"
	"io"

	"github.com/journeymap/journeymap/render/internal/graphviz"
)

// LayoutWorkerOptions say how a batch may lay out in worker processes: how
// many, the command that runs one (a process running ServeLayoutWorker),
// and how many layouts the batch will make at least.
type LayoutWorkerOptions = graphviz.WorkerOptions

// LayoutWorkerStats count what a batch's layout workers did.
type LayoutWorkerStats = graphviz.WorkerStats

// WithLayoutWorkers returns a context under which renders lay out both in
// this process and in up to o.Max worker processes, whichever is free
// first, and a function that stops the workers and says what they did:
// call it when the batch is done. The Graphviz module is one per process,
// so this is how a batch uses more than one core for its layouts. Workers
// start only once this process has made a layout and enough remain; the
// output is the same bytes as without them.
func WithLayoutWorkers(ctx context.Context, o LayoutWorkerOptions) (context.Context, func() LayoutWorkerStats) {
	p := graphviz.NewWorkers(graphviz.Default(), o)
	return p.Context(ctx), func() LayoutWorkerStats {
		p.Close()
		return p.Stats()
	}
}

// ServeLayoutWorker is a layout worker: it answers the layout requests of
// the journeymap process whose WithLayoutWorkers started it, read from in,
// on out, until in ends.
func ServeLayoutWorker(in io.Reader, out io.Writer) error {
	return graphviz.Serve(in, out)
}
