package canon_test

import (
	"os"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journey/canon"
)

// BenchmarkFormat formats a realistic journey, self-checks included;
// BenchmarkParseBaseline parses the same file, for a ratio in one run.
func BenchmarkFormat(b *testing.B) {
	src, err := os.ReadFile("../../examples/plan-upgrade.journey.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := canon.Format("plan-upgrade.journey.yaml", src, canon.Journey); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBaseline(b *testing.B) {
	src, err := os.ReadFile("../../examples/plan-upgrade.journey.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		journey.Parse("plan-upgrade.journey.yaml", src)
	}
}
