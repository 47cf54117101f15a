package graphviz

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Serve is a layout worker: the other end of Workers, run in a process of
// its own. It reads the parent's configuration from in (its budget and
// cache directory), starts an engine with it, says it is ready, then lays
// out each request in turn and writes the result to out, until in ends.
// The end of in also stops a layout under way, so a worker whose parent
// has gone exits within moments.
func Serve(in io.Reader, out io.Writer) error {
	r := bufio.NewReader(in)
	_, cfg, err := expectFrame(r, map[byte]int{frameConfig: 2})
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return fmt.Errorf("layout worker: %w", err)
	}
	opts, guarded, err := parseConfig(cfg)
	if err != nil {
		_ = writeFrame(out, frameError, []byte(errKindLayout), []byte(err.Error()))
		return err
	}
	e := New(opts)
	defer e.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Start the module the parent runs before saying it is ready, so that
	// the parent's watchdog need not allow for a start in each request.
	if err := e.acquire(ctx); err != nil {
		return err
	}
	err = e.startLocked(ctx, guarded)
	status := e.cacheStatus
	release()
	if err != nil {
		_ = writeFrame(out, frameError, []byte(errKindLayout), []byte(err.Error()))
		return err
	}
	if err := writeFrame(out, frameReady, []byte(protocolVersion), []byte(status)); err != nil {
		return err
	}

	// Read ahead, so that the end of the input is seen while a layout runs.
	requests := make(chan [][]byte, 1)
	readErr := make(chan error, 1)
	go func() {
		defer close(requests)
		for {
			_, f, err := expectFrame(r, map[byte]int{frameLayout: 4})
			if err != nil {
				readErr <- err
				cancel()
				return
			}
			requests <- f
		}
	}()
	for f := range requests {
		// The parent sends what the picture's time share has left; a
		// share of that size makes this layout stop where the parent's
		// own engine would.
		lctx := ctx
		if ms, err := strconv.ParseInt(string(f[3]), 10, 64); err == nil && ms > 0 {
			if limit := time.Duration(ms) * time.Millisecond; limit < e.opts.Budget.Time {
				lctx, _ = WithTimeShare(ctx, limit)
			}
		}
		res, err := e.Layout(lctx, f[2], string(f[0]), string(f[1]))
		switch {
		case ctx.Err() != nil:
			// The parent has gone: nobody reads the answer.
		case err == nil:
			err = writeFrame(out, frameOutput, res)
		case errors.Is(err, ErrBudget):
			err = writeFrame(out, frameError, []byte(errKindBudget), []byte(err.Error()))
		default:
			err = writeFrame(out, frameError, []byte(errKindLayout), []byte(err.Error()))
		}
		if err != nil && ctx.Err() == nil {
			// The reader may still wait on the input; the process ends.
			return fmt.Errorf("layout worker: writing a reply: %w", err)
		}
	}
	if err := <-readErr; !errors.Is(err, io.EOF) {
		return fmt.Errorf("layout worker: %w", err)
	}
	return nil
}

// workerConfig is what a parent tells a new worker: the engine's options,
// whole (JSON carries every exported field, so an option added to Options
// or Budget reaches workers without a change here), and which module
// variant to start first.
type workerConfig struct {
	Options Options
	Guarded bool
}

// configFields encodes a worker's configuration as the fields of a config
// frame: the protocol, then the JSON of workerConfig.
func configFields(opts Options, guarded bool) [][]byte {
	b, err := json.Marshal(workerConfig{Options: opts, Guarded: guarded})
	if err != nil { // Options holds only numbers and strings
		panic(err)
	}
	return [][]byte{[]byte(protocolVersion), b}
}

func parseConfig(f [][]byte) (Options, bool, error) {
	if string(f[0]) != protocolVersion {
		return Options{}, false, fmt.Errorf("layout worker: protocol %q, this build speaks %q", f[0], protocolVersion)
	}
	var c workerConfig
	if err := json.Unmarshal(f[1], &c); err != nil || c.Options.Budget.Time <= 0 || c.Options.Budget.Memory == 0 {
		return Options{}, false, fmt.Errorf("layout worker: a bad configuration")
	}
	return c.Options, c.Guarded, nil
}
