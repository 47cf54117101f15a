package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

// pflag words its errors for programmers ("strconv.ParseFloat: parsing
// \"abc\": invalid syntax"); these patterns find the parts a user needs.
var (
	unknownFlag   = lazyre.New(`^unknown flag: --(\S+)$`)
	unknownShort  = lazyre.New(`^unknown shorthand flag: '(.)' in (\S+)$`)
	badFlagValue  = lazyre.New(`^invalid argument "(.*)" for "(?:-\w, )?--([^"]+)" flag: (.*)$`)
	missingArgErr = lazyre.New(`^flag needs an argument: (?:'(.)' in -.|--(\S+))$`)
)

// explainFlagError rewrites a flag parsing error in journeymap's words: a
// did-you-mean for a misspelt flag, the kind of value a flag wants.
func explainFlagError(c *cobra.Command, err error) string {
	msg := err.Error()
	if m := unknownFlag().FindStringSubmatch(msg); m != nil {
		name := m[1]
		if i := strings.IndexByte(name, '='); i >= 0 {
			name = name[:i]
		}
		out := fmt.Sprintf("unknown flag --%s for '%s'", name, c.CommandPath())
		if s := suggestFlag(c, name); s != "" {
			out += fmt.Sprintf("; did you mean --%s?", s)
		}
		return out
	}
	if m := unknownShort().FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown flag -%s for '%s'", m[1], c.CommandPath())
	}
	if m := missingArgErr().FindStringSubmatch(msg); m != nil {
		name := m[2]
		if name == "" {
			if f := c.Flags().ShorthandLookup(m[1]); f != nil {
				name = f.Name
			}
		}
		return fmt.Sprintf("--%s needs a value%s", name, valueHint(c.Flags().Lookup(name)))
	}
	if m := badFlagValue().FindStringSubmatch(msg); m != nil {
		value, name, cause := m[1], m[2], m[3]
		f := c.Flags().Lookup(name)
		var numErr *strconv.NumError
		if errors.As(err, &numErr) || strings.HasPrefix(cause, "strconv.") {
			return fmt.Sprintf("--%s needs a number%s, not %q", name, valueHint(f), value)
		}
		return fmt.Sprintf("invalid value %q for --%s: %s", value, name, cause)
	}
	return msg
}

// suggestFlag names the flag of c closest to a misspelt name; "" when none
// is close. Underscores for dashes are the commonest slip, so they are
// tried first.
func suggestFlag(c *cobra.Command, name string) string {
	var names []string
	seen := map[string]bool{}
	collect := func(f *pflag.Flag) {
		if !f.Hidden && !seen[f.Name] {
			seen[f.Name] = true
			names = append(names, f.Name)
		}
	}
	c.Flags().VisitAll(collect)
	c.InheritedFlags().VisitAll(collect)
	if dashed := strings.ReplaceAll(name, "_", "-"); seen[dashed] {
		return dashed
	}
	return journey.Suggest(name, names)
}

// valueHint shows an example for a flag that takes a value, from its default.
func valueHint(f *pflag.Flag) string {
	if f == nil {
		return ""
	}
	switch f.Value.Type() {
	case "float64", "int", "uint", "int64":
		return fmt.Sprintf(" (default %s)", f.DefValue)
	}
	return ""
}

// completionShells are the shells cobra can write a completion script for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// strictCompletion makes `completion SHELL` with an unknown shell a usage
// error; cobra's default prints help and exits 0, which hides a typo in a
// set-up script.
func strictCompletion(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.ValidArgs = completionShells
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("name a shell: journeymap completion %s", strings.Join(completionShells, "|"))
			}
			return usageError("unknown shell %q for completion: use one of %s", args[0], strings.Join(completionShells, ", "))
		}
	}
}
