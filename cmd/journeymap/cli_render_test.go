package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var cliPNGSignature = []byte("\x89PNG\r\n\x1a\n")

func cliReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func cliMustExit(t *testing.T, r cliResult, want int, args ...string) {
	t.Helper()
	if r.code != want {
		t.Fatalf("journeymap %s: exit %d, want %d\n%s", strings.Join(args, " "), r.code, want, r)
	}
}

func cliRender(t *testing.T, o cliOpts, want int, args ...string) cliResult {
	t.Helper()
	args = append([]string{"render"}, args...)
	r := cliRun(t, o, args...)
	cliMustExit(t, r, want, args...)
	return r
}

func TestRender(t *testing.T) {
	cliAtRoot(t)
	const (
		plan     = "examples/plan-upgrade.journey.yaml"
		checkout = "examples/online-checkout.journey.yaml"
		benefit  = "examples/benefit-application.journey.yaml"
		invalid  = "testdata/validate/err/range.journey.yaml"
	)

	t.Run("dot to stdout", func(t *testing.T) {
		r := cliRender(t, cliOpts{}, 0, plan, "--format", "dot")
		if !strings.Contains(r.stdout, "digraph") {
			t.Errorf("DOT output lacks digraph:\n%s", cliClip(r.stdout))
		}
		again := cliRender(t, cliOpts{}, 0, plan, "--format", "dot")
		if again.stdout != r.stdout {
			t.Errorf("DOT output is not deterministic")
		}
	})

	t.Run("dot to terminal is fine", func(t *testing.T) {
		r := cliRender(t, cliOpts{terminal: true}, 0, plan, "--format", "dot")
		if !strings.Contains(r.stdout, "digraph") || cliHasANSI(r.stdout) {
			t.Errorf("DOT on a terminal:\n%s", cliClip(r.stdout))
		}
	})

	t.Run("svg to stdout by default", func(t *testing.T) {
		r := cliRender(t, cliOpts{}, 0, plan)
		if !strings.HasPrefix(r.stdout, "<?xml") || !strings.Contains(r.stdout, "<svg") {
			t.Errorf("default output is not SVG:\n%s", cliClip(r.stdout))
		}
	})

	t.Run("svg file is deterministic", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.svg")
		cliRender(t, cliOpts{}, 0, plan, "-o", out)
		first := cliReadFile(t, out)
		if !bytes.HasPrefix(first, []byte("<?xml")) {
			t.Fatalf("%s does not start with <?xml:\n%s", out, cliClip(string(first)))
		}
		if !bytes.Contains(first, []byte("<svg")) || !bytes.Contains(first, []byte("viewBox=")) {
			t.Errorf("%s is not a scalable SVG", out)
		}
		cliRender(t, cliOpts{}, 0, plan, "-o", out)
		if second := cliReadFile(t, out); !bytes.Equal(first, second) {
			t.Errorf("a second render of the same journey gave different bytes")
		}
		// Only the output file is written (atomic write leaves no temp files).
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("output directory holds %v, want just out.svg", names)
		}
	})

	t.Run("png per journey with -O", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "maps") // -O creates it
		r := cliRender(t, cliOpts{}, 0, "examples/", "-O", dir, "--format", "png", "--dpi", "24")
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
			if b := cliReadFile(t, filepath.Join(dir, e.Name())); !bytes.HasPrefix(b, cliPNGSignature) {
				t.Errorf("%s is not a PNG", e.Name())
			}
		}
		sort.Strings(names)
		want := []string{"bank-onboarding.png", "benefit-application.png", "insurance-claim.png", "online-checkout.png", "plan-upgrade.png"}
		if strings.Join(names, " ") != strings.Join(want, " ") {
			t.Errorf("-O wrote %v, want %v", names, want)
		}
		if strings.Count(r.stderr, "wrote ") != len(want) {
			t.Errorf("want one 'wrote' line per file on stderr:\n%s", r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("-O should print nothing on stdout:\n%s", cliClip(r.stdout))
		}
	})

	t.Run("-O names files by view", func(t *testing.T) {
		dir := t.TempDir()
		cliRender(t, cliOpts{}, 0, plan, checkout, "-O", dir, "--view", "map", "--format", "dot")
		for _, name := range []string{"plan-upgrade-map.dot", "online-checkout-map.dot"} {
			if b := cliReadFile(t, filepath.Join(dir, name)); !bytes.Contains(b, []byte("digraph")) {
				t.Errorf("%s is not DOT", name)
			}
		}
	})

	t.Run("format from -o extension", func(t *testing.T) {
		dir := t.TempDir()
		for ext, check := range map[string]func([]byte) bool{
			".png": func(b []byte) bool { return bytes.HasPrefix(b, cliPNGSignature) },
			".dot": func(b []byte) bool { return bytes.Contains(b, []byte("digraph")) },
			".gv":  func(b []byte) bool { return bytes.Contains(b, []byte("digraph")) },
			".svg": func(b []byte) bool { return bytes.HasPrefix(b, []byte("<?xml")) },
		} {
			out := filepath.Join(dir, "x"+ext)
			cliRender(t, cliOpts{}, 0, plan, "-o", out, "--dpi", "24")
			if !check(cliReadFile(t, out)) {
				t.Errorf("-o x%s did not write that format", ext)
			}
		}
		// An explicit --format wins over the extension.
		out := filepath.Join(dir, "explicit.png")
		cliRender(t, cliOpts{}, 0, plan, "-o", out, "--format", "dot")
		if !bytes.Contains(cliReadFile(t, out), []byte("digraph")) {
			t.Errorf("--format dot -o explicit.png did not write DOT")
		}
	})

	t.Run("invalid journey writes nothing", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "bad.svg")
		r := cliRender(t, cliOpts{}, 1, invalid, "-o", out)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("render of an invalid journey wrote %s", out)
		}
		if !strings.Contains(r.stderr, invalid+":") {
			t.Errorf("the problems should be reported on stderr:\n%s", r)
		}
		// Also via -O.
		odir := filepath.Join(dir, "maps")
		cliRender(t, cliOpts{}, 1, invalid, "-O", odir)
		if entries, _ := os.ReadDir(odir); len(entries) != 0 {
			t.Errorf("-O wrote files for an invalid journey")
		}
	})

	t.Run("invalid among valid renders the valid and exits 1", func(t *testing.T) {
		dir := t.TempDir()
		cliRender(t, cliOpts{}, 1, plan, invalid, "-O", dir, "--format", "dot")
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 || entries[0].Name() != "plan-upgrade.dot" {
			t.Errorf("want only plan-upgrade.dot, got %v", entries)
		}
	})

	t.Run("--lint overlays findings", func(t *testing.T) {
		plain := cliRender(t, cliOpts{}, 0, benefit, "--format", "dot")
		linted := cliRender(t, cliOpts{}, 0, benefit, "--format", "dot", "--lint")
		if plain.stdout == linted.stdout {
			t.Fatalf("--lint changed nothing in the diagram of a journey with findings")
		}
		if !strings.Contains(linted.stdout, "missing-owner") || strings.Contains(plain.stdout, "missing-owner") {
			t.Errorf("--lint should name the missing-owner finding on the diagram")
		}
		dir := t.TempDir()
		out := filepath.Join(dir, "review.svg")
		cliRender(t, cliOpts{}, 0, benefit, "--lint", "-o", out)
		if !bytes.HasPrefix(cliReadFile(t, out), []byte("<?xml")) {
			t.Errorf("--lint -o review.svg did not write an SVG")
		}
	})

	t.Run("emotion view overlays two journeys in one SVG", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "curves.svg")
		cliRender(t, cliOpts{}, 0, plan, checkout, "--view", "emotion", "-o", out)
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Fatalf("want one file, got %d", len(entries))
		}
		svg := string(cliReadFile(t, out))
		if !strings.HasPrefix(svg, "<?xml") || strings.Count(svg, "<svg") != 1 {
			t.Errorf("not one SVG:\n%s", cliClip(svg))
		}
	})

	for _, view := range []string{"flow", "map", "emotion", "channels"} {
		for _, theme := range []string{"light", "dark", "mono"} {
			t.Run("view "+view+" theme "+theme, func(t *testing.T) {
				r := cliRender(t, cliOpts{}, 0, checkout, "--view", view, "--theme", theme, "--format", "svg")
				if !strings.HasPrefix(r.stdout, "<?xml") {
					t.Errorf("not SVG:\n%s", cliClip(r.stdout))
				}
			})
		}
	}

	for _, tc := range []struct {
		size string
		w, h float64
	}{{"16:9", 16, 9}, {"4:3", 4, 3}} {
		for _, view := range []string{"flow", "map"} {
			t.Run("size "+tc.size+" "+view, func(t *testing.T) {
				r := cliRender(t, cliOpts{}, 0, plan, "--size", tc.size, "--view", view)
				w, h := cliViewBox(t, r.stdout)
				if got, want := w/h, tc.w/tc.h; got < want*0.99 || got > want*1.01 {
					t.Errorf("viewBox %gx%g has ratio %.4f, want %.4f ±1%%", w, h, got, want)
				}
			})
		}
	}

	t.Run("png to a terminal is refused", func(t *testing.T) {
		r := cliRender(t, cliOpts{terminal: true}, 2, plan, "--format", "png", "--dpi", "10")
		if r.stdout != "" {
			t.Errorf("wrote %d bytes to the terminal", len(r.stdout))
		}
		r = cliRender(t, cliOpts{terminal: true}, 2, plan, "--format", "png", "--dpi", "10", "-o", "-")
		if r.stdout != "" {
			t.Errorf("wrote %d bytes to the terminal with -o -", len(r.stdout))
		}
	})

	t.Run("png to a pipe is fine", func(t *testing.T) {
		r := cliRender(t, cliOpts{}, 0, plan, "--format", "png", "--dpi", "24")
		if !strings.HasPrefix(r.stdout, string(cliPNGSignature)) {
			t.Errorf("stdout is not a PNG")
		}
	})

	t.Run("dpi changes PNG size", func(t *testing.T) {
		lo := cliRender(t, cliOpts{}, 0, plan, "--format", "png", "--dpi", "20")
		hi := cliRender(t, cliOpts{}, 0, plan, "--format", "png", "--dpi", "40")
		lw, lh := cliPNGSize(t, []byte(lo.stdout))
		hw, hh := cliPNGSize(t, []byte(hi.stdout))
		if hw < lw*19/10 || hw > lw*21/10 || hh < lh*19/10 || hh > lh*21/10 {
			t.Errorf("PNG at 40 dpi is %dx%d, at 20 dpi %dx%d: want about twice the size", hw, hh, lw, lh)
		}
	})

	t.Run("unwritable output", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "no", "such", "dir", "x.svg")
		r := cliRun(t, cliOpts{}, "render", plan, "-o", out)
		if r.code == 0 {
			t.Fatalf("writing into a missing directory succeeded?\n%s", r)
		}
		if !strings.Contains(r.stderr, "x.svg") {
			t.Errorf("stderr should name the file:\n%s", r)
		}
	})
}

