package lint

import "fmt"

// count spells "1 pain point", "2 pain points"; "info" has no plural.
func count(n int, noun string) string {
	if n == 1 || noun == "info" {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
