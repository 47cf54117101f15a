//go:build !unix

package outpath

import "io/fs"

// fileKey is unused where the system gives no inode: Guard compares with
// os.SameFile one by one.
type fileKey struct{}

func keyOf(fs.FileInfo) (fileKey, bool) { return fileKey{}, false }
