package graphviz

import (
	"context"
	"sync"
	"time"
)

// TimeShare is a budget of time that several layouts share: each Layout
// under a context carrying it runs for at most what the earlier ones left
// (and at most Budget.Time). Time spent waiting for the engine, while
// another goroutine's layout runs, is not counted, so a picture of a
// parallel batch gets the same budget as one drawn alone.
type TimeShare struct {
	total time.Duration
	mu    sync.Mutex
	spent time.Duration
}

type shareKey struct{}

// WithTimeShare returns a context whose layouts share d, and the share.
func WithTimeShare(ctx context.Context, d time.Duration) (context.Context, *TimeShare) {
	s := &TimeShare{total: d}
	return context.WithValue(ctx, shareKey{}, s), s
}

// Left is the time the share has left.
func (s *TimeShare) Left() time.Duration { return s.left() }

func (s *TimeShare) left() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total - s.spent
}

func (s *TimeShare) spend(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.spent += d
}

func shareOf(ctx context.Context) *TimeShare {
	s, _ := ctx.Value(shareKey{}).(*TimeShare)
	return s
}
