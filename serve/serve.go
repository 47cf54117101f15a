// Package serve is journeymap's live preview: a small web server on the
// loopback address whose page lists the journeys under the PATHs with their
// findings and draws each journey in every view and theme, re-drawn in the
// open browser within a second of a save. An invalid save shows its findings
// and keeps the last good picture.
//
// It serves nothing but its own embedded assets and pictures of the
// journeys it found: no URL names a file, so no URL can reach one.
package serve

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render"
)

//go:embed assets
var assets embed.FS

// Options configures a server. Zero values take defaults.
type Options struct {
	Paths  []string // PATH arguments, as for lint; none means "."
	Config string   // --config
	// Poll is how often inputs are checked for changes (default 200ms):
	// polling needs no platform file-watching API and sees saves through
	// editors that replace files.
	Poll time.Duration
	// AllowRemote accepts requests whose Host is not a loopback name. Off,
	// a page on another site cannot reach the server through DNS rebinding.
	AllowRemote bool
	Today       time.Time // lint date; zero means now
	Log         io.Writer // where reloads and errors are logged; nil for none
}

// Server is the live preview. Its zero value is not usable; call New.
type Server struct {
	opts   Options
	state  *state
	events *broker
	mux    *http.ServeMux

	cacheMu sync.Mutex
	cache   map[pictureKey][]byte
	// drawing holds the renders under way, so that requests for the same
	// picture share one (several tabs, quick clicks through the views).
	drawing map[pictureKey]*drawing
}

// drawing is a render under way; done is closed when svg or err is set.
type drawing struct {
	done chan struct{}
	svg  []byte
	err  error
}

type pictureKey struct {
	file, view, theme string
	lint              bool
	gen               int
}

// New loads the journeys once and returns a server ready to serve them.
func New(opts Options) *Server {
	if opts.Poll <= 0 {
		opts.Poll = 200 * time.Millisecond
	}
	s := &Server{opts: opts, state: newState(opts), events: newBroker(), cache: map[pictureKey][]byte{}, drawing: map[pictureKey]*drawing{}}
	s.state.refresh()
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /{$}", s.page("index.html"))
	s.mux.HandleFunc("GET /j/{key...}", s.page("journey.html"))
	s.mux.HandleFunc("GET /assets/{name}", s.asset)
	s.mux.HandleFunc("GET /api/journeys", s.apiJourneys)
	s.mux.HandleFunc("GET /api/journey", s.apiJourney)
	s.mux.HandleFunc("GET /api/picture.svg", s.picture)
	s.mux.HandleFunc("GET /api/options", s.apiOptions)
	s.mux.HandleFunc("GET /events", s.eventStream)
	return s
}

// ServeHTTP serves the pages, refusing requests addressed to a name that is
// not the loopback's unless AllowRemote is set.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		http.Error(w, "journeymap serve answers only to its own address (localhost, 127.0.0.1, [::1]; with --allow-remote also this machine's IP addresses and host name)", http.StatusForbidden)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	s.mux.ServeHTTP(w, r)
}

// Watch polls the inputs until ctx ends, telling open pages about each
// change.
func (s *Server) Watch(ctx context.Context) {
	t := time.NewTicker(s.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.events.close()
			return
		case <-t.C:
			if s.state.refresh() {
				snap := s.state.snapshot()
				s.logf("reloaded: %d journeys (generation %d)%s", len(snap.Entries), snap.Gen, problemSuffix(snap.Problem))
				s.prune(snap)
				s.events.publish(snap.Gen)
			}
		}
	}
}

// Run serves on ln until ctx ends, then shuts down cleanly.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.Watch(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.events.close() // end the event streams, which would hold Shutdown
	shutdown, done := context.WithTimeout(context.Background(), 3*time.Second)
	defer done()
	if err := srv.Shutdown(shutdown); err != nil {
		return srv.Close()
	}
	return nil
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
	}
}

func problemSuffix(p string) string {
	if p == "" {
		return ""
	}
	return "; " + p
}

// page serves one of the two HTML pages; the script fills them in.
func (s *Server) page(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if name == "journey.html" && s.state.snapshot().find(r.PathValue("key")) == nil {
			http.NotFound(w, r)
			return
		}
		s.serveAsset(w, name)
	}
}