var cliViewBoxRE = regexp.MustCompile(`viewBox="([-0-9.]+)[ ,]+([-0-9.]+)[ ,]+([0-9.]+)[ ,]+([0-9.]+)"`)

func cliViewBox(t *testing.T, svg string) (w, h float64) {
	t.Helper()
	m := cliViewBoxRE.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in SVG:\n%s", cliClip(svg))
	}
	w, _ = strconv.ParseFloat(m[3], 64)
	h, _ = strconv.ParseFloat(m[4], 64)
	if w <= 0 || h <= 0 {
		t.Fatalf("bad viewBox %q", m[0])
	}
	return w, h
}

// cliPNGSize reads the width and height from a PNG's IHDR chunk.
func cliPNGSize(t *testing.T, b []byte) (w, h int) {
	t.Helper()
	if len(b) < 24 || !bytes.HasPrefix(b, cliPNGSignature) || string(b[12:16]) != "IHDR" {
		t.Fatalf("not a PNG")
	}
	be := func(p []byte) int { return int(p[0])<<24 | int(p[1])<<16 | int(p[2])<<8 | int(p[3]) }
	return be(b[16:20]), be(b[20:24])
}

// TestRenderSplit: --split writes FILE-1.svg, FILE-2.svg… (or NAME-1.svg
// per journey with -O), each a whole picture, and names each file.
func TestRenderSplit(t *testing.T) {
	cliAtRoot(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "plan.svg")
	r := cliRender(t, cliOpts{}, 0, "examples/plan-upgrade.journey.yaml", "--view", "emotion", "--split", "-o", out)
	files, _ := filepath.Glob(filepath.Join(dir, "plan-*.svg"))
	if len(files) < 2 {
		t.Fatalf("--split wrote %q\n%s", files, r)
	}
	for i := range files {
		name := filepath.Join(dir, "plan-"+strconv.Itoa(i+1)+".svg")
		if !strings.Contains(r.stderr, "wrote "+name+" (stage") {
			t.Errorf("stderr does not name %s:\n%s", name, r.stderr)
		}
		if svg := cliReadFile(t, name); !bytes.Contains(svg, []byte("</svg>")) || !bytes.Contains(svg, []byte(" of 4</title>")) {
			t.Errorf("%s is not a whole slide titled with its stages", name)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--split also wrote the unsplit file")
	}
	outDir := filepath.Join(dir, "maps")
	cliRender(t, cliOpts{}, 0, "examples/plan-upgrade.journey.yaml", "--split", "-O", outDir, "--format", "dot")
	if got, _ := filepath.Glob(filepath.Join(outDir, "plan-upgrade-*.dot")); len(got) < 2 {
		t.Errorf("--split -O wrote %q", got)
	}
}

// TestRenderThemeFile: --theme FILE (or render.theme in the workspace,
// relative to it) brands the picture; a bad theme file is a usage error
// with positioned findings, and nothing is rendered.
func TestRenderThemeFile(t *testing.T) {
	cliAtRoot(t)
	dir := t.TempDir()
	brand := filepath.Join(dir, "brand.yaml")
	if err := os.WriteFile(brand, []byte("base: light\nfont: Inter\ncolors: {background: \"#fdf6e3\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "plan.svg")
	cliRender(t, cliOpts{}, 0, "examples/plan-upgrade.journey.yaml", "--theme", brand, "-o", out)
	svg := cliReadFile(t, out)
	if !bytes.Contains(svg, []byte(`fill="#fdf6e3"`)) || !bytes.Contains(svg, []byte(`font-family="Inter,`)) {
		t.Error("the theme file's background and font are not in the SVG")
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("base: light\ncolors:\n  text: \"#12345\"\n  links: \"#000\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badOut := filepath.Join(dir, "bad.svg")
	r := cliRender(t, cliOpts{}, 2, "examples/plan-upgrade.journey.yaml", "--theme", bad, "-o", badOut)
	for _, want := range []string{bad + `:3:9: error: text: "#12345" is not a colour`, bad + `:4:3: error: unknown key "links"`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %s:\n%s", want, r.stderr)
		}
	}
	if _, err := os.Stat(badOut); err == nil {
		t.Error("rendered despite a bad theme file")
	}
	r = cliRender(t, cliOpts{}, 2, "examples/plan-upgrade.journey.yaml", "--theme", dir, "-o", badOut)
	if !strings.Contains(r.stderr, "is a directory") {
		t.Errorf("a directory as theme: %s", r.stderr)
	}
	r = cliRender(t, cliOpts{}, 2, "examples/plan-upgrade.journey.yaml", "--theme", "neon", "-o", badOut)
	if !strings.Contains(r.stderr, `unknown theme "neon"`) {
		t.Errorf("unknown theme name: %s", r.stderr)
	}
	// In the workspace, a theme file is found relative to journeymap.yaml.
	ws := filepath.Join(dir, "ws")
	os.MkdirAll(ws, 0o755)
	os.WriteFile(filepath.Join(ws, "journeymap.yaml"), []byte("version: 1\nrender: {theme: themes/brand.yaml}\n"), 0o644)
	os.MkdirAll(filepath.Join(ws, "themes"), 0o755)
	os.WriteFile(filepath.Join(ws, "themes", "brand.yaml"), []byte("colors: {background: \"#fdf6e3\"}\n"), 0o644)
	os.WriteFile(filepath.Join(ws, "a.journey.yaml"), []byte("version: 1\ntitle: A\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: web}]}]\n"), 0o644)
	cliRender(t, cliOpts{}, 0, filepath.Join(ws, "a.journey.yaml"), "-o", out)
	if !bytes.Contains(cliReadFile(t, out), []byte(`fill="#fdf6e3"`)) {
		t.Error("the workspace's theme file is not used")
	}
}
