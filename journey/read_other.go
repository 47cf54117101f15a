//go:build !unix

package journey

import "os"

// openNoBlock opens path for reading. Outside Unix there are no FIFOs in
// the file system to block on.
func openNoBlock(path string) (*os.File, error) {
	return os.Open(path)
}
