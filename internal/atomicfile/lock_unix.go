//go:build unix

package atomicfile

import (
	"os"
	"syscall"
)

// lock takes an exclusive lock on f, held until f is closed or the process
// ends, however it ends.
func lock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// abandoned says whether no process holds the lock of the temporary file
// at path: its writer has ended without renaming or removing it.
func abandoned(path string) bool {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
