package main

import (
	"context"
	"errors"
	"fmt"
	stdio "io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/internal/atomicfile"
	"github.com/journeymap/journeymap/internal/fileerr"
	"github.com/journeymap/journeymap/internal/filekind"
	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/internal/outpath"
	"github.com/journeymap/journeymap/internal/parallel"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
	"github.com/journeymap/journeymap/render"
)

type renderOptions struct {
	paths   []string
	view    string
	format  string
	out     string
	outDir  string
	theme   string
	font    string
	dpi     float64
	size    string
	lint    bool
	watch   bool
	revs    []string
	labels  []string
	split   bool
	themes  map[string]*render.Theme // theme files read, by path
	config  string
	formatF bool         // --format was given
	dpiF    bool         // --dpi was given
	stderr  stdio.Writer // where warnings go
}

func newRenderCmd(io *IO) *cobra.Command {
	opts := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render [PATH...]",
		Short: "Draw journeys as diagrams (SVG, PNG, DOT)",
		Long: `Render draws a journey as a diagram ready for a slide deck or a wiki.

Views:
  flow      stages as columns, one box per touchpoint coloured by channel,
            emotion, moments of truth, handoffs labelled with what they carry;
            undocumented handoffs in red (default)
  map       the classic journey-map grid: a column per stage, rows for
            touchpoints, channels, emotion, pain points, opportunities,
            moments of truth and owners
  emotion   the emotional curve; several journeys (or --rev revisions of one)
            are overlaid, e.g. as-is against to-be
  channels  channels and the handoffs between them, with counts

Output goes to standard output unless -o FILE or -O DIR is given; the format
follows the -o file's extension when --format is not given. Output is
deterministic: the same journey gives byte-identical SVG and DOT.

Text is measured, wrapped and painted with Liberation Sans, embedded in the
binary; it has the metrics of Arial and Helvetica, which the SVG names after
it, so a browser and the PNG break lines in the same places. --font names the
family the SVG asks for first; a font much wider than Helvetica can overflow
its boxes. Characters Liberation Sans lacks (CJK, emoji) are painted with
installed fonts; the PNG warns, naming the character, when none has it.`,
		Example: `  journeymap render examples/plan-upgrade.journey.yaml -o plan-upgrade.svg
  journeymap render checkout.journey.yaml --view map --size 16:9 -o map.png --dpi 150
  journeymap render journeys/ -O maps/ --format png
  journeymap render as-is.journey.yaml to-be.journey.yaml --view emotion -o curves.svg
  journeymap render plan.journey.yaml --view emotion --rev HEAD~5 -o then-and-now.svg
  journeymap render plan.journey.yaml --lint -o review.svg --watch`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			opts.formatF = cmd.Flags().Changed("format")
			opts.dpiF = cmd.Flags().Changed("dpi")
			return runRender(cmd.Context(), io, opts)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &opts.view, "view", "flow", "what to draw", render.Views)
	enumFlag(cmd, &opts.format, "format", "svg", "output format", render.Formats)
	f.StringVarP(&opts.out, "output", "o", "", "write to FILE instead of standard output")
	f.StringVarP(&opts.outDir, "output-dir", "O", "", "render every journey found into DIR, one file each")
	f.StringVar(&opts.theme, "theme", "", "colour theme: light|dark|mono, or a theme file (default from journeymap.yaml, else light)")
	f.StringVar(&opts.font, "font", "", "font family for text (default from journeymap.yaml, else Liberation Sans)")
	f.Float64Var(&opts.dpi, "dpi", 96, "resolution of PNG output, in pixels per inch")
	enumFlag(cmd, &opts.size, "size", "", "fit the picture to a slide", render.SlideSizes)
	f.BoolVar(&opts.lint, "lint", false, "overlay lint findings on the diagram")
	f.BoolVar(&opts.split, "split", false, "spread a journey's stages over as few slides as keep text at 9 pt: FILE-1.svg, FILE-2.svg… (with --size, default 16:9)")
	f.BoolVar(&opts.watch, "watch", false, "render again whenever an input file changes (needs -o or -O)")
	f.StringArrayVar(&opts.revs, "rev", nil, "with --view emotion: also overlay the journey as of this git revision (repeatable)")
	f.StringArrayVar(&opts.labels, "label", nil, "with --view emotion: name the overlaid curves in order (repeatable; default the journey title, or the revision with --rev)")
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	completeWith(cmd, "theme", render.Themes)
	cmd.MarkFlagFilename("output", "svg", "png", "dot")
	cmd.MarkFlagDirname("output-dir")
	return cmd
}

