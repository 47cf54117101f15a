// Package gitrev reads files as they were at a git revision, for the
// commands that compare a journey with its past (`render --rev`, `diff
// --rev`). It runs the git command-line tool: a revision is whatever git
// accepts (HEAD~1, a tag, a branch, a commit), and git's own messages are
// turned into ones that name the path and the revision.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// ErrAbsent says the path did not exist at the revision: a journey added since.
var ErrAbsent = errors.New("not in the revision")

// Error is git failing: not a repository, an unknown revision, git missing.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Show returns file as it was at rev. The file's directory (or the nearest
// one that still exists) selects the repository, so a path works from any
// working directory. A file that did not exist at rev is ErrAbsent.
func Show(file, rev string) ([]byte, error) {
	dir, base := split(file)
	if err := Check(dir, rev); err != nil {
		return nil, err
	}
	names, err := List(dir, rev, base)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: %w %s", file, ErrAbsent, rev)
	}
	return blob(dir, rev, base, file)
}

// blob reads rev:./rel through the bound every input has: a blob larger
// than journey.MaxFileSize is not read whole (git is stopped).
func blob(dir, rev, rel, file string) ([]byte, error) {
	cmd := exec.Command("git", "-C", dir, "cat-file", "blob", "--end-of-options", rev+":./"+rel)
	stderr := &bounded{max: 64 << 10}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, &Error{fmt.Sprintf("cannot run git: %v", err)}
	}
	if err := cmd.Start(); err != nil {
		return nil, &Error{fmt.Sprintf("cannot run git: %v", err)}
	}
	out, readErr := journey.ReadAll(stdout)
	if readErr != nil {
		cmd.Process.Kill() // do not wait for the rest of a huge blob
	}
	err = cmd.Wait()
	switch {
	case errors.Is(readErr, journey.ErrTooLarge):
		return nil, &Error{fmt.Sprintf("%s at %s: %v", file, rev, readErr)}
	case readErr != nil:
		return nil, &Error{fmt.Sprintf("cannot read %s at %s: %v", file, rev, readErr)}
	case err != nil:
		msg := strings.TrimPrefix(strings.TrimSpace(stderr.b.String()), "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &Error{msg}
	}
	return out, nil
}

// bounded keeps the first max bytes written to it: git's messages are
// read, not a flood of them.
type bounded struct {
	max int
	b   bytes.Buffer
}

