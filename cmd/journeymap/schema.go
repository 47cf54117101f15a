package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/journey/schema"
)

type schemaOptions struct {
	workspace bool
}

func newSchemaCmd(io *IO) *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema [--workspace]",
		Short: "Print the JSON Schema of journey files (or of journeymap.yaml)",
		Long: `Schema prints the JSON Schema (draft-07) of a journey file, or with
--workspace of the workspace file journeymap.yaml. Editors use it to complete
keys and enum values, show what each key means on hover, and underline
unknown keys and wrong types as you type.

Save it next to your journeys and name it in the first line of each file:
  # yaml-language-server: $schema=.journeymap/journey.schema.json
('journeymap init' does both). docs/format.md explains the editor setup.
The schema checks structure only; 'journeymap validate' also checks
references and duplicate ids.`,
		Example: `  journeymap schema > .journeymap/journey.schema.json
  journeymap schema --workspace > .journeymap/workspace.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := schema.Journey()
			if opts.workspace {
				out = schema.Workspace()
			}
			if _, err := io.Out.Write(out); err != nil {
				return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the schema: %v", err)}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&opts.workspace, "workspace", false, "print the schema of the workspace file journeymap.yaml instead")
	return cmd
}
