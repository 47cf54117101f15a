package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// Exit codes, the same for every command (SPEC §6).
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitInternal = 3
)

// IO is where a command reads and writes; tests substitute buffers.
type IO struct {
	In       io.Reader
	Out      io.Writer
	Err      io.Writer
	Terminal bool // Out is a terminal
	NoColor  bool // NO_COLOR is set, or TERM=dumb
	Getenv   func(string) string
}

// DefaultIO is the process's standard streams.
func DefaultIO() *IO {
	_, noColor := os.LookupEnv("NO_COLOR")
	noColor = noColor || os.Getenv("TERM") == "dumb"
	return &IO{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Terminal: isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()),
		NoColor:  noColor,
		Getenv:   os.Getenv,
	}
}

// Color says whether output may be styled.
func (o *IO) Color() bool { return o.Terminal && !o.NoColor }

// exitError carries an exit code through cobra. A nil err means the command
// has already said what it had to say.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError is a bad flag, argument or configuration: exit 2.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// errFindings ends a command that reported problems: exit 1, nothing more to print.
var errFindings = &exitError{code: exitFindings}

// Main runs journeymap with args and returns the process exit code. It maps
// every error to an exit code in one place and never lets a panic escape as
// a stack trace.
func Main(args []string, io *IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(io.Err, "journeymap: internal error: %v\nThis is a bug in journeymap; please report it with the input that caused it.\n", r)
			if io.Getenv != nil && io.Getenv("JOURNEYMAP_DEBUG") != "" {
				io.Err.Write(debug.Stack())
			}
			code = exitInternal
		}
	}()
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(io.Err, "journeymap: %v\n", ee.err)
		}
		return ee.code
	}
	// A path that cannot be used and a lint configuration mistake (in
	// journeymap.yaml or the flags) are usage errors, whichever command
	// met them.
	var pe *journey.PathError
	var ce *lint.ConfigError
	if errors.As(err, &pe) || errors.As(err, &ce) {
		fmt.Fprintf(io.Err, "journeymap: %v\n", err)
		return exitUsage
	}
	// Everything else cobra returns is about the command line: unknown
	// commands, bad flags, wrong argument counts.
	msg := err.Error()
	fmt.Fprintf(io.Err, "journeymap: %s\n", msg)
	if !strings.Contains(msg, "--help") {
		fmt.Fprintf(io.Err, "Run 'journeymap --help' for usage.\n")
	}
	return exitUsage
}

// newHelpCmd replaces cobra's help command, which exits 0 for an unknown
// topic; here that is a usage error like any other.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, c := range root.Commands() {
				names = append(names, c.Name())
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return usageError("unknown help topic %q\nRun 'journeymap --help' for the list of commands.", strings.Join(args, " "))
			}
			return cmd.Help()
		},
	}
}

func newRootCmd(io *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "journeymap",
		Short: "Customer-journey maps as code: validate, lint and render",
		Long: `journeymap reads customer-journey maps written in YAML (*.journey.yaml) —
stages, touchpoints, channels, owners, moments of truth, emotions — and
validates them with exact positions, lints them for the weaknesses CX research
keeps finding, and renders Graphviz diagrams for slides.

Exit codes: 0 success, 1 findings, invalid journeys or a failed write,
2 usage error, 3 internal fault.`,
		Example: `  journeymap validate examples/
  journeymap validate --format json journeys/checkout.journey.yaml
  cat plan.journey.yaml | journeymap validate -`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetVersionTemplate("journeymap {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%s\nRun '%s --help' for usage.", explainFlagError(c, err), c.CommandPath())
	})
	root.CompletionOptions.HiddenDefaultCmd = false
	root.SetHelpCommand(newHelpCmd(root))
	root.AddCommand(
		newValidateCmd(io),
		newLintCmd(io),
		newRulesCmd(io),
		newRenderCmd(io),
		newLSPCmd(io),
		newFmtCmd(io),
		newSchemaCmd(io),
		newInitCmd(io),
		newDiffCmd(io),
		newExportCmd(io),
		newReportCmd(io),
		newServeCmd(io),
		newVersionCmd(io),
		newLayoutWorkerCmd(io),
	)
	root.InitDefaultCompletionCmd()
	strictCompletion(root)
	return root
}
