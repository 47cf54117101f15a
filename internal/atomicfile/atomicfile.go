// Package atomicfile writes files so that readers see the old content or
// the new, never a half-written file, and a failed write leaves no trace.
//
// Write never writes into an existing file: it writes a new file beside the
// target and renames it over the target's name. So a target that is a
// symbolic link is replaced by a regular file (what the link pointed to is
// untouched), and a target that is not a regular file — a device, a FIFO,
// a link to one — is refused: a planted link must not turn a diagram into
// a write to /dev/sda or a wait on a pipe. WriteNamed is for a path the
// user named on purpose, such as -o /dev/stdout.
//
// While it is written the temporary file ".NAME.tmp-N" is locked; one a
// killed process left behind is unlocked, and RemoveStale deletes it.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/internal/filekind"
)

// ErrNotRegular is the error of a target that exists and is not a regular
// file (or a link to one).
var ErrNotRegular = errors.New("not a regular file")

// Write replaces path with data: it writes a temporary file in the same
// directory, syncs it, and renames it over path. An existing file keeps its
// permissions; a new one gets perm less the umask. An existing target that
// is not a regular file is refused with ErrNotRegular (in an *fs.PathError).
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteOptions(path, data, perm, Options{})
}

// Options change how WriteOptions writes.
type Options struct {
	// NoSync skips syncing the file before the rename, for a batch of
	// files whose directory the caller syncs once with SyncDir. The rename
	// still means a reader sees the old file or the new one; after a system
	// crash, though, a file may be empty or old.
	NoSync bool
}

// WriteOptions is Write with options.
func WriteOptions(path string, data []byte, perm os.FileMode, o Options) (err error) {
	keep := false
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return &fs.PathError{Op: "write", Path: path, Err: notRegular(st.Mode())}
		}
		perm, keep = st.Mode().Perm(), true
	}
	f, err := createTemp(path, perm)
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		f.Close()
		return err
	}
	if !o.NoSync {
		if err = f.Sync(); err != nil {
			f.Close()
			return err
		}
	}
	if keep {
		// The umask applied when the file was created; an existing file's
		// mode is kept exactly.
		if err = f.Chmod(perm); err != nil {
			f.Close()
			return err
		}
	}
	// Rename while the lock is held, so RemoveStale never takes a file
	// that is about to become the target.
	if err = os.Rename(tmp, path); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteNamed is Write for a path the user named: when it exists and is
// neither a regular file nor a directory (/dev/stdout, a FIFO the user set
// up), data is written into it directly, as there is nothing to replace.
func WriteNamed(path string, data []byte, perm os.FileMode) error {
	st, err := os.Stat(path)
	if err != nil || st.Mode().IsRegular() || st.IsDir() {
		return Write(path, data, perm)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// RemoveStale deletes the temporary files that interrupted writes of the
// named files (base names) left in dir, and reports how many it removed.
// A temporary file another process is still writing is locked and kept.
func RemoveStale(dir string, names []string) (int, error) {
	prefixes := map[string]bool{}
	for _, n := range names {
		prefixes[tempPrefix(n)] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, e := range entries {
		name := e.Name()
		i := strings.LastIndex(name, ".tmp-")
		if i < 0 || !e.Type().IsRegular() || !prefixes[name[:i+len(".tmp-")]] {
			continue
		}
		if _, err := strconv.ParseUint(name[i+len(".tmp-"):], 10, 64); err != nil {
			continue
		}
		p := filepath.Join(dir, name)
		if !abandoned(p) {
			continue
		}
		if err := os.Remove(p); err == nil {
			removed++
		}
	}
	return removed, nil
}

// tempPrefix is the start of the temporary name a write of name uses. Long
// names are shortened so the temporary name still fits in 255 bytes.
func tempPrefix(name string) string {
	const room = 200
	if len(name) > room {
		name = name[:room]
	}
	return "." + name + ".tmp-"
}

// createTemp creates and locks a new temporary file beside path with the
// given permissions (less the umask).
func createTemp(path string, perm os.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	prefix := filepath.Join(dir, tempPrefix(base))
	for tries := 0; tries < 100; tries++ {
		name := prefix + strconv.FormatUint(uint64(rand.Uint32()), 10)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := lock(f); err != nil {
			f.Close()
			os.Remove(name)
			return nil, err
		}
		// RemoveStale may have taken the file between its creation and
		// the lock; then start again with a new name.
		if st, err := os.Stat(name); err != nil || !sameFile(f, st) {
			f.Close()
			continue
		}
		return f, nil
	}
	return nil, &fs.PathError{Op: "create", Path: prefix + "*", Err: fs.ErrExist}
}

func sameFile(f *os.File, st fs.FileInfo) bool {
	fst, err := f.Stat()
	return err == nil && os.SameFile(fst, st)
}

func notRegular(m fs.FileMode) error {
	return fmt.Errorf("%w (%s); only a regular file is replaced", ErrNotRegular, filekind.Of(m))
}

// SyncDir flushes dir's entries (the renames of a batch) to disk.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