func runRender(ctx context.Context, io *IO, opts *renderOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	opts.stderr = io.Err
	if err := checkRenderFlags(io, opts); err != nil {
		return err
	}
	ctx, stop := onInterrupt(ctx)
	var err error
	if opts.watch {
		err = watch(ctx, io, opts)
	} else {
		err = renderOnce(ctx, io, opts)
	}
	if sig := stop(); errors.Is(err, errStopped) {
		return interrupted(sig)
	}
	return err
}

// errStopped ends a render that a signal (or its caller) cancelled.
var errStopped = errors.New("stopped")

func checkRenderFlags(io *IO, opts *renderOptions) error {
	if opts.out != "" && opts.outDir != "" {
		return usageError("use either -o FILE (one picture) or -O DIR (a picture for each journey), not both")
	}
	if opts.out != "" {
		if err := refuseInput(opts.out); err != nil {
			return err
		}
	}
	if opts.out != "" && opts.out != "-" {
		ext := strings.ToLower(filepath.Ext(opts.out))
		byExt := map[string]string{".png": "png", ".svg": "svg", ".dot": "dot", ".gv": "dot"}[ext]
		switch {
		case !opts.formatF && byExt != "":
			opts.format = byExt
		case !opts.formatF && !isDevice(opts.out):
			return usageError("cannot tell the format from %q: name the file .svg, .png or .dot, or give --format", opts.out)
		case opts.formatF && byExt != "" && byExt != opts.format:
			fmt.Fprintf(io.Err, "journeymap: warning: writing %s to %s, whose name says %s\n", opts.format, opts.out, byExt)
		}
	}
	if opts.theme != "" {
		if _, err := loadTheme(io, opts, opts.theme, "--theme", ""); err != nil {
			return err
		}
	}
	if opts.font != "" && !journey.ValidFontName(opts.font) {
		return usageError("--font %q is not a font family name: use letters, digits, spaces and . _ - only", opts.font)
	}
	if !(opts.dpi >= 10 && opts.dpi <= 1200) { // also catches NaN
		return usageError("--dpi %g is out of range: use 10 to 1200 (96 for screens, 150-300 for print)", opts.dpi)
	}
	if len(opts.revs) > 0 && opts.view != "emotion" {
		return usageError("--rev overlays revisions in the emotion view; add --view emotion")
	}
	if len(opts.revs) > 0 && opts.outDir != "" {
		return usageError("--rev overlays revisions in one picture; use -o FILE rather than -O DIR")
	}
	if opts.split {
		switch {
		case opts.view == "channels":
			return usageError("--split spreads stages over slides; the channels view has no stages")
		case opts.out == "" || opts.out == "-" || isDevice(opts.out):
			if opts.outDir == "" {
				return usageError("--split writes several files: give -o FILE (FILE-1, FILE-2…) or -O DIR")
			}
		case len(opts.revs) > 0:
			return usageError("--split draws one journey a slide; it does not overlay --rev revisions")
		}
		if opts.size == "" {
			opts.size = "16:9"
		}
	}
	if len(opts.labels) > 0 && opts.view != "emotion" {
		return usageError("--label names the curves of the emotion view; add --view emotion")
	}
	if len(opts.labels) > 0 && opts.outDir != "" {
		return usageError("--label names the curves of one picture; use -o FILE rather than -O DIR")
	}
	for _, rev := range opts.revs {
		if strings.HasPrefix(rev, "-") || rev == "" {
			return usageError("--rev %q is not a git revision", rev)
		}
	}
	if opts.format == "png" && (opts.out == "" || opts.out == "-") && opts.outDir == "" && io.Terminal {
		return usageError("refusing to write a PNG to the terminal; use -o FILE.png")
	}
	if opts.watch && opts.out == "" && opts.outDir == "" {
		return usageError("--watch needs -o FILE or -O DIR to write to")
	}
	return nil
}

