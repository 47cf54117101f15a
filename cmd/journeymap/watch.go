package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// inputStamp summarises what a render reads: the journeys found under the
// paths (by the same rules as every command, journey.Discover), the
// workspace files that apply to them and --config, by size and
// modification time; and what could not be searched.
func inputStamp(opts *renderOptions) string {
	var b strings.Builder
	stamp := func(path string) {
		if info, err := os.Stat(path); err == nil {
			fmt.Fprintf(&b, "%s %v %d %d\n", path, info.Mode(), info.Size(), info.ModTime().UnixNano())
		} else {
			fmt.Fprintf(&b, "%s missing\n", path)
		}
	}
	if opts.config != "" {
		stamp(opts.config)
	}
	found, err := journey.Discover(opts.paths)
	if err != nil {
		fmt.Fprintf(&b, "%v\n", err)
		return b.String()
	}
	dirs, workspaces := map[string]bool{}, map[string]bool{}
	for _, f := range found.Files {
		if f == "-" {
			continue
		}
		stamp(f)
		if dir := filepath.Dir(f); opts.config == "" && !dirs[dir] {
			dirs[dir] = true
			if ws := journey.FindWorkspace(dir); ws != "" && !workspaces[ws] {
				workspaces[ws] = true
				stamp(ws)
			}
		}
	}
	for _, f := range found.Findings {
		fmt.Fprintf(&b, "%s\n", f)
	}
	return b.String()
}
