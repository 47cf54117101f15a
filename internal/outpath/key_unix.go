//go:build unix

package outpath

import (
	"io/fs"
	"syscall"
)

// fileKey is a file's identity: device and inode.
type fileKey struct{ dev, ino uint64 }

func keyOf(st fs.FileInfo) (fileKey, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(s.Dev), uint64(s.Ino)}, true
}
