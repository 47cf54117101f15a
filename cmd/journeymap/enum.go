package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// enumValue is a string flag that takes one of a list of values. The one
// list checks the value as the flag is parsed (a usage error, exit 2),
// completes it in the shell and is shown in --help.
type enumValue struct {
	value   *string
	allowed func() []string
}

func (e *enumValue) Set(s string) error {
	if !slices.Contains(e.allowed(), s) {
		// explainFlagError puts the value and the flag in front.
		return fmt.Errorf("use one of %s", strings.Join(e.allowed(), ", "))
	}
	*e.value = s
	return nil
}

func (e *enumValue) String() string { return *e.value }

// Type is what --help shows as the flag's argument.
func (e *enumValue) Type() string { return "string" }

// enumFlag defines --name on cmd: it stores one of allowed() in p, starting
// at def ("" for none). Its usage lists the values where it says %s, else
// at its end.
func enumFlag(cmd *cobra.Command, p *string, name, def, usage string, allowed func() []string) {
	*p = def
	if !strings.Contains(usage, "%s") {
		usage += ": %s"
	}
	usage = fmt.Sprintf(usage, strings.Join(allowed(), "|"))
	cmd.Flags().Var(&enumValue{value: p, allowed: allowed}, name, usage)
	cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return allowed(), cobra.ShellCompDirectiveNoFileComp
	})
}

// completeWith completes a flag that is not an enum (it also takes a file,
// say) with the values it knows.
func completeWith(cmd *cobra.Command, name string, values func() []string) {
	cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values(), cobra.ShellCompDirectiveNoFileComp
	})
}