// refuseInput stops a render from overwriting a journey or workspace file.
func refuseInput(path string) error {
	base := filepath.Base(path)
	if journey.IsJourneyFile(base) || base == journey.WorkspaceFile || strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml") {
		return usageError("refusing to write a diagram to %s: it looks like a journey or YAML file (use an .svg, .png or .dot name)", path)
	}
	return nil
}

func renderOnce(ctx context.Context, io *IO, opts *renderOptions) error {
	set, err := journey.Load(opts.paths, journey.LoadOptions{Config: opts.config, Stdin: io.In})
	if err != nil {
		return err
	}
	// No output may be an input, whatever the names say (a hard link, a
	// symbolic link, a journey not named *.yaml).
	guard := outpath.NewGuard(set.Inputs())
	if opts.out != "" && opts.out != "-" {
		if err := guard.Check(opts.out); err != nil {
			return usageError("%v", err)
		}
	}
	if len(set.Journeys) == 0 {
		return &exitError{code: exitUsage, err: errNoJourneys{orDot(opts.paths)}}
	}
	var valid []*journey.Journey
	for _, j := range set.Journeys {
		if set.Valid(j) {
			valid = append(valid, j)
		}
	}
	invalid := len(set.Findings) > 0
	if invalid {
		// Say what is wrong on stderr; render what can be rendered.
		lint.WriteText(io.Err, lint.NewResult(set, set.Findings), lint.TextOptions{Color: false})
	}
	if len(valid) == 0 {
		return errFindings
	}
	// Every workspace's settings must be usable, even those of journeys
	// that are not drawn this time.
	for _, ws := range set.Workspaces {
		if _, err := renderSettings(ws, opts); err != nil {
			return err
		}
	}
	ro, err := renderSettings(valid[0].Workspace, opts)
	if err != nil {
		return err
	}
	if opts.lint {
		res, err := lint.Run(set, lint.Options{})
		if err != nil {
			return err
		}
		ro.Findings = res.Findings
	}

	switch {
	case opts.outDir != "":
		err = renderEach(ctx, io, valid, ro, opts, guard)
	case len(valid) > 1 && opts.view != "emotion":
		err = usageError("%d journeys found: the %s view draws one journey per picture, so use -O DIR (or --view emotion to overlay their curves)", len(valid), opts.view)
	default:
		js := valid
		if len(opts.revs) > 0 {
			if js, ro.Labels, err = withRevisions(valid, opts.revs); err != nil {
				return err
			}
		}
		if opts.split {
			if len(js) > 1 {
				return usageError("--split draws one journey at a time; use -O DIR for several")
			}
			return renderSlides(ctx, io, js[0], ro, opts.out)
		}
		if len(opts.labels) > len(js) {
			curves := fmt.Sprintf("%d curves", len(js))
			if len(js) == 1 {
				curves = "1 curve"
			}
			return usageError("%d --label names for %s: give one per curve, in order", len(opts.labels), curves)
		}
		for i, l := range opts.labels {
			for len(ro.Labels) <= i {
				ro.Labels = append(ro.Labels, "")
			}
			ro.Labels[i] = l
		}
		var out []byte
		if out, err = render.Render(ctx, js, ro); err != nil {
			if ctx.Err() != nil {
				return errStopped
			}
			return renderFailed(err, "")
		}
		if ctx.Err() != nil {
			return errStopped
		}
		err = emit(io, opts.out, out)
	}
	if err != nil {
		return err
	}
	if invalid {
		return errFindings
	}
	return nil
}

