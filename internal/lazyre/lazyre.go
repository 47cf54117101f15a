// Package lazyre compiles a package's regular expressions on first use
// rather than when the program starts.
//
// Every package-level regexp.MustCompile runs before main, for every
// command: journeymap's three dozen cost about half a millisecond of a
// `journeymap version` that takes five. A pattern declared with New is
// compiled the first time it is needed, once, safely from any goroutine.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles pattern the first time it is
// called and returns the same *regexp.Regexp ever after. Like
// regexp.MustCompile, it panics if the pattern does not compile: patterns
// are constants of the program, and each package's tests use its own.
func New(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
