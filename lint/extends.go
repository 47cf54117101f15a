package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// step is one thing applied, in order, to build a workspace's rule set: a
// preset, or the own settings of one lint block.
type step struct {
	preset string
	why    string
	layer  *journey.LintConfig
}

// maxExtendsDepth bounds how deep files may extend files. Cycles are caught
// on their own; this stops a generated chain from going on for ever.
const maxExtendsDepth = 32

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// extend expands lc's `extends` into steps, files before the block that
// names them, each file's own extends first. stack holds the absolute
// paths of the files being expanded, outermost first, to catch cycles.
// Files that cannot be used are findings at the entry that names them.
func (c *config) extend(lc *journey.LintConfig, stack []string) []step {
	var steps []step
	for _, e := range lc.Extends {
		if isPreset(e.Value) {
			steps = append(steps, step{preset: e.Value, why: fmt.Sprintf("preset %s (%s:%d)", e.Value, lc.File, e.Pos.Line)})
			continue
		}
		path := e.Value
		display := path
		if !filepath.IsAbs(path) {
			display = filepath.Join(filepath.Dir(lc.File), path)
			path = filepath.Join(filepath.Dir(stack[len(stack)-1]), path)
		}
		for i, s := range stack {
			if s == path {
				chain := []string{}
				for _, p := range stack[i:] {
					chain = append(chain, filepath.Base(p))
				}
				c.problem(lc.File, e.Pos, journey.RuleRange, "extends %q leads back to itself (%s → %s): a shared rule set cannot include itself",
					e.Value, strings.Join(chain, " → "), filepath.Base(path))
				return steps
			}
		}
		if len(stack) > maxExtendsDepth {
			c.problem(lc.File, e.Pos, journey.RuleRange, "extends %q: files extend files more than %d deep", e.Value, maxExtendsDepth)
			continue
		}
		src, msg := readShared(path)
		if msg != "" {
			if s := journey.Suggest(e.Value, presetNames()); s != "" && !strings.ContainsAny(e.Value, "/.") {
				msg = fmt.Sprintf("%q is neither a preset nor a file; did you mean the preset %q?", e.Value, s)
			}
			c.problem(lc.File, e.Pos, journey.RuleFile, "extends %q: %s", e.Value, msg)
			continue
		}
		c.sources[display] = string(src)
		child, fs := journey.ParseLintFile(display, src)
		if len(fs) > 0 && !journey.InProject(stack[0], path) {
			// A shared rule set outside the repository (an organisation's,
			// checked out beside it) is applied when it is valid; when it is
			// not, its contents are not quoted: a workspace comes with a pull
			// request and could name any file on the machine.
			c.problem(lc.File, e.Pos, journey.RuleFile, "extends %q: the file outside this repository is not a valid shared rule set (%s); check it in its own repository",
				e.Value, words.Count(len(fs), "problem"))
			continue
		}
		c.findings = append(c.findings, fs...)
		if len(fs) > 0 {
			continue // a broken shared file is reported, not half applied
		}
		steps = append(steps, c.extend(&child, append(stack, path))...)
	}
	return append(steps, step{layer: lc})
}

// readShared reads a file named by extends through journey's bounded
// reader (regular files only, within the size bound of journey files); a
// message says why it cannot be used.
func readShared(path string) ([]byte, string) {
	src, err := journey.ReadFile(path)
	var nr *journey.NotRegularError
	switch {
	case err == nil:
		return src, ""
	case errors.Is(err, fs.ErrNotExist):
		return nil, "no such file (paths are relative to the file that names them)"
	case errors.As(err, &nr) && nr.Mode.IsDir():
		return nil, "is a directory; name a YAML file holding a lint: block"
	case errors.Is(err, journey.ErrTooLarge):
		return nil, fmt.Sprintf("file is larger than %d MiB; a shared rule set is a few lines", journey.MaxFileSize>>20)
	}
	return nil, fmt.Sprintf("cannot read it: %v", unwrap(err))
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// problem records a configuration finding: always an error, like every
// validation finding.
func (c *config) problem(file string, at journey.Pos, rule, format string, args ...any) {
	if at.Line < 1 {
		at = journey.Pos{Line: 1, Col: 1}
	}
	subject := journey.SubjectFile // a file that extends names
	if file == c.wsFile {
		subject = journey.SubjectWorkspace
	}
	c.findings = append(c.findings, journey.Finding{
		File: file, Line: at.Line, Column: max(at.Col, 1), Rule: rule, Severity: journey.Error,
		Message: fmt.Sprintf(format, args...), Subject: subject,
	})
}
