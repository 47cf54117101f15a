package canon_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journey/canon"
)

// corpusFiles lists every YAML file of the examples and test corpora.
func corpusFiles(t testing.TB) []string {
	var files []string
	for _, g := range []string{"../../examples/*.yaml", "../../testdata/*/*.yaml", "../../testdata/*/*/*.yaml", "../../testdata/*/*/*.yml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 30 {
		t.Fatalf("corpus too small: %d files", len(files))
	}
	return files
}

// parsed is what a file means to journeymap: its model without positions,
// and its findings without positions.
func parsed(name string, src []byte, kind canon.Kind) string {
	var model any
	var fs []journey.Finding
	if kind == canon.Workspace {
		model, fs = journey.ParseWorkspace(name, src)
	} else {
		model, fs = journey.Parse(name, src)
	}
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Rule+": "+lineRefs.ReplaceAllString(f.Message, "line N"))
	}
	sort.Strings(msgs)
	return fmt.Sprintf("%s\n%s", plain(reflect.ValueOf(model), 0), strings.Join(msgs, "\n"))
}

var lineRefs = regexp.MustCompile(`line \d+`)

// plain prints a model value, leaving out positions, source text and the
// links back to parents, so two files that mean the same print the same.
func plain(v reflect.Value, depth int) string {
	if depth > 50 {
		return "…"
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return "nil"
		}
		return plain(v.Elem(), depth+1)
	case reflect.Struct:
		var b strings.Builder
		b.WriteString("{")
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			switch f.Name {
			case "Pos", "End", "Extent", "Keys", "Source", "Src", "Root", "Stage", "File", "Flow", "Workspace":
				continue
			}
			switch f.Type.Name() {
			case "Pos", "Extent", "Keys":
				continue
			}
			if !f.IsExported() {
				continue
			}
			fmt.Fprintf(&b, "%s:%s ", f.Name, plain(v.Field(i), depth+1))
		}
		b.WriteString("}")
		return b.String()
	case reflect.Slice:
		var parts []string
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, plain(v.Index(i), depth+1))
		}
		return "[" + strings.Join(parts, ",") + "]"
	case reflect.Map:
		keys := v.MapKeys()
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprint(k.Interface())+"="+plain(v.MapIndex(k), depth+1))
		}
		sort.Strings(parts)
		return "map[" + strings.Join(parts, ",") + "]"
	default:
		return fmt.Sprintf("%#v", v.Interface())
	}
}

// comments lists the comment texts of a file, read naively line by line:
// a # after a space or at the start of a line, outside quotes on that line.
func comments(src []byte) []string {
	var out []string
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	for _, l := range strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") {
		var quote rune
		for i, r := range l {
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case (r == '"' || r == '\'') && (i == 0 || strings.ContainsRune(" [{,:-", rune(l[i-1]))):
				quote = r
			case r == '#' && (i == 0 || l[i-1] == ' '):
				out = append(out, strings.TrimSpace(l[i:]))
			}
			if r == '#' && quote == 0 && (i == 0 || l[i-1] == ' ') {
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// checkFormatted holds fmt to its promises on one input.
func checkFormatted(t *testing.T, name string, src, out []byte, kind canon.Kind) {
	t.Helper()
	if got, want := parsed(name, out, kind), parsed(name, src, kind); got != want {
		t.Errorf("the formatted file means something else:\n got %s\nwant %s\n%s", got, want, out)
	}
	again, err := canon.Format(name, out, kind)
	if err != nil {
		t.Fatalf("formatting the output again: %v\n%s", err, out)
	}
	if !bytes.Equal(again, out) {
		t.Errorf("not a fixed point:\n%s", golden.Diff(string(out), string(again)))
	}
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
		t.Errorf("no final newline")
	}
	if bytes.HasPrefix(out, []byte{0xEF, 0xBB, 0xBF}) {
		t.Errorf("the output starts with a BOM")
	}
}

// TestCorpus: every example and test file that parses is formatted, means
// the same after, keeps its comments and is a fixed point.
func TestCorpus(t *testing.T) {
	for _, f := range corpusFiles(t) {
		t.Run(strings.TrimPrefix(f, "../../"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			kind := canon.KindOf(f, src)
			out, err := canon.Format(f, src, kind)
			var se *canon.SyntaxError
			var un *canon.Unsupported
			switch {
			case errors.As(err, &se):
				if !strings.Contains(f, "/err/") {
					t.Fatalf("a corpus file that should parse: %v", err)
				}
				return
			case errors.As(err, &un):
				if !strings.Contains(f, "bomb") {
					t.Fatalf("cannot format: %v", err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			checkFormatted(t, f, src, out, kind)
			if got, want := comments(out), comments(src); !slices.Equal(got, want) {
				t.Errorf("comments differ:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestGolden: each testdata/fmt/*.in.yaml formats to its .out.yaml.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/fmt/*.in.yaml")
	if len(files) < 5 {
		t.Fatalf("expected the fmt cases, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			kind := canon.Journey
			if strings.Contains(f, "workspace") {
				kind = canon.Workspace
			}
			out, err := canon.Format(f, src, kind)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(f, ".in.yaml")+".out.yaml", out)
			checkFormatted(t, f, src, out, kind)
			if got, want := comments(out), comments(src); !slices.Equal(got, want) {
				t.Errorf("comments differ:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestCRLFLikeLF: a file with CRLF line ends formats to the same text as
// the same file with LF line ends, CRLF apart. yaml.v3 reads a CR before a
// comment's line end as an extra line, which once put a blank line under
// every head comment of a CRLF file.
func TestCRLFLikeLF(t *testing.T) {
	for _, f := range corpusFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("\r")) || strings.Contains(f, "/err/") || strings.Contains(f, "bomb") {
			continue
		}
		t.Run(strings.TrimPrefix(f, "../../"), func(t *testing.T) {
			kind := canon.KindOf(f, src)
			lf, err := canon.Format(f, src, kind)
			if err != nil {
				return // TestCorpus says why
			}
			crlf, err := canon.Format(f, bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")), kind)
			if err != nil {
				t.Fatalf("the CRLF file: %v", err)
			}
			if want := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n")); !bytes.Equal(crlf, want) {
				t.Errorf("CRLF formats differently from LF:\n%s", golden.Diff(string(want), string(crlf)))
			}
		})
	}
}
