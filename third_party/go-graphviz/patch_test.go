package graphviz_test

// Tests of the journeymap patch (PATCHES.md): lazy start, restart, the
// runtime configuration, no disk cache by default, and the freed buffers.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	graphviz "github.com/journeymap/journeymap/third_party/go-graphviz"
	"github.com/tetratelabs/wazero"
)

func TestMain(m *testing.M) {
	// Importing the package (and every package it imports) must not start
	// the WebAssembly module: that is the point of the patch.
	if n := graphviz.MemorySize(); n != 0 {
		fmt.Fprintf(os.Stderr, "the module started at init (%d bytes of memory)\n", n)
		os.Exit(1)
	}
	// One compilation for all tests, kept in the user's cache between runs
	// (compiling is slow under -race).
	testCache = wazero.NewCompilationCache()
	if dir, err := os.UserCacheDir(); err == nil {
		if c, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "journeymap", "go-graphviz-test")); err == nil {
			testCache = c
		}
	}
	graphviz.SetRuntimeConfig(wazero.NewRuntimeConfig().WithCompilationCache(testCache))
	os.Exit(m.Run())
}

var testCache wazero.CompilationCache

func render(t *testing.T, dot string) []byte {
	t.Helper()
	ctx := context.Background()
	g, err := graphviz.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	graph, err := graphviz.ParseBytes([]byte(dot))
	if err != nil {
		t.Fatal(err)
	}
	defer graph.Close()
	var buf bytes.Buffer
	if err := g.Render(ctx, graph, graphviz.SVG, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestStartsOnFirstUseAndRestarts(t *testing.T) {
	ctx := context.Background()
	first := render(t, `digraph { a -> b -> c }`)
	if graphviz.MemorySize() == 0 {
		t.Fatal("module not running after a render")
	}
	if err := graphviz.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if n := graphviz.MemorySize(); n != 0 {
		t.Fatalf("memory after Shutdown = %d", n)
	}
	if got := render(t, `digraph { a -> b -> c }`); !bytes.Equal(got, first) {
		t.Error("a restarted module renders differently")
	}
	// The descriptors other packages copied at init point into the new
	// module: a graph built through them works.
	g, err := graphviz.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	graph, err := g.Graph()
	if err != nil {
		t.Fatal(err)
	}
	defer graph.Close()
	a, err := graph.CreateNodeByName("a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := graph.CreateNodeByName("b")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := graph.CreateEdgeByName("e", a, b); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := g.Render(ctx, graph, graphviz.SVG, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "a&#45;&gt;b") {
		t.Errorf("graph built after a restart renders wrong:\n%s", buf.String())
	}
}

// Upstream leaked the rendered output and the copy of the DOT source in the
// module's memory at every render; WebAssembly memory never shrinks.
func TestRenderFreesItsBuffers(t *testing.T) {
	var dot strings.Builder
	dot.WriteString("digraph {\n")
	for i := range 60 {
		fmt.Fprintf(&dot, "n%d [label=%q];\n", i, strings.Repeat("x", 2000))
	}
	dot.WriteString("}\n")
	out := render(t, dot.String()) // warm up
	before := graphviz.MemorySize()
	const n = 40
	for range n {
		render(t, dot.String())
	}
	grown := graphviz.MemorySize() - before
	leakedUpstream := uint64(n * (len(out) + dot.Len()))
	t.Logf("%d renders of %d bytes: memory %d -> +%d bytes", n, len(out), before, grown)
	if grown > leakedUpstream/8 {
		t.Errorf("memory grew by %d bytes over %d renders (upstream leaks about %d)", grown, n, leakedUpstream)
	}
}

func TestMemoryLimitFailsCleanly(t *testing.T) {
	ctx := context.Background()
	cache := testCache
	if err := graphviz.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	graphviz.SetRuntimeConfig(wazero.NewRuntimeConfig().WithCompilationCache(cache).WithMemoryLimitPages(64)) // 4 MiB
	defer func() {
		_ = graphviz.Shutdown(ctx)
		graphviz.SetRuntimeConfig(wazero.NewRuntimeConfig().WithCompilationCache(cache))
	}()
	var dot strings.Builder
	dot.WriteString("digraph {\n")
	for i := range 3000 {
		fmt.Fprintf(&dot, "n%d -> n%d;\n", i, (i*7+1)%3000)
	}
	dot.WriteString("}\n")
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		g, err := graphviz.New(ctx)
		if err != nil {
			return err
		}
		graph, err := graphviz.ParseBytes([]byte(dot.String()))
		if err != nil {
			return err
		}
		return g.Render(ctx, graph, graphviz.SVG, &bytes.Buffer{})
	}()
	if err == nil {
		t.Fatal("a graph larger than the memory limit rendered")
	}
	t.Logf("over the limit: %v", err)
	if size := graphviz.MemorySize(); size > 64<<16 {
		t.Errorf("memory %d is over the limit", size)
	}
	// Start again after the failure.
	if err := graphviz.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := graphviz.Start(ctx); err != nil {
		t.Fatalf("start after a failure: %v", err)
	}
	render(t, `digraph { ok }`)
}

// Without a configuration nothing is written to disk: upstream cached native
// code in $TMPDIR/go-graphviz, a directory anyone could create first.
func TestNoDiskCacheByDefault(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if err := graphviz.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	graphviz.SetRuntimeConfig(nil)
	defer graphviz.SetRuntimeConfig(wazero.NewRuntimeConfig().WithCompilationCache(testCache))
	if testing.Short() || raceEnabled {
		t.Skip("compiles Graphviz once more, too slow under -race")
	}
	render(t, `digraph { a }`)
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("the module wrote to $TMPDIR: %v", entries)
	}
	_ = graphviz.Shutdown(ctx)
}
