package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const workspace = `version: 1
owners:
  web-team: {name: Web}
channels:
  web: {name: Website, kind: digital, owner: web-team}
  phone: {name: Call centre, kind: assisted, owner: web-team}
`

func journeySrc(title string) string {
	return `version: 1
id: pay-bill
title: ` + title + `
owner: web-team
stages:
  - id: pay
    name: Pay
    touchpoints:
      - {id: open-bill, name: Opens the bill, channel: web, owner: web-team, emotion: 0}
      - {id: call, name: Calls about a charge, channel: phone, owner: web-team, emotion: -1}
`
}

// fixture is a served directory with one journey.
type fixture struct {
	dir, file string
	key       string // the journey's page key
	srv       *Server
	http      *httptest.Server
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "journeymap.yaml"), workspace)
	file := filepath.Join(dir, "pay.journey.yaml")
	write(t, file, journeySrc("Pay a bill"))
	srv := New(Options{Paths: []string{dir}, Poll: 20 * time.Millisecond, Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	ctx, cancel := context.WithCancel(context.Background())
	go srv.Watch(ctx)
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); cancel() })
	return &fixture{dir: dir, file: file, key: pageKey(file), srv: srv, http: hs}
}

func write(t *testing.T, path, src string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// Saves in the same clock tick must still look changed.
	later := time.Now().Add(time.Duration(len(src)) * time.Millisecond)
	os.Chtimes(path, later, later)
}

// picture is the URL of the journey's picture in a view (and more query).
func (f *fixture) picture(viewAndQuery string) string {
	return "/api/picture.svg?key=" + url.QueryEscape(f.key) + "&view=" + viewAndQuery
}

func (f *fixture) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(f.http.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		b.WriteString(sc.Text() + "\n")
	}
	return resp.StatusCode, b.String()
}

type detail struct {
	Generation int    `json:"generation"`
	Title      string `json:"title"`
	Valid      bool   `json:"valid"`
	Stale      bool   `json:"stale"`
	Findings   []struct {
		Rule, Message string
	} `json:"findings"`
}

