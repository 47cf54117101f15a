package graphviz

// One layout worker process, seen from its parent: starting it, the
// handshake, a request under a watchdog, and stopping it.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"time"
)

// worker is one worker process and the pipes to it.
type worker struct {
	cmd     *exec.Cmd
	in      *os.File // its standard input
	out     *os.File // its standard output
	r       *bufio.Reader
	started [2]bool // module variants (unguarded, guarded) it has run
	once    sync.Once
}

// newWorker starts cmd with pipes for its standard input and output. The
// pipes carry deadlines, which the watchdog needs: a system whose pipes
// cannot have them (Windows) gets no workers.
func newWorker(cmd *exec.Cmd, stderr io.Writer) (*worker, error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	closeAll := func() {
		for _, f := range []*os.File{inR, inW, outR, outW} {
			f.Close()
		}
	}
	if inW.SetWriteDeadline(time.Time{}) != nil || outR.SetReadDeadline(time.Time{}) != nil {
		closeAll()
		return nil, errors.New("layout worker: pipes without deadlines")
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, stderr
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	// A worker makes one layout at a time.
	cmd.Env = append(cmd.Env, "GOMAXPROCS=1")
	if err := cmd.Start(); err != nil {
		closeAll()
		return nil, err
	}
	inR.Close()
	outW.Close()
	return &worker{cmd: cmd, in: inW, out: outR, r: bufio.NewReader(outR)}, nil
}

// handshake configures the worker and waits until its engine has started
// the given module variant.
func (w *worker) handshake(config [][]byte, guarded bool) error {
	deadline := time.Now().Add(startGrace)
	w.in.SetWriteDeadline(deadline)
	w.out.SetReadDeadline(deadline)
	if err := writeFrame(w.in, frameConfig, config...); err != nil {
		return err
	}
	kind, f, err := expectFrame(w.r, map[byte]int{frameReady: 2, frameError: 2})
	if err != nil {
		return err
	}
	if kind == frameError {
		return fmt.Errorf("layout worker: %s", f[1])
	}
	if string(f[0]) != protocolVersion {
		return fmt.Errorf("layout worker: protocol %q, want %q", f[0], protocolVersion)
	}
	w.started[boolIndex(guarded)] = true
	return nil
}

// layout asks the worker for one layout and waits for its reply, at most
// the budget's time and some grace, or until ctx ends. It returns a
// *layoutError for an error the worker reported; any other error means
// the worker cannot be used again.
func (w *worker) layout(ctx context.Context, limit time.Duration, dot []byte, layout, format string) ([]byte, error) {
	guarded := needsGuard(dot)
	wait := limit + replyGrace
	if !w.started[boolIndex(guarded)] {
		wait += startGrace
	}
	deadline := time.Now().Add(wait)
	w.in.SetWriteDeadline(deadline)
	w.out.SetReadDeadline(deadline)
	stop := context.AfterFunc(ctx, func() {
		now := time.Now()
		w.in.SetWriteDeadline(now)
		w.out.SetReadDeadline(now)
	})
	defer stop()
	ms := []byte(strconv.FormatInt(max(limit.Milliseconds(), 1), 10))
	if err := writeFrame(w.in, frameLayout, []byte(layout), []byte(format), dot, ms); err != nil {
		return nil, err
	}
	kind, f, err := expectFrame(w.r, map[byte]int{frameOutput: 1, frameError: 2})
	if err != nil {
		return nil, err
	}
	w.started[boolIndex(guarded)] = true
	if kind == frameError {
		return nil, &layoutError{msg: string(f[1]), budget: string(f[0]) == errKindBudget}
	}
	return f[0], nil
}

// stop kills the worker and waits for its end, so that no zombie stays.
func (w *worker) stop() {
	w.once.Do(func() {
		w.in.Close()
		_ = w.cmd.Process.Kill()
		_ = w.cmd.Wait()
		w.out.Close()
	})
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}
