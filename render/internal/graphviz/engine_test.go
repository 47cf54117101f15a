package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary doubles as a one-shot journeymap render when this
// variable is set, so that tests can run the engine in a fresh process (as
// another user, with a planted cache) and see what it did.
const helperEnv = "JOURNEYMAP_ENGINE_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(workerEnv); mode != "" {
		os.Exit(testWorkerMain(mode))
	}
	if os.Getenv(helperEnv) == "1" {
		e := Default()
		out, err := e.Layout(context.Background(), []byte(`digraph { a -> b }`), "dot", "svg")
		if err != nil || !bytes.Contains(out, []byte("<svg")) {
			fmt.Printf("layout failed: %v\n", err)
			os.Exit(3)
		}
		fmt.Printf("ok\ncache %s\n", e.CacheStatus())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// testEngine shares the user's cache, so that tests do not compile Graphviz
// again and again.
func testEngine(t *testing.T, b Budget) *Engine {
	t.Helper()
	dir, _ := os.UserCacheDir()
	e := New(Options{Budget: b, UserCacheDir: dir})
	t.Cleanup(e.Close)
	return e
}

func journeyDOT(t testing.TB) []byte {
	src, err := os.ReadFile("../../testdata/engine/journey.dot")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// dense is n nodes each with an edge to every other: hopeless for dot.
func dense(n int) []byte {
	var b bytes.Buffer
	b.WriteString("digraph {\n")
	for i := range n {
		for j := range n {
			if i != j {
				fmt.Fprintf(&b, "n%d -> n%d;\n", i, j)
			}
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func TestBudgetTime(t *testing.T) {
	e := testEngine(t, Budget{Time: 300 * time.Millisecond, Memory: 512 << 20, Recycle: 96 << 20})
	start := time.Now()
	_, err := e.Layout(context.Background(), dense(100), "dot", "svg")
	took := time.Since(start)
	if !errors.Is(err, ErrBudget) {
		t.Fatalf("err = %v, want ErrBudget", err)
	}
	t.Logf("%v after %v", err, took)
	if took > 5*time.Second {
		t.Errorf("stopped after %v, budget 300ms", took)
	}
	// The engine goes on.
	if _, err := e.Layout(context.Background(), journeyDOT(t), "dot", "svg"); err != nil {
		t.Fatal(err)
	}
}

func TestBudgetMemory(t *testing.T) {
	e := testEngine(t, Budget{Time: time.Minute, Memory: 8 << 20, Recycle: 96 << 20})
	// 6 MB of labels: the module holds the source and Graphviz a copy.
	var b bytes.Buffer
	b.WriteString("digraph {\n")
	for i := range 600 {
		fmt.Fprintf(&b, "n%d [label=%q];\n", i, strings.Repeat("label ", 1700))
	}
	b.WriteString("}\n")
	_, err := e.Layout(context.Background(), b.Bytes(), "dot", "svg")
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "8 MB") {
		t.Fatalf("err = %v, want ErrBudget naming 8 MB", err)
	}
	if _, err := e.Layout(context.Background(), journeyDOT(t), "dot", "svg"); err != nil {
		t.Fatal(err)
	}
}

// The module restarts when it grows past Budget.Recycle, and a restarted
// module lays out exactly the same.
func TestRecycle(t *testing.T) {
	e := testEngine(t, Budget{Time: 8 * time.Second, Memory: 512 << 20, Recycle: 1 << 20})
	src := journeyDOT(t)
	first, err := e.Layout(context.Background(), src, "dot", "svg")
	if err != nil {
		t.Fatal(err)
	}
	big := dense(12)
	for range 3 {
		if _, err := e.Layout(context.Background(), big, "dot", "svg"); err != nil {
			t.Fatal(err)
		}
		again, err := e.Layout(context.Background(), src, "dot", "svg")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, first) {
			t.Fatal("a recycled module lays out differently")
		}
	}
	if s := e.Stats(); s.Starts < 2 {
		t.Errorf("stats %+v: the module never restarted", s)
	}
}

// Long runs (watch, batches) keep the module's memory and the process's
// RSS flat: Graphviz still leaks a little inside the module at every
// layout, so the module restarts past Budget.Recycle.
func TestMemoryFlatOverManyLayouts(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of layouts")
	}
	// JOURNEYMAP_FLAT_LAYOUTS=5000 measures a long run with the real budget.
	b, n := DefaultBudget(), 400
	if v, err := strconv.Atoi(os.Getenv("JOURNEYMAP_FLAT_LAYOUTS")); err == nil {
		n = v
	} else {
		b.Recycle = 3 << 20
	}
	e := testEngine(t, b)
	ctx := context.Background()
	src := journeyDOT(t)
	for range 30 {
		if _, err := e.Layout(ctx, src, "dot", "json"); err != nil {
			t.Fatal(err)
		}
	}
	rss0 := rss(t)
	var peak, peakRSS uint64
	var quarters []uint64
	for i := range n {
		if _, err := e.Layout(ctx, src, "dot", "svg"); err != nil {
			t.Fatal(err)
		}
		peak = max(peak, e.Stats().Memory)
		if (i+1)%(n/4) == 0 {
			r := rss(t)
			peakRSS = max(peakRSS, r)
			quarters = append(quarters, r)
			t.Logf("after %d layouts: RSS %d MB, module %d KB", i+1, r>>20, e.Stats().Memory>>10)
		}
	}
	s := e.Stats()
	t.Logf("%d layouts: module peak %d KB, RSS %d -> peak %d MB, %d starts", n, peak>>10, rss0>>20, peakRSS>>20, s.Starts)
	if peak > b.Recycle+1<<20 {
		t.Errorf("module memory reached %d bytes, recycled at %d", peak, b.Recycle)
	}
	if s.Starts < 2 && b.Recycle < DefaultBudget().Recycle {
		t.Errorf("the module never restarted over %d layouts", n)
	}
	// The module's memory (up to Budget.Recycle) plus what the Go side
	// needs: not a function of the number of layouts. A busy machine (and
	// the race detector's shadow memory) moves RSS by tens of MB, so the
	// check is the trend from the first quarter to the last: upstream's
	// leak of about 155 KB a layout would add some 45 MB over 300 layouts.
	if len(quarters) == 4 && quarters[3] > quarters[0]+24<<20 {
		t.Errorf("RSS grew from %d MB to %d MB over the last %d layouts (from %d MB at the start)", quarters[0]>>20, quarters[3]>>20, 3*n/4, rss0>>20)
	}
}

func rss(t *testing.T) uint64 {
	runtime.GC()
	debug.FreeOSMemory()
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip("no /proc/self/statm")
	}
	f := strings.Fields(string(b))
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// A cache entry wazero cannot load (truncated, corrupted) is cleared, the
// module compiles in memory, and the next engine writes a good entry.
func TestCorruptedCacheEntry(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("compiles Graphviz, too slow under -race")
	}
	base := t.TempDir()
	warm := testEngine(t, DefaultBudget())
	if _, err := warm.Layout(context.Background(), []byte(`digraph{a}`), "dot", "svg"); err != nil {
		t.Fatal(err)
	}
	// Copy the user's good entries, then corrupt them.
	src := strings.TrimPrefix(warm.CacheStatus(), "disk: ")
	if src == warm.CacheStatus() {
		t.Skipf("no disk cache here: %s", warm.CacheStatus())
	}
	dst, err := prepareCacheDir(base)
	if err != nil {
		t.Fatal(err)
	}
	var entries []string
	dirs, _ := os.ReadDir(src)
	for _, d := range dirs {
		mkdirAll(t, filepath.Join(dst, d.Name()))
		files, _ := os.ReadDir(filepath.Join(src, d.Name()))
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(src, d.Name(), f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dst, d.Name(), f.Name())
			b = b[:len(b)/2] // truncated
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
			entries = append(entries, p)
		}
	}
	if len(entries) == 0 {
		t.Skip("nothing cached to corrupt")
	}
	e := New(Options{UserCacheDir: base})
	defer e.Close()
	if _, err := e.Layout(context.Background(), journeyDOT(t), "dot", "svg"); err != nil {
		t.Fatalf("layout with a corrupted cache: %v", err)
	}
	if st := e.CacheStatus(); !strings.HasPrefix(st, "memory: the disk cache failed") {
		t.Errorf("cache status %q", st)
	}
	for _, p := range entries {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("corrupted entry %s left in place", p)
		}
	}
}

