// Command benchreport turns the hyperfine runs of scripts/bench.sh into
// the table of docs/performance.md. Each comparison was run as alternating
// pairs (journeymap, then its baseline, once each per hyperfine call); the
// table shows the median wall time of each side, the median of the
// per-pair ratios, the same ratio for CPU time (user + system), and whether
// the target is met.
//
//	benchreport -dir RESULTS -manifest RESULTS/manifest.tsv [-machine FILE] [-rss FILE] [-doc docs/performance.md]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/internal/atomicfile"
)

type hyperfineRun struct {
	Results []struct {
		Command string    `json:"command"`
		Times   []float64 `json:"times"`
		User    float64   `json:"user"`
		System  float64   `json:"system"`
	} `json:"results"`
}

// comparison is one line of the manifest: label, target ratio ("" for
// none), what journeymap does and what the baseline does.
type comparison struct {
	label, target, what, baseline string
}

const begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"

func main() {
	dir := flag.String("dir", "", "directory of hyperfine JSON files, one subdirectory per comparison")
	manifest := flag.String("manifest", "", "TSV: label, target ratio, journeymap command, baseline")
	machine := flag.String("machine", "", "file describing the machine")
	rss := flag.String("rss", "", "TSV: what, peak RSS in KB, target in MB")
	doc := flag.String("doc", "", "markdown file whose bench section to replace")
	flag.Parse()
	comps, err := readManifest(*manifest)
	if err != nil {
		fail(err)
	}
	var b strings.Builder
	b.WriteString("| comparison | journeymap (median) | baseline (median) | ratio (median of pairs) | CPU ratio | target | met |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, c := range comps {
		row, err := summarise(filepath.Join(*dir, c.label), c)
		if err != nil {
			fail(err)
		}
		b.WriteString(row)
	}
	b.WriteString("\nWhat each row runs:\n\n")
	for _, c := range comps {
		fmt.Fprintf(&b, "- **%s**: `%s` against %s\n", c.label, c.what, c.baseline)
	}
	if *rss != "" {
		if err := rssTable(&b, *rss); err != nil {
			fail(err)
		}
	}
	if *machine != "" {
		m, err := os.ReadFile(*machine)
		if err != nil {
			fail(err)
		}
		b.WriteString("\nMachine and conditions of this run:\n\n```\n" + strings.TrimSpace(string(m)) + "\n```\n")
	}
	fmt.Print(b.String())
	if *doc != "" {
		if err := replaceSection(*doc, b.String()); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchreport:", err)
	os.Exit(1)
}

func readManifest(path string) ([]comparison, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []comparison
	s := bufio.NewScanner(f)
	for s.Scan() {
		parts := strings.Split(s.Text(), "\t")
		if len(parts) != 4 {
			return nil, fmt.Errorf("%s: bad line %q", path, s.Text())
		}
		out = append(out, comparison{parts[0], parts[1], parts[2], parts[3]})
	}
	return out, s.Err()
}

// summarise reads the pairs of one comparison and formats its row.
func summarise(dir string, c comparison) (string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return "", fmt.Errorf("%s: no runs", dir)
	}
	var a, b, ratios, cpuA, cpuB, cpuRatios []float64
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		var run hyperfineRun
		if err := json.Unmarshal(src, &run); err != nil {
			return "", fmt.Errorf("%s: %w", f, err)
		}
		if len(run.Results) != 2 || len(run.Results[0].Times) == 0 || len(run.Results[1].Times) == 0 {
			return "", fmt.Errorf("%s: want two commands with times", f)
		}
		ta, tb := median(run.Results[0].Times), median(run.Results[1].Times)
		ca, cb := run.Results[0].User+run.Results[0].System, run.Results[1].User+run.Results[1].System
		a, b, ratios = append(a, ta), append(b, tb), append(ratios, ta/tb)
		cpuA, cpuB = append(cpuA, ca), append(cpuB, cb)
		if cb > 0 {
			cpuRatios = append(cpuRatios, ca/cb)
		}
	}
	r := median(ratios)
	met := "—"
	if c.target != "" {
		t, err := strconv.ParseFloat(c.target, 64)
		if err != nil {
			return "", fmt.Errorf("%s: bad target %q", c.label, c.target)
		}
		if r <= t {
			met = "yes"
		} else {
			met = fmt.Sprintf("**no** (%.0f%% over)", (r/t-1)*100)
		}
	}
	target := "—"
	if c.target != "" {
		target = "≤ " + c.target + "×"
	}
	cpu := "—"
	if len(cpuRatios) > 0 {
		cpu = fmt.Sprintf("%.2f× (%s vs %s)", median(cpuRatios), seconds(median(cpuA)), seconds(median(cpuB)))
	}
	return fmt.Sprintf("| %s | %s | %s | **%.2f×** (%d pairs) | %s | %s | %s |\n",
		c.label, seconds(median(a)), seconds(median(b)), r, len(ratios), cpu, target, met), nil
}

func rssTable(b *strings.Builder, path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	b.WriteString("\n| peak memory | RSS | target | met |\n|---|---|---|---|\n")
	for _, line := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		parts := strings.Split(line, "\t")
		if len(parts) == 2 {
			parts = append(parts, "") // no target
		}
		if len(parts) != 3 {
			return fmt.Errorf("%s: bad line %q", path, line)
		}
		kb, err := strconv.ParseFloat(parts[1], 64)
		if err != nil {
			return fmt.Errorf("%s: bad RSS %q", path, parts[1])
		}
		mb := kb / 1024
		target, met := "—", "—"
		if parts[2] != "" {
			t, err := strconv.ParseFloat(parts[2], 64)
			if err != nil {
				return fmt.Errorf("%s: bad target %q", path, parts[2])
			}
			target = fmt.Sprintf("≤ %.0f MB", t)
			met = "yes"
			if mb > t {
				met = fmt.Sprintf("**no** (%.0f%% over)", (mb/t-1)*100)
			}
		}
		fmt.Fprintf(b, "| %s | %.0f MB | %s | %s |\n", parts[0], mb, target, met)
	}
	return nil
}

func seconds(s float64) string {
	if s < 1 {
		return fmt.Sprintf("%.1f ms", s*1000)
	}
	return fmt.Sprintf("%.2f s", s)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// replaceSection puts text between the bench markers of the document,
// keeping everything else (the analysis written by hand) as it is.
func replaceSection(path, text string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := string(src)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %s … %s section", path, begin, end)
	}
	return atomicfile.Write(path, []byte(s[:i+len(begin)]+"\n"+text+s[j:]), 0o644)
}
