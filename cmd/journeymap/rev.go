package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// withRevisions adds, for each journey, its content at each git revision,
// so the emotion view overlays then and now.
func withRevisions(js []*journey.Journey, revs []string) ([]*journey.Journey, []string, error) {
	var out []*journey.Journey
	var labels []string
	for _, j := range js {
		if j.File == journey.StdinName {
			return nil, nil, usageError("--rev needs journey files, not standard input")
		}
		for _, rev := range revs {
			src, err := gitShow(j.File, rev)
			if err != nil {
				return nil, nil, usageError("--rev %s: %v", rev, err)
			}
			old, fs := journey.Parse(fmt.Sprintf("%s@%s", j.File, rev), src)
			fs = append(fs, journey.Resolve(old, j.Workspace)...)
			if len(fs) > 0 {
				return nil, nil, usageError("--rev %s: %s is not a valid journey at that revision: %s", rev, j.File, fs[0])
			}
			out = append(out, old)
			labels = append(labels, fmt.Sprintf("%s @ %s", old.Title.Value, rev))
		}
		out = append(out, j)
		labels = append(labels, j.Title.Value+" (working copy)")
	}
	return out, labels, nil
}

// gitShow reads a file as it was at a revision, through the same bounded
// reader as every input: a blob larger than journey.MaxFileSize is not read
// whole (git is stopped), and git's own messages are bounded too.
func gitShow(file, rev string) ([]byte, error) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	cmd := exec.Command("git", "-C", dir, "show", "--end-of-options", rev+":./"+base)
	stderr := &boundedBuffer{max: 64 << 10}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	out, readErr := journey.ReadAll(stdout)
	if readErr != nil {
		cmd.Process.Kill() // do not wait for the rest of a huge blob
	}
	err = cmd.Wait()
	switch {
	case errors.Is(readErr, journey.ErrTooLarge):
		return nil, fmt.Errorf("%s at %s: %v", file, rev, readErr)
	case readErr != nil:
		return nil, readErr
	case err != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return out, nil
}

// boundedBuffer keeps the first max bytes written to it and drops the rest.
type boundedBuffer struct {
	max int
	b   bytes.Buffer
}

func (w *boundedBuffer) Write(p []byte) (int, error) {
	if room := w.max - w.b.Len(); room > 0 {
		w.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (w *boundedBuffer) String() string { return w.b.String() }
