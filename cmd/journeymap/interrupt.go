package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// onInterrupt returns a context that the first SIGINT or SIGTERM cancels,
// so that a command finishes the file it is writing (no half-written file,
// no temporary file left) and stops. A second signal ends the process at
// once, as Graphviz cannot be interrupted in the middle of a layout. stop
// stops listening and returns the signal received, if any.
func onInterrupt(ctx context.Context) (_ context.Context, stop func() os.Signal) {
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan os.Signal, 1)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(sig) { // started with nohup or in the background: stay deaf to it
			signal.Notify(ch, sig)
		}
	}
	var mu sync.Mutex
	var got os.Signal
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case s := <-ch:
			mu.Lock()
			got = s
			mu.Unlock()
			signal.Stop(ch) // the next signal has its default effect
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, func() os.Signal {
		signal.Stop(ch)
		cancel()
		<-done
		mu.Lock()
		defer mu.Unlock()
		return got
	}
}

// interrupted is the error of a command stopped by a signal: the shell's
// usual 128+N exit status, so scripts see it was interrupted.
func interrupted(sig os.Signal) error {
	code := 130
	if sig == syscall.SIGTERM {
		code = 143
	}
	return &exitError{code: code, err: errors.New("interrupted: every file written is complete; the rest were not written")}
}
