package lint

import (
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
)

// TestRulesDoc keeps docs/rules.md equal to what the registry generates, so
// the documented examples and outputs cannot drift from the code.
func TestRulesDoc(t *testing.T) {
	golden.Check(t, "../docs/rules.md", []byte(RulesMarkdown()))
}