func orDot(paths []string) []string {
	if len(paths) == 0 {
		return []string{"."}
	}
	return paths
}

// renderSettings combines flags with the `render` section of a journey's
// workspace (nil when it has none); flags win.
func renderSettings(ws *journey.Workspace, opts *renderOptions) (render.Options, error) {
	ro := render.Options{View: opts.view, Format: opts.format, Font: opts.font, DPI: opts.dpi, Size: opts.size,
		Warn: func(msg string) { fmt.Fprintf(opts.stderr, "journeymap: warning: %s\n", msg) }}
	if !opts.dpiF {
		ro.DPI = 0 // the default, which a picture too large to paint lowers
	}
	theme, err := loadTheme(&IO{Err: opts.stderr}, opts, opts.theme, "--theme", "")
	if err != nil {
		return ro, err
	}
	if ws != nil {
		if t := ws.Render.Theme; opts.theme == "" && t.Value != "" {
			// A theme file is found relative to the workspace file.
			where := fmt.Sprintf("%s:%d:%d", ws.File, t.Pos.Line, t.Pos.Col)
			if theme, err = loadTheme(&IO{Err: opts.stderr}, opts, t.Value, where, filepath.Dir(ws.File)); err != nil {
				return ro, err
			}
		}
		// A --theme file's font beats the workspace's; --font beats both.
		if ro.Font == "" && !(opts.theme != "" && theme.Font != "") {
			ro.Font = ws.Render.Font.Value
		}
	}
	if ro.Font == "" && theme.Font != "" {
		ro.Font = theme.Font
	}
	ro.Theme = theme
	return ro, nil
}

func hasError(fs []journey.Finding) bool {
	for _, f := range fs {
		if f.Severity == journey.Error {
			return true
		}
	}
	return false
}

