package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/lsp"
)

func newLSPCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server for editors (LSP over standard input and output)",
		Long: `Lsp is a Language Server (LSP 3.17) for journey and workspace files, spoken
over standard input and output. Editors start it as a generic language server
for *.journey.yaml and journeymap.yaml files (see docs/editors.md). It gives:

  - diagnostics: validation and lint findings, as 'journeymap lint' reports
    them with the workspace's configuration, on open and as you type
  - hover: what a key means; a finding's rule and why it exists
  - completion: keys, allowed values, and ids (channels, owners, personas,
    metrics, listening posts, next touchpoints) from the journey and its
    workspace
  - go to definition of those ids, document symbols (stages, touchpoints),
    and formatting with 'journeymap fmt'`,
		Example: `  journeymap lsp      # started by the editor, not by hand`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := lsp.Run(ctx, io.In, io.Out, lsp.Options{Log: io.Err}); err != nil {
				return &exitError{code: exitFindings, err: err}
			}
			return nil
		},
	}
}