func (w *bounded) Write(p []byte) (int, error) {
	if room := w.max - w.b.Len(); room > 0 {
		w.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// ShowAll reads many files of one revision with a single git process
// (cat-file --batch): rels are paths from dir, as List returns them
// relative to it. Each blob is bounded like Show's; a file absent at rev
// is left out of the map. The revision must have been checked.
func ShowAll(dir, rev string, rels []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(rels) == 0 {
		return out, nil
	}
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	var in bytes.Buffer
	for _, r := range rels {
		if strings.ContainsAny(r, "\n\r") {
			return nil, &Error{fmt.Sprintf("%q: a file name with a line break cannot be read at a revision", r)}
		}
		fmt.Fprintf(&in, "%s:./%s\n", rev, filepath.ToSlash(r))
	}
	cmd.Stdin = &in
	stderr := &bounded{max: 64 << 10}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, &Error{fmt.Sprintf("cannot run git: %v", err)}
	}
	if err := cmd.Start(); err != nil {
		return nil, &Error{fmt.Sprintf("cannot run git: %v", err)}
	}
	readErr := readBatch(bufio.NewReader(stdout), dir, rev, rels, out)
	if readErr != nil {
		cmd.Process.Kill()
	}
	if err := cmd.Wait(); err != nil && readErr == nil {
		msg := strings.TrimPrefix(strings.TrimSpace(stderr.b.String()), "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &Error{msg}
	}
	if readErr != nil {
		return nil, readErr
	}
	return out, nil
}

// readBatch reads cat-file --batch's answers, one per requested path:
// "<object> <type> <size>" and the content, or "<name> missing".
func readBatch(r *bufio.Reader, dir, rev string, rels []string, out map[string][]byte) error {
	for _, rel := range rels {
		head, err := r.ReadString('\n')
		if err != nil {
			return &Error{fmt.Sprintf("cannot read %s at %s from git: %v", rel, rev, err)}
		}
		fields := strings.Fields(head)
		if len(fields) == 2 && fields[1] == "missing" {
			continue
		}
		if len(fields) != 3 {
			return &Error{fmt.Sprintf("unexpected answer from git cat-file: %q", strings.TrimSpace(head))}
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return &Error{fmt.Sprintf("unexpected answer from git cat-file: %q", strings.TrimSpace(head))}
		}
		if fields[1] != "blob" || size > journey.MaxFileSize {
			if _, err := io.CopyN(io.Discard, r, int64(size)+1); err != nil {
				return &Error{fmt.Sprintf("cannot read %s at %s from git: %v", rel, rev, err)}
			}
			if fields[1] == "blob" {
				return &Error{fmt.Sprintf("%s at %s: %v", filepath.Join(dir, rel), rev, journey.ErrTooLarge)}
			}
			continue // a directory or a submodule, not a file
		}
		b := make([]byte, size+1) // the content and its newline
		if _, err := io.ReadFull(r, b); err != nil {
			return &Error{fmt.Sprintf("cannot read %s at %s from git: %v", rel, rev, err)}
		}
		out[rel] = b[:size]
	}
	return nil
}

// Refs lists the branches and tags of the repository holding dir, for
// shell completion of a revision; nil outside a repository.
func Refs(dir string) []string {
	out, err := run(dir, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags")
	if err != nil {
		return nil
	}
	refs := []string{"HEAD", "HEAD~1"}
	for _, r := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if r != "" {
			refs = append(refs, r)
		}
	}
	return refs
}

// Check says whether rev names a commit in the repository holding dir.
func Check(dir, rev string) error {
	if strings.HasPrefix(rev, "-") || rev == "" {
		return &Error{fmt.Sprintf("%q is not a revision", rev)}
	}
	if _, err := run(dir, "rev-parse", "--git-dir"); err != nil {
		return &Error{fmt.Sprintf("%s is not inside a git repository (an older revision is read with git)", dir)}
	}
	if _, err := run(dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return &Error{fmt.Sprintf("unknown revision %q", rev)}
	}
	return nil
}

// List returns the files under dir (recursively) at rev, as paths joined to
// dir. With names, only those entries of dir (files or directories) are
// listed. The revision must have been checked.
func List(dir, rev string, names ...string) ([]string, error) {
	args := []string{"ls-tree", "-r", "--name-only", "-z", "--end-of-options", rev, "--"}
	if len(names) == 0 {
		args = append(args, ".")
	}
	for _, n := range names {
		args = append(args, "./"+n)
	}
	out, err := run(dir, args...)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, f := range bytes.Split(out, []byte{0}) {
		if len(f) > 0 {
			files = append(files, filepath.Join(dir, filepath.FromSlash(string(f))))
		}
	}
	return files, nil
}

// split returns the nearest existing directory above file and file's path
// from it: a file, or a whole directory, deleted since the revision is
// still looked up from a directory git can run in.
func split(file string) (dir, rel string) {
	dir, rel = filepath.Split(filepath.Clean(file))
	dir = filepath.Clean(dir)
	return Nearest(dir, rel)
}

// Nearest walks up from dir to the nearest directory that exists and
// returns it with rel extended by the part walked over.
func Nearest(dir, rel string) (string, string) {
	for {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir, filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir, filepath.ToSlash(rel)
		}
		rel = filepath.Join(filepath.Base(dir), rel)
		dir = parent
	}
}

// run runs git in dir and returns its output, or its message as an Error.
func run(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	stderr := &bounded{max: 64 << 10}
	cmd.Stderr = stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, &Error{fmt.Sprintf("cannot run git: %v", err)}
		}
		msg := strings.TrimSpace(stderr.b.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &Error{msg}
	}
	return out, nil
}
