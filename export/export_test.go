package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
)

var (
	examples = filepath.Join("..", "examples")
	tricky   = filepath.Join("..", "testdata", "export", "tricky.journey.yaml")
)

func loadValid(t *testing.T, paths ...string) []*journey.Journey {
	t.Helper()
	set, err := journey.Load(paths, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Findings) > 0 {
		t.Fatalf("test journeys do not validate: %v", set.Findings)
	}
	return set.Journeys
}

func TestGolden(t *testing.T) {
	js := loadValid(t, examples, tricky)
	for _, f := range Formats() {
		var b bytes.Buffer
		if err := Write(&b, js, f); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("..", "testdata", "export", "all."+map[string]string{"mermaid": "md", "json": "json", "csv": "csv"}[f]), b.Bytes())
	}
}

func TestScore(t *testing.T) {
	for in, want := range map[int]int{-2: 1, -1: 2, 0: 3, 1: 4, 2: 5, 7: 5, -9: 1} {
		if got := Score(&journey.Touchpoint{Emotion: &journey.Emotion{Score: in}}); got != want {
			t.Errorf("Score(%d) = %d, want %d", in, got, want)
		}
	}
	if Score(&journey.Touchpoint{}) != 3 {
		t.Error("unscored is not 3")
	}
}

// TestCSV: RFC 4180 — CRLF records, quoting that a strict reader undoes —
// and a row per touchpoint with the values of the model.
func TestCSV(t *testing.T) {
	js := loadValid(t, tricky)
	var b bytes.Buffer
	if err := WriteCSV(&b, js); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "\r\n") || strings.Count(b.String(), "\r\n") < 8 {
		t.Errorf("records do not end in CRLF: %q", b.String())
	}
	r := csv.NewReader(&b)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 || strings.Join(rows[0], ",") != strings.Join(CSVColumns(), ",") {
		t.Fatalf("rows: %q", rows)
	}
	c := rows[len(rows)-1]
	if c[3] != "'=SUM(A1) formula" || c[7] != "2" || c[8] != `relieved, "finally"` || c[10] != "slow, very; line\nbreak" {
		t.Errorf("row c: %q", c)
	}
	if b := rows[2]; b[9] != "true" || b[14] != "order, id" || b[7] != "" {
		t.Errorf("row b: %q", b)
	}
}

// TestMermaidParser: Mermaid's own parser (v11+) accepts the export of
// every example and of names full of Mermaid's delimiters, and reads back
// the sections, tasks, scores (1..5) and actors that were meant. It needs
// node with the mermaid and jsdom packages (see scripts/mermaid-check.mjs);
// without them it is skipped, unless JOURNEYMAP_REQUIRE_MERMAID=1 (CI).
func TestMermaidParser(t *testing.T) {
	script := filepath.Join("..", "scripts", "mermaid-check.mjs")
	require := os.Getenv("JOURNEYMAP_REQUIRE_MERMAID") == "1"
	skip := func(why string) {
		if require {
			t.Fatalf("JOURNEYMAP_REQUIRE_MERMAID=1 but %s", why)
		}
		t.Skip(why)
	}
	if _, err := exec.LookPath("node"); err != nil {
		skip("node is not installed")
	}
	if out, err := exec.Command("node", script, "--probe").CombinedOutput(); err != nil {
		skip("mermaid is not installed for node: " + strings.TrimSpace(string(out)))
	}
	js := loadValid(t, examples, tricky)
	dir := t.TempDir()
	var files []string
	for _, j := range js {
		var b bytes.Buffer
		if err := WriteMermaid(&b, []*journey.Journey{j}); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, j.ID.Value+".mmd")
		os.WriteFile(f, b.Bytes(), 0o644)
		files = append(files, f)
	}
	var all bytes.Buffer
	WriteMermaid(&all, js)
	os.WriteFile(filepath.Join(dir, "all.md"), all.Bytes(), 0o644)
	files = append(files, filepath.Join(dir, "all.md"))

	cmd := exec.Command("node", append([]string{script}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) || err != nil {
		t.Fatalf("mermaid rejected the export: %v\n%s", err, stderr.String())
	}
	type mtask struct {
		Section, Task string
		Score         int
		People        []string
	}
	var got []struct {
		File, Type, Title string
		Sections          []string
		Tasks             []mtask
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d struct {
			File, Type, Title string
			Sections          []string
			Tasks             []mtask
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		got = append(got, d)
	}
	if len(got) != 2*len(js) {
		t.Fatalf("mermaid read %d diagrams, want %d", len(got), 2*len(js))
	}
	for i, d := range got {
		j := js[i%len(js)]
		if d.Type != "journey" || d.Title != line(j.Title.Value) {
			t.Errorf("%s: type %q title %q", j.ID.Value, d.Type, d.Title)
		}
		tps := j.Touchpoints()
		if len(d.Tasks) != len(tps) {
			t.Fatalf("%s: mermaid read %d tasks, want %d", j.ID.Value, len(d.Tasks), len(tps))
		}
		for k, tp := range tps {
			want := mtask{Section: section(tp.Stage.Label()), Task: task(tp.Label()), Score: Score(tp)}
			if d.Tasks[k].Section != want.Section || d.Tasks[k].Task != want.Task || d.Tasks[k].Score != want.Score ||
				d.Tasks[k].Score < 1 || d.Tasks[k].Score > 5 || len(d.Tasks[k].People) != 1 {
				t.Errorf("%s task %d: mermaid read %+v, want %+v", j.ID.Value, k, d.Tasks[k], want)
			}
		}
	}
}

// TestDocExample: the JSON example in docs/export.md is the real export of
// the journey the page shows, byte for byte; so are the Mermaid and CSV ones.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "export.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := func(lang string) string {
		_, rest, ok := strings.Cut(string(doc), "\n```"+lang+"\n")
		if !ok {
			t.Fatalf("docs/export.md has no %s block", lang)
		}
		body, _, _ := strings.Cut(rest, "\n```\n")
		return body + "\n"
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "visit.journey.yaml"), []byte(block("yaml")), 0o644)
	t.Chdir(dir)
	js := loadValid(t, "visit.journey.yaml")
	for lang, format := range map[string]string{"json": "json", "mermaid": "mermaid", "csv": "csv"} {
		var b bytes.Buffer
		if err := Write(&b, js, format); err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(b.String(), "\r\n", "\n")
		if want := block(lang); got != want {
			t.Errorf("docs/export.md %s example differs from the real output:\n%s", lang, golden.Diff(want, got))
		}
	}
}
