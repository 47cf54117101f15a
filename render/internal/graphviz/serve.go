package graphviz

import (
	"bufio"
	"context"
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
	_, cfg, err := expectFrame(r, map[byte]int{frameConfig: 6})
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
			_, f, err := expectFrame(r, map[byte]int{frameLayout: 3})
			if err != nil {
				readErr <- err
				cancel()
				return
			}
			requests <- f
		}
	}()
	for f := range requests {
		res, err := e.Layout(ctx, f[2], string(f[0]), string(f[1]))
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

// configFields is what a parent tells a new worker: the engine's options
// and which module variant to start first.
func configFields(opts Options, guarded bool) [][]byte {
	b := opts.Budget
	g := "0"
	if guarded {
		g = "1"
	}
	return [][]byte{
		[]byte(protocolVersion),
		[]byte(strconv.FormatInt(int64(b.Time), 10)),
		[]byte(strconv.FormatUint(b.Memory, 10)),
		[]byte(strconv.FormatUint(b.Recycle, 10)),
		[]byte(opts.UserCacheDir),
		[]byte(g),
	}
}

func parseConfig(f [][]byte) (Options, bool, error) {
	if string(f[0]) != protocolVersion {
		return Options{}, false, fmt.Errorf("layout worker: protocol %q, this build speaks %q", f[0], protocolVersion)
	}
	t, err1 := strconv.ParseInt(string(f[1]), 10, 64)
	mem, err2 := strconv.ParseUint(string(f[2]), 10, 64)
	rec, err3 := strconv.ParseUint(string(f[3]), 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil || t <= 0 || mem == 0 {
		return Options{}, false, fmt.Errorf("layout worker: a bad budget in the configuration")
	}
	b := Budget{Time: time.Duration(t), Memory: mem, Recycle: rec}
	return Options{Budget: b, UserCacheDir: string(f[4])}, string(f[5]) == "1", nil
}
