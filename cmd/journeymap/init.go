package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/internal/fileerr"
	"github.com/journeymap/journeymap/journey/schema"
)

// The starter workspace and journey that init writes. The journey's
// `reviewed` date is the day of init, so stale-review has nothing to say.
var (
	//go:embed starter/journeymap.yaml
	starterWorkspace string
	//go:embed starter/first.journey.yaml
	starterJourney string
)

type initOptions struct {
	dir   string
	today time.Time // tests pin the date; zero means now
}

func newInitCmd(io *IO) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a workspace: journeymap.yaml, a first journey and the editor schemas",
		Long: `Init writes, in DIR (default: the current directory):

  journeymap.yaml                      the workspace: owners, personas, channels, settings
  journeys/first.journey.yaml          a small, complete journey to change into yours
  .journeymap/journey.schema.json      the JSON Schemas your editor uses to complete
  .journeymap/workspace.schema.json    and check keys (named on each file's first line)

It never overwrites a file: one that exists is named and left as it is. It
needs no network.`,
		Example: `  journeymap init
  journeymap init cx-maps`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return runInit(io, opts)
		},
	}
	return cmd
}

// starterFile is one file init writes.
type starterFile struct {
	path    string // slash-separated, relative to the directory
	content []byte
}

func starterFiles(today time.Time) []starterFile {
	return []starterFile{
		{"journeymap.yaml", []byte(starterWorkspace)},
		{"journeys/first.journey.yaml", []byte(strings.ReplaceAll(starterJourney, "{{TODAY}}", today.Format("2006-01-02")))},
		{".journeymap/journey.schema.json", schema.Journey()},
		{".journeymap/workspace.schema.json", schema.Workspace()},
	}
}

func runInit(io *IO, opts *initOptions) error {
	today := opts.today
	if today.IsZero() {
		today = time.Now()
	}
	if st, err := os.Stat(opts.dir); err == nil && !st.IsDir() {
		return usageError("%s is not a directory", opts.dir)
	}
	failed := false
	for _, f := range starterFiles(today) {
		path := filepath.Join(opts.dir, filepath.FromSlash(f.path))
		err := createNew(path, f.content)
		switch {
		case errors.Is(err, fs.ErrExist):
			fmt.Fprintf(io.Out, "kept     %s (it already exists; not overwritten)\n", path)
		case err != nil:
			fmt.Fprintf(io.Err, "journeymap: cannot write %s: %v\n", path, fileerr.Reason(err))
			failed = true
		default:
			fmt.Fprintf(io.Out, "created  %s\n", path)
		}
	}
	if failed {
		return errFindings
	}
	at := ""
	if filepath.Clean(opts.dir) != "." {
		at = " " + opts.dir
	}
	journeyPath := filepath.Join(opts.dir, "journeys", "first.journey.yaml")
	fmt.Fprintf(io.Out, `
Next, try:
  journeymap lint%s
  journeymap render %s -o first.svg
  journeymap fmt --check%s
`, at, journeyPath, at)
	return nil
}

// createNew writes a file that must not exist yet, atomically: the content
// goes to a temporary file that is then linked into place, which fails
// rather than replace a file that appeared meanwhile.
func createNew(path string, data []byte) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return fs.ErrExist
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err != nil {
		return err
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fs.ErrExist
		}
		return err
	}
	return nil
}