func (f *fixture) detail(t *testing.T) detail {
	t.Helper()
	code, body := f.get(t, "/api/journey?key="+url.QueryEscape(f.key))
	if code != 200 {
		t.Fatalf("journey detail: %d %s", code, body)
	}
	var d detail
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// waitFor polls the journey's detail until ok holds, for up to a second:
// a loaded change is the saved file as a whole, never a half-written one.
func (f *fixture) waitFor(t *testing.T, ok func(detail) bool) detail {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for {
		d := f.detail(t)
		if ok(d) || time.Now().After(deadline) {
			return d
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPagesAndPictures(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/", "/j/" + f.key, "/assets/app.js", "/assets/style.css", "/api/journeys", "/api/options"} {
		if code, body := f.get(t, path); code != 200 || body == "" {
			t.Errorf("GET %s: %d", path, code)
		}
	}
	_, list := f.get(t, "/api/journeys")
	if !strings.Contains(list, `"id":"pay-bill"`) || !regexp.MustCompile(`"warning":[1-9]`).MatchString(list) {
		t.Errorf("the list should name the journey and count its undocumented handoff:\n%s", list)
	}
	for _, view := range []string{"flow", "map", "emotion", "channels"} {
		for _, q := range []string{"", "&theme=dark", "&theme=mono&lint=1"} {
			code, svg := f.get(t, f.picture(view+q))
			if code != 200 || !strings.Contains(svg, "<svg") || !strings.Contains(svg, "Pay a bill") {
				t.Errorf("%s%s: %d, want an SVG with the title", view, q, code)
			}
		}
	}
	if code, _ := f.get(t, f.picture("gantt")); code != http.StatusBadRequest {
		t.Errorf("unknown view: %d, want 400", code)
	}
	if code, _ := f.get(t, f.picture("flow&theme=../../x")); code != http.StatusBadRequest {
		t.Errorf("unknown theme: %d, want 400", code)
	}
}

// TestServesNothingElse: no URL reaches a file, lists a directory, or names
// a journey that is not being served.
func TestServesNothingElse(t *testing.T) {
	f := newFixture(t)
	write(t, filepath.Join(f.dir, "secret.txt"), "password")
	for _, path := range []string{
		"/assets/", "/assets/index.html", "/assets/serve.go", "/assets/..%2fserve.go", "/assets/%2e%2e/%2e%2e/go.mod",
		"/secret.txt", "/pay.journey.yaml", "/journeymap.yaml", "/j/", "/j/nope", "/j/..%2fsecret.txt", "/j/" + f.key + "/../secret",
		"/api/picture.svg?key=..%2fsecret.txt", "/api/picture.svg?key=" + url.QueryEscape(f.dir+"/secret.txt"),
		"/api/journey?key=nope", "/api/picture.svg?key=nope", "/api/journey?key=" + url.QueryEscape(f.file),
		"/etc/passwd", "/.git/config",
	} {
		code, body := f.get(t, path)
		if code == 200 || strings.Contains(body, "password") {
			t.Errorf("GET %s: %d, want a refusal\n%s", path, code, body)
		}
	}
	req, _ := http.NewRequest("POST", f.http.URL+"/api/journeys", strings.NewReader("{}"))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		if resp.StatusCode == 200 {
			t.Errorf("POST answered 200")
		}
		resp.Body.Close()
	}
}

func TestRefusesForeignHost(t *testing.T) {
	f := newFixture(t)
	for host, want := range map[string]int{"evil.example": 403, "evil.example:80": 403, "10.0.0.1:7878": 403,
		"localhost:7878": 200, "127.0.0.1": 200, "[::1]:7878": 200} {
		req, _ := http.NewRequest("GET", f.http.URL+"/api/journeys", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

// TestFollowsSaves: an event follows a save, an invalid save lists its
// findings and keeps the last good picture, and a fix clears it.
func TestFollowsSaves(t *testing.T) {
	f := newFixture(t)
	events := f.subscribe(t)
	first := <-events

	write(t, f.file, journeySrc("Pay a bill online"))
	if gen := waitEvent(t, events, first); gen <= first {
		t.Fatalf("generation %d after a save, want > %d", gen, first)
	}
	if d := f.waitFor(t, func(d detail) bool { return d.Title == "Pay a bill online" }); d.Title != "Pay a bill online" || !d.Valid || d.Stale {
		t.Errorf("after a good save: %+v", d)
	}

	write(t, f.file, "version: 1\ntitle: [unclosed\n")
	waitEvent(t, events, 0)
	d := f.waitFor(t, func(d detail) bool { return !d.Valid })
	if d.Valid || !d.Stale || len(d.Findings) == 0 || d.Findings[0].Rule != "syntax" {
		t.Errorf("after an invalid save: %+v, want stale with its syntax finding", d)
	}
	if code, svg := f.get(t, f.picture("flow")); code != 200 || !strings.Contains(svg, "Pay a bill online") {
		t.Errorf("an invalid save must keep the last good picture: %d", code)
	}

	write(t, f.file, journeySrc("Pay a bill, fixed"))
	waitEvent(t, events, 0)
	if d := f.waitFor(t, func(d detail) bool { return d.Valid }); !d.Valid || d.Stale || d.Title != "Pay a bill, fixed" {
		t.Errorf("after the fix: %+v", d)
	}

	// A workspace save is followed too: the channel loses its owner.
	write(t, filepath.Join(f.dir, "journeymap.yaml"), strings.Replace(workspace, "kind: assisted, owner: web-team", "kind: assisted", 1))
	waitEvent(t, events, 0)
	// An event of the previous save may still be queued: poll for the
	// reload of this one, for up to a second.
	relinted := func() bool {
		for _, fd := range f.detail(t).Findings {
			if fd.Rule == "missing-owner" {
				return true
			}
		}
		_, list := f.get(t, "/api/journeys")
		return strings.Contains(list, "missing-owner") || strings.Contains(list, "journeymap.yaml")
	}
	deadline := time.Now().Add(time.Second)
	for !relinted() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !relinted() {
		t.Errorf("a workspace change should be linted again")
	}
}

// TestSurvivesFilesVanishing: a journey deleted, or its folder replaced,
// never stops the server; the list follows.
func TestSurvivesFilesVanishing(t *testing.T) {
	f := newFixture(t)
	events := f.subscribe(t)
	<-events
	os.Remove(f.file)
	waitEvent(t, events, 0)
	if code, list := f.get(t, "/api/journeys"); code != 200 || strings.Contains(list, "pay-bill") {
		t.Fatalf("list after a delete: %d, want the journey gone:\n%s", code, list)
	}
	if code, _ := f.get(t, f.picture("flow")); code != http.StatusNotFound {
		t.Errorf("picture of a deleted journey: %d, want 404", code)
	}
	if err := os.Mkdir(f.file, 0o755); err != nil { // the file becomes a directory
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if code, list := f.get(t, "/api/journeys"); code != 200 || strings.Contains(list, "pay-bill") {
		t.Fatalf("list after a file became a directory: %d\n%s", code, list)
	}
	os.Remove(f.file)
	write(t, f.file, journeySrc("Back again"))
	waitEvent(t, events, 0)
	deadline := time.Now().Add(3 * time.Second)
	for f.detailOK(t) != "Back again" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := f.detailOK(t); got != "Back again" {
		t.Errorf("the journey came back as %q", got)
	}
}

func (f *fixture) detailOK(t *testing.T) string {
	code, body := f.get(t, "/api/journey?key="+url.QueryEscape(f.key))
	if code != 200 {
		return ""
	}
	var d detail
	json.Unmarshal([]byte(body), &d)
	return d.Title
}

// TestPictureCacheStaysBounded: many saves do not pile up pictures.
func TestPictureCacheStaysBounded(t *testing.T) {
	f := newFixture(t)
	events := f.subscribe(t)
	<-events
	for i := range 6 {
		write(t, f.file, journeySrc("Pay a bill "+strings.Repeat("!", i+1)))
		waitEvent(t, events, 0)
		f.get(t, f.picture("flow"))
		f.get(t, f.picture("map"))
	}
	f.srv.cacheMu.Lock()
	n := len(f.srv.cache)
	f.srv.cacheMu.Unlock()
	if n > 2 {
		t.Errorf("%d pictures cached after 6 saves of one journey in two views, want at most 2", n)
	}
}

// subscribe reads /events, sending each generation on the channel.
func (f *fixture) subscribe(t *testing.T) <-chan int {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", f.http.URL+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	ch := make(chan int, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			var gen int
			if line := sc.Text(); strings.HasPrefix(line, "data: ") {
				if json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &gen) == nil {
					ch <- gen
				}
			}
		}
	}()
	return ch
}

// waitEvent waits up to a second (SPEC §6: re-drawn within a second) for a
// generation newer than after.
func waitEvent(t *testing.T, events <-chan int, after int) int {
	t.Helper()
	timeout := time.After(time.Second)
	for {
		select {
		case gen := <-events:
			if gen > after {
				return gen
			}
		case <-timeout:
			t.Fatalf("no change event within a second")
			return 0
		}
	}
}

func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:7878", false, true},
		{"localhost:0", false, true},
		{"[::1]:7878", false, true},
		{"127.1.2.3:80", false, true},
		{"0.0.0.0:7878", false, false},
		{":7878", false, false},
		{"192.168.1.10:7878", false, false},
		{"example.com:7878", false, false},
		{"0.0.0.0:7878", true, true},
		{"7878", false, false},
	} {
		err := CheckAddr(tc.addr, tc.remote)
		if (err == nil) != tc.ok {
			t.Errorf("CheckAddr(%q, %v) = %v, want ok=%v", tc.addr, tc.remote, err, tc.ok)
		}
	}
}

// TestSameIDInTwoFiles: each file has its own page, whatever its id says.
func TestSameIDInTwoFiles(t *testing.T) {
	f := newFixture(t)
	other := filepath.Join(f.dir, "draft", "pay.journey.yaml")
	os.Mkdir(filepath.Dir(other), 0o755)
	write(t, other, journeySrc("Pay a bill, the draft"))
	events := f.subscribe(t)
	<-events
	waitEvent(t, events, 0)
	for key, title := range map[string]string{f.key: "Pay a bill", pageKey(other): "Pay a bill, the draft"} {
		code, svg := f.get(t, "/api/picture.svg?key="+url.QueryEscape(key)+"&view=flow")
		if code != 200 || !strings.Contains(svg, title+"<") {
			t.Errorf("picture of %s: %d, want the title %q", key, code, title)
		}
	}
}

// TestConcurrentRequestsShareARender: many requests for one picture that
// is not drawn yet cost one render.
func TestConcurrentRequestsShareARender(t *testing.T) {
	f := newFixture(t)
	renders := 0
	var mu sync.Mutex
	k := pictureKey{file: "x", view: "flow"}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.srv.draw(k, func() ([]byte, error) {
				mu.Lock()
				renders++
				mu.Unlock()
				time.Sleep(50 * time.Millisecond)
				return []byte("<svg/>"), nil
			})
		}()
	}
	wg.Wait()
	if renders != 1 {
		t.Errorf("%d renders for 20 concurrent requests of one picture, want 1", renders)
	}
}

func TestRemoteHosts(t *testing.T) {
	s := New(Options{Paths: []string{t.TempDir()}, AllowRemote: true})
	name, _ := os.Hostname()
	for host, want := range map[string]bool{"192.168.1.10:7878": true, "[fe80::1]:80": true, name + ":7878": true,
		"evil.example": false, name + ".evil.example": false, "localhost:1": true} {
		if got := s.hostAllowed(host); got != want {
			t.Errorf("--allow-remote, Host %s: allowed %v, want %v", host, got, want)
		}
	}
}
