package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/journeymap/journeymap/journey"
)

// watch renders, then renders again whenever an input file changes, until
// interrupted.
func watch(ctx context.Context, io *IO, opts *renderOptions) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	// After the first Ctrl-C, a second one ends the process even while a
	// layout is running (Graphviz cannot be interrupted).
	go func() {
		<-ctx.Done()
		stop()
	}()
	last := ""
	rendered := false
	for {
		stamp := inputStamp(opts)
		if stamp != last {
			last = stamp
			err := renderOnce(ctx, io, opts)
			var ee *exitError
			var pe *journey.PathError
			now := time.Now().Format("15:04:05")
			switch {
			case err == nil:
				rendered = true
				fmt.Fprintf(io.Err, "%s rendered; watching for changes (Ctrl-C to stop)\n", now)
			case errors.As(err, &ee) && ee.code == exitFindings:
				if ee.err != nil {
					fmt.Fprintf(io.Err, "journeymap: %v\n", ee.err)
				}
				fmt.Fprintf(io.Err, "%s problems found (above); the maps of valid journeys are up to date; watching for changes\n", now)
			case rendered && errors.As(err, &pe):
				// An editor or git can remove a file for a moment while saving.
				fmt.Fprintf(io.Err, "%s %v; watching for it to come back\n", now, err)
			default:
				return err
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(300 * time.Millisecond):
		}
	}
}

// inputStamp summarises the size and modification time of every input file
// and of the workspace files that apply to them.
func inputStamp(opts *renderOptions) string {
	var b strings.Builder
	stamp := func(path string) {
		if info, err := os.Stat(path); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		}
	}
	if opts.config != "" {
		stamp(opts.config)
	}
	for _, p := range orDot(opts.paths) {
		dir := p
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			dir = filepath.Dir(p)
		}
		if ws := journey.FindWorkspace(dir); ws != "" {
			stamp(ws)
		}
		filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if path == p || journey.IsJourneyFile(d.Name()) || d.Name() == journey.WorkspaceFile {
				if info, err := d.Info(); err == nil {
					fmt.Fprintf(&b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
				}
			}
			return nil
		})
	}
	return b.String()
}
