package journey_test

import (
	"os"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// BenchmarkParse measures parsing and resolving a realistic journey.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../examples/plan-upgrade.journey.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ws, _ := journey.ParseWorkspace("journeymap.yaml", mustRead(b, "../examples/journeymap.yaml"))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		j, _ := journey.Parse("plan-upgrade.journey.yaml", src)
		journey.Resolve(j, ws)
	}
}

// BenchmarkLoadExamples measures Load over the examples directory: file
// discovery, parallel parsing and workspace discovery.
func BenchmarkLoadExamples(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := journey.Load([]string{"../examples"}, journey.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func mustRead(b *testing.B, p string) []byte {
	src, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	return src
}
