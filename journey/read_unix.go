//go:build unix

package journey

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without blocking: opening a FIFO that
// has no writer would otherwise wait forever. Reads of a regular file are
// not affected by O_NONBLOCK.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
