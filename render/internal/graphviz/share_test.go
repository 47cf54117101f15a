package graphviz

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestTimeShare: layouts under one share take their time from it; one
// that finds it spent stops at once with ErrBudget, and one that outruns
// what is left stops at that, naming the share's total.
func TestTimeShare(t *testing.T) {
	e := testEngine(t, DefaultBudget())
	ctx, share := WithTimeShare(context.Background(), time.Minute)
	if _, err := e.Layout(ctx, journeyDOT(t), "dot", "svg"); err != nil {
		t.Fatal(err)
	}
	if left := share.Left(); left >= time.Minute || left <= 0 {
		t.Errorf("left %v after a layout, want less than a minute", left)
	}

	spent, _ := WithTimeShare(context.Background(), 0)
	start := time.Now()
	_, err := e.Layout(spent, journeyDOT(t), "dot", "svg")
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "the layouts of this picture took longer than 0s") {
		t.Errorf("spent share: %v", err)
	}
	if took := time.Since(start); took > 100*time.Millisecond {
		t.Errorf("a spent share took %v to refuse", took)
	}

	short, _ := WithTimeShare(context.Background(), 300*time.Millisecond)
	start = time.Now()
	_, err = e.Layout(short, dense(100), "dot", "svg")
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "took longer than 300ms") {
		t.Errorf("short share: %v", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("stopped after %v, want about 300ms", took)
	}
}
