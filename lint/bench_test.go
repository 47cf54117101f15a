package lint_test

import (
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// BenchmarkLintExamples measures every rule over the loaded examples.
func BenchmarkLintExamples(b *testing.B) {
	set, err := journey.Load([]string{"../examples"}, journey.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.Run(set, lint.Options{Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}