// helper runs this test binary as a fresh journeymap process with env.
func helper(t *testing.T, bin string, cred *syscall.Credential, env ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	cmd.Env = append(cmd.Env, env...)
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "ok\n") {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "goroutine ") || strings.Contains(string(out), "panic:") {
		t.Fatalf("stack trace:\n%s", out)
	}
	return string(out)
}

// A planted $TMPDIR/go-graphviz (where go-graphviz used to cache native
// code), made of FIFOs that hang whoever opens them, is never touched.
func TestPlantedTmpCacheIsIgnored(t *testing.T) {
	tmp := t.TempDir()
	home := t.TempDir()
	plant := filepath.Join(tmp, "go-graphviz")
	mkdir(t, plant, 0o777)
	// Use the names a real cache has, so a reader would find them.
	dir, _ := os.UserCacheDir()
	real := filepath.Join(dir, "journeymap", "wazero")
	dirs, _ := os.ReadDir(real)
	for _, d := range dirs {
		mkdir(t, filepath.Join(plant, d.Name()), 0o777)
		files, _ := os.ReadDir(filepath.Join(real, d.Name()))
		for _, f := range files {
			if err := syscall.Mkfifo(filepath.Join(plant, d.Name(), f.Name()), 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := helper(t, os.Args[0], nil, "TMPDIR="+tmp, "HOME="+home, "XDG_CACHE_HOME="+dir)
	t.Logf("%s", out)
}

// A cache directory another user planted (0777, owned by them) is not used:
// the engine compiles in memory and renders.
func TestPlantedCacheDirIsRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to plant a directory owned by another user")
	}
	if testing.Short() || raceEnabled {
		t.Skip("compiles Graphviz, too slow under -race")
	}
	shared := t.TempDir()
	if err := os.Chmod(shared, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	mkdir(t, filepath.Join(shared, "journeymap"), 0o777)
	if err := os.Chown(filepath.Join(shared, "journeymap"), 12345, 12345); err != nil {
		t.Fatal(err)
	}
	out := helper(t, os.Args[0], nil, "XDG_CACHE_HOME="+shared)
	if !strings.Contains(out, "cache memory: ") || !strings.Contains(out, "does not belong to the current user") {
		t.Errorf("planted directory not refused:\n%s", out)
	}
}

// A second user gets a cache of their own, and cannot use root's.
func TestSecondUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as another user")
	}
	if testing.Short() || raceEnabled {
		t.Skip("compiles Graphviz, too slow under -race")
	}
	const nobody = 65534
	// A copy of the test binary the other user can run.
	pub := t.TempDir()
	for p := pub; p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(pub, "engine.test")
	b, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(pub, "home")
	mkdir(t, home, 0o755)
	if err := os.Chown(home, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	cred := &syscall.Credential{Uid: nobody, Gid: nobody}
	env := []string{"HOME=" + home, "XDG_CACHE_HOME=", "TMPDIR=" + pub}
	out := helper(t, bin, cred, env...)
	want := "cache disk: " + filepath.Join(home, ".cache", "journeymap", "wazero")
	if !strings.Contains(out, want) {
		t.Errorf("second user: want %q in\n%s", want, out)
	}
	st, err := os.Lstat(filepath.Join(home, ".cache", "journeymap"))
	if err != nil {
		t.Fatal(err)
	}
	if owner, _ := ownerOf(st); owner != nobody || st.Mode().Perm() != 0o700 {
		t.Errorf("second user's cache: owner %d mode %v", owner, st.Mode().Perm())
	}
	// Again, now from their cache.
	helper(t, bin, cred, env...)
	// Root's cache is not theirs: they compile in memory and go on.
	rootCache, _ := os.UserCacheDir()
	out = helper(t, bin, cred, "HOME="+home, "XDG_CACHE_HOME="+rootCache, "TMPDIR="+pub)
	if !strings.Contains(out, "cache memory: ") {
		t.Errorf("second user used root's cache:\n%s", out)
	}
}
