package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// entry is one journey file as the server knows it: what the latest save
// says (findings, validity) and the last version of it that validated, which
// is what gets drawn while a save is invalid.
type entry struct {
	// Key names the entry in URLs: its file's path without the
	// .journey.yaml suffix. It is the file, not the journey's id, that a
	// page follows: two files may hold the same id, and an edit may change it.
	Key      string
	File     string
	ID       string // from the latest save; the file name's id if unreadable
	Title    string
	Valid    bool
	Findings []journey.Finding
	// good is the last valid journey of this file, nil if it never was.
	good *journey.Journey
	// goodFindings are the lint findings of good, for the --lint overlay.
	goodFindings []journey.Finding
	// goodGen is the generation good was loaded in; it keys the picture cache.
	goodGen int
}

// snapshot is everything the pages show at one generation.
type snapshot struct {
	Gen     int
	Entries []*entry // sorted by file
	// Problem is a run-wide problem (a PATH that vanished, a broken lint
	// configuration), shown above the list; "" when none.
	Problem string
	Loaded  time.Time
}

// find returns the entry with the given key; only keys of the entries
// loaded match, so no URL can name any other file.
func (s *snapshot) find(key string) *entry {
	for _, e := range s.Entries {
		if e.Key == key {
			return e
		}
	}
	return nil
}

// pageKey is a file's key: its path relative to the working directory when
// inside it, in slashes, without the journey suffix.
func pageKey(file string) string {
	p := file
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	p = filepath.ToSlash(filepath.Clean(p))
	for _, suffix := range []string{".journey.yaml", ".journey.yml"} {
		p = strings.TrimSuffix(p, suffix)
	}
	return strings.TrimLeft(p, "/")
}

// state loads the journeys under the PATHs and keeps the latest snapshot.
type state struct {
	opts Options

	mu    sync.Mutex
	cur   *snapshot
	stamp string // the inputs as last loaded
	// pending is a change seen at the last poll but not loaded yet: a
	// change is loaded once it has held for one poll, so that a file caught
	// half-written (truncated, then written) is not shown as a broken save.
	pending string
}

func newState(opts Options) *state {
	return &state{opts: opts, cur: &snapshot{}}
}

func (st *state) snapshot() *snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.cur
}

// refresh reloads when an input changed since the last load, and says
// whether it did.
func (st *state) refresh() bool {
	stamp := journey.InputStamp(st.opts.Paths, st.opts.Config)
	st.mu.Lock()
	first := st.cur.Gen == 0
	if !first && stamp == st.stamp {
		st.pending = ""
		st.mu.Unlock()
		return false
	}
	if !first && stamp != st.pending {
		st.pending = stamp // wait one poll for the write to finish
		st.mu.Unlock()
		return false
	}
	st.mu.Unlock()
	next := st.load(st.snapshot())
	st.mu.Lock()
	st.stamp, st.pending = stamp, ""
	st.cur = next
	st.mu.Unlock()
	return true
}

// load reads every journey and lints it, carrying each file's last good
// journey over from prev.
func (st *state) load(prev *snapshot) *snapshot {
	next := &snapshot{Gen: prev.Gen + 1, Loaded: time.Now()}
	previous := map[string]*entry{}
	for _, e := range prev.Entries {
		previous[e.File] = e
	}
	set, err := journey.Load(st.opts.Paths, journey.LoadOptions{Config: st.opts.Config})
	if err != nil {
		// The PATHs hold no journeys now (all deleted, a git checkout under
		// way): say so. Open pages keep their picture and pick the journey
		// up again when its file is back.
		next.Problem = err.Error()
		return next
	}
	var lintFindings []journey.Finding
	if res, err := lint.Run(set, lint.Options{Today: st.opts.Today}); err != nil {
		var ce *lint.ConfigError
		if !errors.As(err, &ce) {
			next.Problem = "lint: " + err.Error()
		} else {
			next.Problem = ce.Error()
		}
		lintFindings = set.Findings
	} else {
		lintFindings = res.Findings
	}
	byFile := map[string][]journey.Finding{}
	for _, f := range lintFindings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	var wsFindings []journey.Finding
	for _, ws := range set.Workspaces {
		wsFindings = append(wsFindings, byFile[ws.File]...)
	}
	if len(wsFindings) > 0 && next.Problem == "" {
		next.Problem = fmt.Sprintf("%s has %d problem(s): %s", wsFindings[0].File, len(wsFindings), wsFindings[0].Message)
	}
	for _, j := range set.Journeys {
		e := &entry{Key: pageKey(j.File), File: j.File, ID: j.ID.Value, Title: j.Title.Value, Valid: set.Valid(j), Findings: byFile[j.File]}
		if e.Title == "" {
			e.Title = e.ID
		}
		if e.Valid {
			e.good, e.goodFindings, e.goodGen = j, e.Findings, next.Gen
		} else if p := previous[j.File]; p != nil {
			e.good, e.goodFindings, e.goodGen = p.good, p.goodFindings, p.goodGen
		}
		next.Entries = append(next.Entries, e)
	}
	sort.Slice(next.Entries, func(a, b int) bool { return next.Entries[a].File < next.Entries[b].File })
	return next
}