// assetTypes lists the assets that may be served, by name: nothing else in
// the embedded folder, and nothing outside it, is reachable.
var assetTypes = map[string]string{
	"app.js":    "text/javascript; charset=utf-8",
	"style.css": "text/css; charset=utf-8",
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if _, ok := assetTypes[name]; !ok {
		http.NotFound(w, r)
		return
	}
	s.serveAsset(w, name)
}

func (s *Server) serveAsset(w http.ResponseWriter, name string) {
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.Error(w, "missing asset", http.StatusInternalServerError)
		return
	}
	ct := assetTypes[name]
	if ct == "" {
		ct = "text/html; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// journeySummary is a journey in the list.
type journeySummary struct {
	Key      string         `json:"key"` // names the journey's page: /j/KEY
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	File     string         `json:"file"`
	Valid    bool           `json:"valid"`
	Drawable bool           `json:"drawable"` // a valid version exists to draw
	Counts   map[string]int `json:"counts"`
}

type journeyDetail struct {
	journeySummary
	// Stale says the picture is of an earlier save: the latest is invalid.
	Stale    bool              `json:"stale"`
	Findings []journey.Finding `json:"findings"`
}

func summarise(e *entry) journeySummary {
	counts := map[string]int{"error": 0, "warning": 0, "info": 0}
	for _, f := range e.Findings {
		counts[f.Severity.String()]++
	}
	title := e.Title
	if !e.Valid && e.good != nil {
		title = e.good.Title.Value // the broken save may have lost its title
	}
	return journeySummary{Key: e.Key, ID: e.ID, Title: title, File: e.File, Valid: e.Valid, Drawable: e.good != nil, Counts: counts}
}

func (s *Server) apiJourneys(w http.ResponseWriter, r *http.Request) {
	snap := s.state.snapshot()
	out := struct {
		Generation int              `json:"generation"`
		Problem    string           `json:"problem,omitempty"`
		Journeys   []journeySummary `json:"journeys"`
	}{Generation: snap.Gen, Problem: snap.Problem, Journeys: []journeySummary{}}
	for _, e := range snap.Entries {
		out.Journeys = append(out.Journeys, summarise(e))
	}
	writeJSON(w, out)
}

func (s *Server) apiJourney(w http.ResponseWriter, r *http.Request) {
	snap := s.state.snapshot()
	e := snap.find(r.URL.Query().Get("key"))
	if e == nil {
		http.Error(w, "no such journey", http.StatusNotFound)
		return
	}
	d := journeyDetail{journeySummary: summarise(e), Stale: !e.Valid && e.good != nil, Findings: e.Findings}
	if d.Findings == nil {
		d.Findings = []journey.Finding{}
	}
	writeJSON(w, struct {
		Generation int    `json:"generation"`
		Problem    string `json:"problem,omitempty"`
		journeyDetail
	}{snap.Gen, snap.Problem, d})
}

func (s *Server) apiOptions(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, map[string][]string{"views": render.Views(), "themes": render.Themes()})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

// picture draws the journey's last good version as SVG.
func (s *Server) picture(w http.ResponseWriter, r *http.Request) {
	snap := s.state.snapshot()
	e := snap.find(r.URL.Query().Get("key"))
	if e == nil {
		http.Error(w, "no such journey", http.StatusNotFound)
		return
	}
	if e.good == nil {
		http.Error(w, "this journey has not validated yet: fix the findings listed on the page", http.StatusConflict)
		return
	}
	q := r.URL.Query()
	view, theme := q.Get("view"), q.Get("theme")
	if view == "" {
		view = "flow"
	}
	if !slices.Contains(render.Views(), view) {
		http.Error(w, fmt.Sprintf("unknown view %q", view), http.StatusBadRequest)
		return
	}
	if theme == "" {
		theme = defaultTheme(e.good)
	}
	// Only a built-in theme by name: a page cannot make the server read a
	// theme file.
	t := render.FindTheme(theme)
	if !slices.Contains(render.Themes(), theme) {
		http.Error(w, fmt.Sprintf("unknown theme %q", theme), http.StatusBadRequest)
		return
	}
	withLint, _ := strconv.ParseBool(q.Get("lint"))
	key := pictureKey{file: e.File, view: view, theme: theme, lint: withLint, gen: e.goodGen}
	svg, err := s.draw(key, func() ([]byte, error) {
		opts := render.Options{View: view, Format: "svg", Theme: t}
		if ws := e.good.Workspace; ws != nil {
			opts.Font = ws.Render.Font.Value
		}
		if withLint {
			opts.Findings = e.goodFindings
		}
		// Not the request's context: a render others wait for must finish
		// even if the page that asked first goes away.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		return render.Render(ctx, []*journey.Journey{e.good}, opts)
	})
	if err != nil {
		s.logf("render %s (%s, %s): %v", e.File, view, theme, err)
		http.Error(w, "cannot draw this journey: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(svg)
}

// defaultTheme is the workspace's theme, when it names a built-in one.
func defaultTheme(j *journey.Journey) string {
	if ws := j.Workspace; ws != nil && render.FindTheme(ws.Render.Theme.Value) != nil && ws.Render.Theme.Value != "" {
		return ws.Render.Theme.Value
	}
	return "light"
}

// draw returns the cached picture for k, or renders it once however many
// requests ask for it meanwhile.
func (s *Server) draw(k pictureKey, render func() ([]byte, error)) ([]byte, error) {
	s.cacheMu.Lock()
	if b, ok := s.cache[k]; ok {
		s.cacheMu.Unlock()
		return b, nil
	}
	if d, ok := s.drawing[k]; ok {
		s.cacheMu.Unlock()
		<-d.done
		return d.svg, d.err
	}
	d := &drawing{done: make(chan struct{})}
	s.drawing[k] = d
	s.cacheMu.Unlock()

	d.svg, d.err = render()
	s.cacheMu.Lock()
	delete(s.drawing, k)
	if d.err == nil {
		s.cache[k] = d.svg
	}
	s.cacheMu.Unlock()
	close(d.done)
	return d.svg, d.err
}

// prune drops pictures of versions no journey shows any more, so a long
// session's memory stays flat.
func (s *Server) prune(snap *snapshot) {
	live := map[string]int{}
	for _, e := range snap.Entries {
		live[e.File] = e.goodGen
	}
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	for k := range s.cache {
		if gen, ok := live[k.file]; !ok || gen != k.gen {
			delete(s.cache, k)
		}
	}
}

// eventStream tells a page, as server-sent events, the generation of the
// inputs whenever it changes; the page then fetches what it shows.
func (s *Server) eventStream(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch, unsubscribe := s.events.subscribe()
	defer unsubscribe()
	fmt.Fprintf(w, "retry: 1000\ndata: %d\n\n", s.state.snapshot().Gen)
	flusher.Flush()
	heartbeat := time.NewTicker(15 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case gen, open := <-ch:
			if !open {
				return
			}
			fmt.Fprintf(w, "data: %d\n\n", gen)
		case <-heartbeat.C:
			fmt.Fprint(w, ": still here\n\n")
		}
		flusher.Flush()
	}
}

// hostAllowed guards against DNS rebinding: a page on another site whose
// name resolves to this machine must not read the journeys. Requests must
// name the loopback; with AllowRemote, also any IP address or this
// machine's host name, never another domain name.
func (s *Server) hostAllowed(hostport string) bool {
	if loopbackHost(hostport) {
		return true
	}
	if !s.opts.AllowRemote {
		return false
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if net.ParseIP(host) != nil {
		return true
	}
	name, err := os.Hostname()
	return err == nil && strings.EqualFold(host, name)
}

// loopbackHost says whether a request's Host names the loopback.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckAddr refuses a listening address that is not on the loopback unless
// remote access is allowed: the preview shows the team's journeys to anyone
// who can reach the port.
func CheckAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not HOST:PORT (for example 127.0.0.1:7878)", addr)
	}
	if allowRemote {
		return nil
	}
	if host == "" {
		return errors.New("--addr with no host listens on every network interface; use 127.0.0.1:PORT, or add --allow-remote to share the preview on your network")
	}
	if !loopbackHost(host) {
		return fmt.Errorf("--addr %s is not a loopback address: anyone who can reach it would see your journeys; use 127.0.0.1:PORT, or add --allow-remote if you mean it", addr)
	}
	return nil
}
