package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/journeymap/journeymap/journey"
)

// watch renders, then renders again whenever an input file changes, until
// ctx is cancelled (Ctrl-C). Once it has rendered, it keeps watching
// through what an editor, git or a build does to a folder for a moment: a
// file removed, a folder holding no journeys, a file turned into a folder.
func watch(ctx context.Context, io *IO, opts *renderOptions) error {
	last := ""
	rendered := false
	for {
		stamp := inputStamp(opts)
		if stamp != last {
			last = stamp
			err := renderOnce(ctx, io, opts)
			var ee *exitError
			var pe *journey.PathError
			var none errNoJourneys
			now := time.Now().Format("15:04:05")
			switch {
			case errors.Is(err, errStopped):
				return nil
			case err == nil:
				rendered = true
				fmt.Fprintf(io.Err, "%s rendered; watching for changes (Ctrl-C to stop)\n", now)
			case errors.As(err, &ee) && ee.code == exitFindings:
				if ee.err != nil {
					fmt.Fprintf(io.Err, "journeymap: %v\n", ee.err)
				}
				fmt.Fprintf(io.Err, "%s problems found (above); the maps of valid journeys are up to date; watching for changes\n", now)
			case rendered && (errors.As(err, &pe) || errors.As(err, &none)):
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

// inputStamp summarises the input files of a render (journey.InputStamp).
func inputStamp(opts *renderOptions) string { return journey.InputStamp(opts.paths, opts.config) }
