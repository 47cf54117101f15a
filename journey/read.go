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
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size is only a hint (the file may change while it is read), but
	// it lets a file be read in one call instead of eight growing ones.
	var size int64
	if st, err := f.Stat(); err == nil {
		size = min(st.Size(), MaxFileSize)
	}
	src, err := readAll(f, int(size))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return src, nil
}

// OpenRegular opens path for reading if it is a regular file, for readers
// with a bound of their own (a baseline); anything else is an
// *fs.PathError holding a *NotRegularError, and is never waited on.
func OpenRegular(path string) (*os.File, error) {
	// Stat first so that a device is never even opened (opening some has
	// side effects). The file can be swapped between Stat and Open, so the
	// open itself must not block on a FIFO (O_NONBLOCK, see openNoBlock) and
	// the opened file is checked again: that check is the one that counts.
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{st.Mode()}}
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{st.Mode()}}
	}
	return f, nil
}

// ReadAll reads r to its end, but never more than MaxFileSize bytes: past
// that it stops and returns ErrTooLarge. Every input journeymap reads (files,
// standard input, the output of git show) goes through it.
func ReadAll(r io.Reader) ([]byte, error) {
	return readAll(r, 0)
}

// readAll is ReadAll with room for size bytes from the start: like
// io.ReadAll, but a reader whose size is known fills one buffer, and the
// byte to spare sees the end without growing it.
func readAll(r io.Reader, size int) ([]byte, error) {
	lr := io.LimitReader(r, MaxFileSize+1)
	b := make([]byte, 0, size+512)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append pick the next size
		}
	}
	if len(b) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return b, nil
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
