// Package parallel runs independent pieces of work on every core, bounded.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls do(i) for every i in [0, n), at most GOMAXPROCS calls at a
// time, and returns when all have returned. The calls must not depend on
// one another; each writes only to its own slot of any shared result.
func Each(n int, do func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	next := make(chan int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// InOrder calls work(i) for every i in [0, n) on GOMAXPROCS goroutines and
// hands each result to done in order of i, in the calling goroutine, as
// soon as it and every result before it are ready. At most a few results
// per core wait at any time, so memory holds a handful of results however
// large n is.
//
// One piece of work, or one core, runs in the calling goroutine: starting
// goroutines for it costs a one-file lint a tenth of its time.
func InOrder[T any](n int, work func(i int) T, done func(i int, result T)) {
	workers := runtime.GOMAXPROCS(0)
	if n == 1 || workers == 1 {
		for i := range n {
			done(i, work(i))
		}
		return
	}
	// At most cap(window) pieces are between being handed out and being
	// done, so they take turns on that many result slots: piece i uses
	// slot i % len(results), which piece i - len(results) has left by the
	// time i is handed out. A run over 8,000 journeys needs no 8,000
	// channels.
	window := make(chan struct{}, 4*workers)
	results := make([]chan T, min(n, cap(window)))
	for i := range results {
		results[i] = make(chan T, 1)
	}
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			window <- struct{}{}
			next <- i
		}
	}()
	for range min(n, workers) {
		go func() {
			for i := range next {
				results[i%len(results)] <- work(i)
			}
		}()
	}
	for i := range n {
		r := <-results[i%len(results)]
		<-window
		done(i, r)
	}
}
