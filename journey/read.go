package journey

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/journeymap/journeymap/internal/fileerr"
	"github.com/journeymap/journeymap/internal/filekind"
)

// ErrTooLarge is the error of a read that went past MaxFileSize.
var ErrTooLarge = fmt.Errorf("file is larger than %d MiB; a journey or workspace file should be a few kilobytes", MaxFileSize>>20)

// NotRegularError is a path that names something other than a regular file
// (a FIFO, a device, a socket or a directory), which journeymap never reads:
// a FIFO would block forever and /dev/zero never ends.
type NotRegularError struct {
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return "not a regular file (" + filekind.Of(e.Mode) + "); journeymap reads only regular files"
}

// ReadFile reads a journey, workspace or other input file through the one
// bounded reader: it refuses anything but a regular file and anything larger
// than MaxFileSize (ErrTooLarge). Errors are *fs.PathError or
// *NotRegularError, wrapped with the path.
func ReadFile(path string) ([]byte, error) {
	f, size, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := readAll(f, size)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return src, nil
}

// OpenRegular opens path for reading if it is a regular file, for readers
// with a bound of their own (a baseline); anything else is an
// *fs.PathError holding a *NotRegularError, and is never waited on.
func OpenRegular(path string) (*os.File, error) {
	f, _, err := openRegular(path)
	return f, err
}

// openRegular is OpenRegular, also returning the size the opened file has.
func openRegular(path string) (*os.File, int64, error) {
	// Stat first so that a device is never even opened (opening some has
	// side effects). The file can be swapped between Stat and Open, so the
	// open itself must not block on a FIFO (O_NONBLOCK, see openNoBlock) and
	// the opened file is checked again: that check is the one that counts.
	if st, err := os.Stat(path); err != nil {
		return nil, 0, err
	} else if !st.Mode().IsRegular() {
		return nil, 0, &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{st.Mode()}}
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, 0, &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{st.Mode()}}
	}
	return f, st.Size(), nil
}

// ReadAll reads r to its end, but never more than MaxFileSize bytes: past
// that it stops and returns ErrTooLarge. Every input journeymap reads (files,
// standard input, the output of git show) goes through it.
func ReadAll(r io.Reader) ([]byte, error) {
	return readAll(r, 0)
}

// readAll is ReadAll for a reader expected to hold size bytes: it reads
// into one buffer of that size (and a byte more, to see the end) instead
// of growing one from 512 bytes, as os.ReadFile does. The size is only a
// hint; the bound is what counts.
func readAll(r io.Reader, size int64) ([]byte, error) {
	src := make([]byte, 0, min(max(size, 511), MaxFileSize)+1)
	lr := io.LimitReader(r, MaxFileSize+1)
	for {
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
		n, err := lr.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(src) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return src, nil
}

// readProblem words a read error for a `file` finding.
func readProblem(err error) string {
	var nr *NotRegularError
	switch {
	case errors.Is(err, ErrTooLarge):
		return err.Error()
	case errors.As(err, &nr):
		return "cannot read file: " + nr.Error()
	}
	return fmt.Sprintf("cannot read file: %v", fileerr.Reason(err))
}
