// Package outpath keeps a command from writing over what it reads: an output
// that is the same file as an input (os.SameFile, so a hard link or a
// symbolic link under another name counts) is refused, whatever the names
// say. render, fmt and export check every output path against the run's
// inputs through one Guard before writing anything.
package outpath

import (
	"io/fs"
	"os"
	"path/filepath"
)

// InputError is an output path that is one of the run's inputs.
type InputError struct {
	Output string // the output path as the user gave it
	Input  string // the input it is
}

func (e *InputError) Error() string {
	if filepath.Clean(e.Output) == filepath.Clean(e.Input) {
		return "refusing to write to " + e.Output + ": it is an input of this run; writing would destroy it"
	}
	return "refusing to write to " + e.Output + ": it is the same file as the input " + e.Input + "; writing would destroy it"
}

// Guard knows the files a run reads.
type Guard struct {
	byKey map[fileKey]string // inputs by device and inode, where the system has them
	other []input            // inputs without a key
}

type input struct {
	path string
	info fs.FileInfo
}

// NewGuard remembers the inputs that exist now (by identity, not name).
func NewGuard(inputs []string) *Guard {
	g := &Guard{byKey: map[fileKey]string{}}
	for _, p := range inputs {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if k, ok := keyOf(st); ok {
			if _, dup := g.byKey[k]; !dup {
				g.byKey[k] = p
			}
			continue
		}
		g.other = append(g.other, input{p, st})
	}
	return g
}

// Check returns an *InputError when out is one of the inputs. An output
// that does not exist yet is no input.
func (g *Guard) Check(out string) error {
	st, err := os.Stat(out)
	if err != nil {
		return nil
	}
	if k, ok := keyOf(st); ok {
		if in, found := g.byKey[k]; found {
			return &InputError{Output: out, Input: in}
		}
	}
	for _, in := range g.other {
		if os.SameFile(st, in.info) {
			return &InputError{Output: out, Input: in.path}
		}
	}
	return nil
}

// CheckNotInput is a one-off Guard check of out against inputs.
func CheckNotInput(out string, inputs []string) error {
	return NewGuard(inputs).Check(out)
}
