package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/render"
)

// layoutWorkerCommand is the hidden command a batch starts its layout
// workers with: journeymap itself, laying out what its parent sends.
const layoutWorkerCommand = "__layout-worker"

// layoutWorkersEnv caps the worker processes of a batch; 0 turns them off.
const layoutWorkersEnv = "JOURNEYMAP_LAYOUT_WORKERS"

// layoutWorkerEnv is set in a worker's environment by the journeymap that
// starts it: the worker command runs only then.
const layoutWorkerEnv = "JOURNEYMAP_LAYOUT_WORKER"

// newLayoutWorkerCmd is a layout worker (render.ServeLayoutWorker) on
// standard input and output. It is not listed in help or completion, and
// it refuses a terminal: it speaks a binary protocol to its parent only.
func newLayoutWorkerCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:    layoutWorkerCommand,
		Short:  "Lay out graphs for a parent journeymap (internal)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			byHand := io.Getenv == nil || io.Getenv(layoutWorkerEnv) != "1"
			if f, ok := io.In.(*os.File); byHand || ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
				return usageError("%s is the layout process that journeymap render starts for a batch; it is not run by hand", layoutWorkerCommand)
			}
			// ^C in a terminal reaches the whole process group: the parent
			// decides when its workers stop (it closes their input).
			signal.Ignore(os.Interrupt)
			if err := render.ServeLayoutWorker(io.In, io.Out); err != nil {
				return &exitError{code: exitInternal, err: err}
			}
			return nil
		},
	}
}

// batchWorkers returns a context under which a batch of n renders also
// lays out in worker processes (up to GOMAXPROCS−1, or as many as
// JOURNEYMAP_LAYOUT_WORKERS allows), and a function that stops them. With
// one core, one render, or JOURNEYMAP_LAYOUT_WORKERS=0 it changes nothing.
// With JOURNEYMAP_DEBUG set, workers' standard error is shown and stop
// says what they did.
func batchWorkers(ctx context.Context, io *IO, n int) (context.Context, func(), error) {
	getenv := io.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	most := runtime.GOMAXPROCS(0) - 1
	if v := getenv(layoutWorkersEnv); v != "" {
		k, err := strconv.Atoi(v)
		if err != nil || k < 0 {
			return ctx, nil, usageError("%s=%q: give a number of layout worker processes, 0 for none", layoutWorkersEnv, v)
		}
		most = min(most, k)
	}
	exe := ownExecutable()
	if most <= 0 || n < 2 || exe == "" {
		return ctx, func() {}, nil
	}
	o := render.LayoutWorkerOptions{
		Max:     most,
		Layouts: n,
		Command: func() *exec.Cmd {
			c := exec.Command(exe, layoutWorkerCommand)
			c.Args[0] = "journeymap" // what ps shows, rather than /proc/self/exe
			c.Env = append(os.Environ(), layoutWorkerEnv+"=1")
			return c
		},
	}
	debug := getenv("JOURNEYMAP_DEBUG") != ""
	if debug {
		o.Stderr = io.Err
	}
	ctx, stop := render.WithLayoutWorkers(ctx, o)
	return ctx, func() {
		s := stop()
		if debug {
			fmt.Fprintf(io.Err, "journeymap: layout workers: %d started, %d failed; layouts: %d in workers, %d here, %d retried here\n",
				s.Started, s.Failed, s.Remote, s.Here, s.Retried)
		}
	}, nil
}

// ownExecutable is how to run this very program again. On Linux
// /proc/self/exe is the running binary even if the file it came from has
// been replaced (an upgrade during a batch), so workers are its own build.
func ownExecutable() string {
	if runtime.GOOS == "linux" {
		if _, err := os.Stat("/proc/self/exe"); err == nil {
			return "/proc/self/exe"
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return exe
}
