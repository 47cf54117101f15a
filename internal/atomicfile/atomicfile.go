// Package atomicfile writes files so that readers see the old content or
// the new, never a half-written file, and a failed write leaves no trace.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write replaces path with data: it writes a temporary file in the same
// directory, syncs it, and renames it over path. An existing file keeps its
// permissions. A path that is not a regular file (/dev/stdout, a pipe) is
// written directly, as there is nothing to replace.
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
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
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
		perm = st.Mode().Perm()
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
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
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, perm); err != nil {
		return err
	}
	return os.Rename(tmp, path)
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
