package lint

import (
	"path"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// matchGlob says whether a slash-separated path relative to the workspace
// matches pattern. Each segment matches as path.Match does (`*`, `?`,
// `[...]` stay within one directory); a `**` segment matches any number of
// directories, none included. A pattern ending in `/` means everything
// under that directory.
func matchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	if strings.HasSuffix(pattern, "/") {
		pattern += "**"
	}
	return matchSegments(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse repeated ** and try every split point.
			for len(pat) > 1 && pat[1] == "**" {
				pat = pat[1:]
			}
			for i := 0; i <= len(name); i++ {
				if matchSegments(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// checkGlob reports a malformed pattern, such as an unclosed `[`.
func checkGlob(pattern string) error {
	for _, seg := range strings.Split(pattern, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

// matchAny returns the first glob that matches name.
func matchAny(globs []journey.Text, name string) (string, bool) {
	for _, g := range globs {
		if matchGlob(g.Value, name) {
			return g.Value, true
		}
	}
	return "", false
}
