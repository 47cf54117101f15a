package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// mermaidLine is every line WriteMermaid may write, after Mermaid's journey
// grammar: a field never holds the characters that end it there.
var mermaidLine = regexp.MustCompile(`^(journey|  title [^#;%\n]+|  accTitle: [^%\n]*|  accDescr: [^%\n]*|  section [^#;:%\n]+|    [^#;:%\n]+: [1-5]: [^#;:,%\n]+|  +%% [^{%\n][^%\n]*)$`)

// FuzzExport: for any valid journey, every Mermaid line is one the grammar
// reads as meant (a task per touchpoint, scored 1..5), and the CSV reads
// back strictly with a row of 16 fields per touchpoint.
func FuzzExport(f *testing.F) {
	for _, p := range []string{tricky, filepath.Join(examples, "plan-upgrade.journey.yaml")} {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("version: 1\ntitle: T\nchannels: {x: {}}\nstages: [{id: s, touchpoints: [{id: t, name: \"Title: 5% %%{init: {}}%%\", channel: x}]}]\n"))
	f.Add([]byte("version: 1\ntitle: \"a\\nb: #c;d\"\nchannels: {x: {name: \"p,q:r\"}}\nstages: [{id: s, name: \"%%{init}\", touchpoints: [{id: t, name: \"{x}: 1: y\", channel: x}]}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		j, fs := journey.Parse("f.journey.yaml", src)
		fs = append(fs, journey.Resolve(j, nil)...)
		if len(fs) > 0 {
			return
		}
		var m bytes.Buffer
		if err := WriteMermaid(&m, []*journey.Journey{j}); err != nil {
			t.Fatal(err)
		}
		tasks := 0
		for _, line := range strings.Split(strings.TrimSuffix(m.String(), "\n"), "\n") {
			if !mermaidLine.MatchString(line) {
				t.Fatalf("a line Mermaid would misread: %q", line)
			}
			if strings.HasPrefix(line, "    ") && !strings.HasPrefix(strings.TrimSpace(line), "%%") {
				tasks++
				if keyword().MatchString(strings.TrimSpace(line)) {
					t.Fatalf("a task Mermaid would read as a statement: %q", line)
				}
			}
		}
		if tasks != len(j.Touchpoints()) {
			t.Fatalf("%d tasks for %d touchpoints", tasks, len(j.Touchpoints()))
		}
		var c bytes.Buffer
		if err := WriteCSV(&c, []*journey.Journey{j}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&c).ReadAll()
		if err != nil || len(rows) != len(j.Touchpoints())+1 {
			t.Fatalf("CSV read back: %v, %d rows for %d touchpoints", err, len(rows), len(j.Touchpoints()))
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, []*journey.Journey{j}); err != nil {
			t.Fatal(err)
		}
	})
}
