package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/internal/atomicfile"
	"github.com/journeymap/journeymap/internal/fileerr"
	"github.com/journeymap/journeymap/internal/textdiff"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journey/canon"
)

type fmtOptions struct {
	paths []string
	check bool
	diff  bool
	// write replaces a file's content; tests substitute a failing one.
	write func(path string, data []byte) error
}

func newFmtCmd(io *IO) *cobra.Command {
	opts := &fmtOptions{write: func(path string, data []byte) error { return atomicfile.Write(path, data, 0o644) }}
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Rewrite journey and workspace files in one canonical layout",
		Long: `Fmt rewrites journey files (*.journey.yaml) and workspace files
(journeymap.yaml) in one layout, so that reviews show meaning rather than
whitespace: keys in the order of the format reference (x- keys after the
known ones), two-space indentation with list items under their key, flow
collections ({...}, [...]) kept unless wider than 100 columns, quotes only
where YAML needs them. Comments, anchors, blank lines between items (runs
collapsed to one) and CRLF line ends are kept; a byte-order mark is dropped.

Fmt never changes meaning: it checks that what it writes parses to the same
data and keeps every comment, or leaves the file alone. A file that does not
parse is not touched (its syntax finding is printed, exit 1). Files are
replaced atomically and keep their permissions; a symbolic link stays a link
and its target is formatted. Files that are already formatted are left as
they are. It prints the name of each file it rewrote.

PATH may be a file, a directory (searched recursively, skipping .git,
node_modules, vendor and hidden directories), or - to format standard input
to standard output. No PATH means the current directory.`,
		Example: `  journeymap fmt                     # format every journey under .
  journeymap fmt --check .           # CI: list unformatted files, exit 1 if any
  journeymap fmt --diff journeys/    # show what would change, write nothing
  cat plan.journey.yaml | journeymap fmt -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runFmt(io, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "write nothing; list the files that are not formatted (exit 1 if any)")
	cmd.Flags().BoolVar(&opts.diff, "diff", false, "write nothing; print a unified diff of the changes")
	return cmd
}

func runFmt(io *IO, opts *fmtOptions) error {
	files, problems, err := fmtFiles(io, opts.paths)
	if err != nil {
		return err
	}
	code := exitOK
	if problems > 0 {
		code = exitFindings
	}
	for _, f := range files {
		code = max(code, fmtOne(io, opts, f))
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// fmtFile is one file to format: its name as the user knows it and the
// file its content lives in (the target of a symbolic link).
type fmtFile struct {
	name   string
	target string
}

// fmtFiles finds the files the paths name, as every command does
// (journey.Discover), plus the workspace files (journeymap.yaml) under the
// directories named. A file reached twice (through a link, say) is
// formatted once; a link found in a directory that leads out of it is not
// followed (name it to format its target).
// problems counts what it reported instead of formatting (exit 1).
func fmtFiles(io *IO, paths []string) (files []fmtFile, problems int, err error) {
	d, err := journey.Discover(paths)
	if err != nil {
		return nil, 0, err
	}
	for _, f := range d.Findings {
		fmt.Fprintln(io.Err, f.String())
		problems++
	}
	names := d.Files
	for _, p := range orDot(paths) {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			names = append(names, workspacesUnder(p)...)
		}
	}
	var out []fmtFile
	seen := map[string]bool{}
	for _, name := range names {
		if name == "-" {
			out = append(out, fmtFile{name: "-"})
			continue
		}
		if why := d.Refused(name); why != "" {
			fmt.Fprintf(io.Err, "%s:1:1: error: %s [file]\n", name, why)
			problems++
			continue
		}
		target, err := filepath.EvalSymlinks(name)
		if err != nil {
			return nil, 0, &journey.PathError{Path: name, Err: fileerr.Reason(err)}
		}
		abs, _ := filepath.Abs(target)
		if !seen[abs] {
			seen[abs] = true
			out = append(out, fmtFile{name: name, target: target})
		}
	}
	return out, problems, nil
}

// workspacesUnder lists the workspace files under root in lexical order,
// skipping the directories journey.Discover skips; a link is not followed.
func workspacesUnder(root string) []string {
	var out []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // Discover has reported a directory it cannot search
		case e.IsDir() && p != root && (e.Name() == ".git" || e.Name() == "node_modules" || e.Name() == "vendor" || strings.HasPrefix(e.Name(), ".")):
			return filepath.SkipDir
		case e.Type().IsRegular() && e.Name() == journey.WorkspaceFile:
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// fmtOne formats one file and returns its exit code.
func fmtOne(io *IO, opts *fmtOptions, f fmtFile) int {
	display := f.name
	var src []byte
	var err error
	if f.name == "-" {
		display = journey.StdinName
		if sameFile(io.In, io.Out) {
			fmt.Fprintf(io.Err, "journeymap: standard input and standard output are the same file; write the output elsewhere, or run journeymap fmt FILE to format it in place\n")
			return exitUsage
		}
		src, err = readAllLimited(io.In)
	} else {
		// The bounded reader: a FIFO or device found or named is a
		// finding, never a wait.
		src, err = journey.ReadFile(f.target)
	}
	if err != nil {
		fmt.Fprintf(io.Err, "%s:1:1: error: cannot read file: %v [file]\n", display, fileerr.Reason(err))
		return exitFindings
	}
	out, err := canon.Format(display, src, canon.KindOf(display, src))
	var se *canon.SyntaxError
	var un *canon.Unsupported
	switch {
	case errors.As(err, &se):
		for _, fd := range se.Findings {
			fmt.Fprintln(io.Err, fd.String())
		}
		fmt.Fprintf(io.Err, "journeymap: %s does not parse; it was not formatted\n", display)
		return exitFindings
	case errors.As(err, &un):
		fmt.Fprintf(io.Err, "%s:%d:%d: error: cannot format: %s\n", display, un.Line, un.Column, un.Message)
		return exitFindings
	case err != nil:
		fmt.Fprintf(io.Err, "journeymap: internal error formatting %s: %v; the file is unchanged.\nThis is a bug in journeymap; please report it with the file.\n", display, err)
		return exitInternal
	}
	changed := !bytes.Equal(src, out)
	if opts.diff && changed {
		name := filepath.ToSlash(display)
		if _, err := io.Out.Write([]byte(textdiff.Unified(name, name, string(src), string(out), 3))); err != nil {
			fmt.Fprintf(io.Err, "journeymap: cannot write the diff: %v\n", err)
			return exitFindings
		}
	}
	switch {
	case opts.check:
		if changed {
			if !opts.diff {
				fmt.Fprintln(io.Out, display)
			}
			return exitFindings
		}
		return exitOK
	case opts.diff:
		return exitOK
	case f.name == "-":
		if _, err := io.Out.Write(out); err != nil {
			fmt.Fprintf(io.Err, "journeymap: cannot write standard output: %v\n", err)
			return exitFindings
		}
		return exitOK
	case !changed:
		return exitOK
	}
	if err := writable(f.target); err != nil {
		fmt.Fprintf(io.Err, "journeymap: cannot format %s: %v; the file is unchanged\n", display, err)
		return exitFindings
	}
	if err := opts.write(f.target, out); err != nil {
		fmt.Fprintf(io.Err, "journeymap: cannot write %s: %v; the file is unchanged\n", display, fileerr.Reason(err))
		return exitFindings
	}
	fmt.Fprintln(io.Out, display)
	return exitOK
}

// writable refuses a file its owner may not write: replacing it by rename
// would succeed (only the directory is written), but the user protected it.
func writable(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fileerr.Reason(err)
	}
	if st.Mode().Perm()&0o200 == 0 {
		return errors.New("it is read-only")
	}
	return nil
}

// readAllLimited reads a file up to the size journeymap reads at all.
func readAllLimited(r io.Reader) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, journey.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > journey.MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB; a journey file should be a few kilobytes", journey.MaxFileSize>>20)
	}
	return src, nil
}

// sameFile says whether a reader and a writer are one file on disk, as in
// `journeymap fmt - < a.yaml > a.yaml` (the shell has already emptied it).
func sameFile(r io.Reader, w io.Writer) bool {
	rf, ok1 := r.(*os.File)
	wf, ok2 := w.(*os.File)
	if !ok1 || !ok2 {
		return false
	}
	rs, err1 := rf.Stat()
	ws, err2 := wf.Stat()
	return err1 == nil && err2 == nil && rs.Mode().IsRegular() && os.SameFile(rs, ws)
}
