// Package fileerr says why a file operation failed, for messages that name
// the file themselves.
package fileerr

import (
	"errors"
	"io/fs"
)

// Reason is err without the operation and path an *fs.PathError adds
// ("open plan.yaml: permission denied" becomes "permission denied"), so a
// message that already names the file does not name it twice. Any other
// error is returned as it is.
func Reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
