//go:build !unix

package atomicfile

import (
	"os"
	"time"
)

// lock does nothing where flock(2) is not available.
func lock(*os.File) error { return nil }

// abandoned, without locks, trusts only age: no write takes an hour.
func abandoned(path string) bool {
	st, err := os.Stat(path)
	return err == nil && time.Since(st.ModTime()) > time.Hour
}