// loadTheme finds a theme by name (light, dark, mono) or reads a theme
// file, relative to dir when it is not "". A theme file with problems is
// a usage error (exit 2, nothing rendered), its findings printed at their
// positions; its warnings (contrast) are printed once. "" is light.
func loadTheme(io *IO, opts *renderOptions, value, where, dir string) (*render.Theme, error) {
	if value == "" {
		value = "light"
	}
	if t := render.FindTheme(value); t != nil {
		return t, nil
	}
	path := value
	if dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	if t, ok := opts.themes[path]; ok {
		return t, nil
	}
	looksLikeFile := strings.ContainsAny(value, `/\`) || strings.HasSuffix(value, ".yaml") || strings.HasSuffix(value, ".yml")
	t, findings, err := render.LoadThemeFile(path)
	if dir != "" && (err != nil || len(findings) > 0) && !journey.InProject(filepath.Join(dir, journey.WorkspaceFile), path) {
		// Named in a workspace, which comes with a pull request, and outside
		// its repository: say that it is unusable, never what it holds.
		if err == nil && !hasError(findings) {
			findings = nil // only contrast warnings: use it quietly
		} else {
			return nil, usageError("%s: theme file %s, outside the workspace's repository, cannot be used as a theme", where, value)
		}
	}
	if err != nil {
		if os.IsNotExist(err) && !looksLikeFile {
			return nil, usageError("%s: unknown theme %q: use one of %s, or the path of a theme file", where, value, strings.Join(render.Themes(), ", "))
		}
		return nil, usageError("%s: cannot read theme file %s: %v", where, path, fileerr.Reason(err))
	}
	for _, f := range findings {
		fmt.Fprintln(io.Err, f.String())
	}
	if hasError(findings) {
		return nil, &exitError{code: exitUsage}
	}
	if opts.themes == nil {
		opts.themes = map[string]*render.Theme{}
	}
	opts.themes[path] = t
	return t, nil
}

// errNoJourneys is a run whose paths hold no journey file.
type errNoJourneys struct{ paths []string }

func (e errNoJourneys) Error() string {
	return fmt.Sprintf("no journey files (*.journey.yaml) found under %s", strings.Join(e.paths, ", "))
}

// emit writes the rendering to standard output or to the file the user
// named with -o: atomically, or straight into it when it is a device or
// FIFO the user chose (-o /dev/stdout).
func emit(io *IO, path string, data []byte) error {
	if path == "" || path == "-" {
		if _, err := io.Out.Write(data); err != nil { // checkRenderFlags refused PNG to a terminal
			return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the diagram: %v", err)}
		}
		return nil
	}
	if !isDevice(path) {
		atomicfile.RemoveStale(filepath.Dir(path), []string{filepath.Base(path)})
	}
	return writeFailed(path, atomicfile.WriteNamed(path, data, 0o666))
}

// writeFailed maps a failed write to exit 1 (SPEC §6: the run failed, but
// not for a bad command line): a full disk, a read-only directory.
func writeFailed(path string, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitFindings, err: fmt.Errorf("cannot write %s: %v", path, fileerr.Reason(err))}
}

// renderFailed maps a rendering error to an exit code: a picture too large
// for the chosen dpi, or a graph over the engine's budget, is the user's to
// fix (2); anything else is ours (3).
func renderFailed(err error, file string) error {
	what := "rendering failed"
	if file != "" {
		what = "rendering " + file + " failed"
	}
	if errors.Is(err, render.ErrTooLarge) || errors.Is(err, render.ErrBudget) {
		return usageError("%s: %v", what, err)
	}
	return &exitError{code: exitInternal, err: fmt.Errorf("%s: %v", what, err)}
}

// isDevice says whether path names something other than a regular file or
// nothing, such as /dev/stdout.
func isDevice(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.Mode().IsRegular() && !st.IsDir()
}

var unsafeName = lazyre.New(`[^A-Za-z0-9._-]+`)

// outputName is a safe file name for a journey's diagram.
func outputName(j *journey.Journey, view, format string) string {
	name := strings.Trim(unsafeName().ReplaceAllString(j.ID.Value, "-"), ".-")
	// An id from a long file name (an explicit id is capped) must still
	// leave room for the view, the extension and the temporary name.
	if len(name) > journey.MaxIDLength {
		name = strings.TrimRight(name[:journey.MaxIDLength], ".-")
	}
	if name == "" {
		name = "journey"
	}
	if view != "flow" {
		name += "-" + view
	}
	return name + "." + format
}

// renderEach writes one file per journey into the output directory. Every
// target is checked before anything is drawn: none may be an input, and
// none may exist as anything but a regular file (a planted link to a
// device or a FIFO). A signal stops the batch between two files.
func renderEach(ctx context.Context, io *IO, js []*journey.Journey, ro render.Options, opts *renderOptions, guard *outpath.Guard) error {
	names := outputNames(io, js, opts)
	for _, name := range names {
		path := filepath.Join(opts.outDir, name)
		if err := guard.Check(path); err != nil {
			return usageError("%v", err)
		}
		if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
			return usageError("refusing to write to %s: it is %s, and -O replaces only regular files (remove it, or name it with -o to write into it)", path, filekind.Of(st.Mode()))
		}
	}
	if err := os.MkdirAll(opts.outDir, 0o777); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("cannot create %s: %v", opts.outDir, fileerr.Reason(err))}
	}
	// Temporary files an interrupted run left are removed first.
	atomicfile.RemoveStale(opts.outDir, names)
	type picture struct {
		j        *journey.Journey
		ro       render.Options
		out      []byte
		err      error
		warnings []string // said while rendering, printed in input order
		done     chan struct{}
	}
	pictures := make([]*picture, len(js))
	for i, j := range js {
		own, err := renderSettings(j.Workspace, opts) // its own workspace's theme and font
		if err != nil {
			return err
		}
		own.Findings = ro.Findings
		pictures[i] = &picture{j: j, ro: own, done: make(chan struct{})}
	}
	if opts.split {
		for i, p := range pictures {
			if ctx.Err() != nil {
				return errStopped
			}
			if err := renderSlides(ctx, io, p.j, p.ro, filepath.Join(opts.outDir, names[i])); err != nil {
				return err
			}
		}
		return nil
	}
	// Render on every core (layouts take turns in the one Graphviz, or run
	// in worker processes beside it; PNG painting runs in parallel) and write in order, each file renamed into
	// place without its own fsync and the directory synced once at the end.
	rctx, stopWorkers, err := batchWorkers(ctx, io, len(pictures))
	if err != nil {
		return err
	}
	defer stopWorkers()
	rctx, cancel := context.WithCancel(rctx)
	defer cancel()
	go parallel.Each(len(pictures), func(i int) {
		p := pictures[i]
		defer close(p.done)
		p.ro.Warn = func(msg string) { p.warnings = append(p.warnings, msg) }
		if p.err = rctx.Err(); p.err == nil {
			p.out, p.err = render.Render(rctx, []*journey.Journey{p.j}, p.ro)
		}
	})
	for i, p := range pictures {
		if ctx.Err() != nil {
			return errStopped
		}
		<-p.done
		if ctx.Err() != nil {
			return errStopped
		}
		for _, w := range p.warnings {
			fmt.Fprintf(opts.stderr, "journeymap: warning: %s\n", w)
		}
		if p.err != nil {
			return renderFailed(p.err, p.j.File)
		}
		path := filepath.Join(opts.outDir, names[i])
		if err := writeFailed(path, atomicfile.WriteOptions(path, p.out, 0o666, atomicfile.Options{NoSync: true})); err != nil {
			return err
		}
		p.out = nil
		fmt.Fprintf(io.Err, "wrote %s\n", path)
	}
	return writeFailed(opts.outDir, atomicfile.SyncDir(opts.outDir))
}

// outputNames is the file name of each journey's diagram with -O: from its
// id, numbered when two journeys share one.
func outputNames(io *IO, js []*journey.Journey, opts *renderOptions) []string {
	names := make([]string, len(js))
	written := map[string]bool{}
	for i, j := range js {
		name := outputName(j, opts.view, opts.format)
		if written[name] {
			ext := filepath.Ext(name)
			base := strings.TrimSuffix(name, ext)
			for n := 2; written[name]; n++ {
				name = fmt.Sprintf("%s-%d%s", base, n, ext)
			}
			fmt.Fprintf(io.Err, "journeymap: journey id %q is used by more than one file; writing %s for %s\n", j.ID.Value, name, j.File)
		}
		written[name] = true
		names[i] = name
	}
	return names
}

// renderSlides writes a journey split over slides as FILE-1.ext, FILE-2.ext…
// next to path, and names each file it wrote.
func renderSlides(ctx context.Context, io *IO, j *journey.Journey, ro render.Options, path string) error {
	slides, err := render.RenderSlides(ctx, j, ro)
	if err != nil {
		return renderFailed(err, j.File)
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i, s := range slides {
		name := fmt.Sprintf("%s-%d%s", base, i+1, ext)
		if err := emit(io, name, s.Data); err != nil {
			return err
		}
		what := fmt.Sprintf("stages %d–%d of %d", s.First, s.Last, s.Stages)
		if s.First == s.Last {
			what = fmt.Sprintf("stage %d of %d", s.First, s.Stages)
		}
		fmt.Fprintf(io.Err, "wrote %s (%s)\n", name, what)
	}
	return nil
}
