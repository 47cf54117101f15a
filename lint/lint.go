package lint

import (
	"strconv"
	"strings"
	"time"

	"github.com/journeymap/journeymap/journey"
)

// Options controls a lint run. The zero value uses each workspace's
// configuration and today's date.
type Options struct {
	FailOn  string   // overrides the workspace `lint.fail_on`
	Enable  []string // rules to turn on, whatever the configuration says
	Disable []string // rules to turn off
	Today   time.Time
}

// Run lints every valid journey of the set. Journeys with validation
// findings report those alone (SPEC §5). It fails only for configuration
// mistakes, which are usage errors.
func Run(set *journey.Set, opts Options) (*Result, error) {
	r, err := newRun(opts)
	if err != nil {
		return nil, err
	}
	for _, j := range set.Journeys {
		r.add(j, set.Valid(j))
	}
	return r.finish(set)
}

// Stream loads the journeys under paths and lints each one as soon as it is
// read, keeping only its findings (and its channel definitions, which
// inconsistent-channel compares across journeys), never its model: the
// set's journeys keep their file name, id, workspace and text. Memory grows
// with the findings and the input text, not with the YAML trees, and time
// with the number of journeys. It fails for what Load fails for and for
// configuration mistakes.
func Stream(paths []string, load journey.LoadOptions, opts Options) (*journey.Set, *Result, error) {
	r, err := newRun(opts)
	if err != nil {
		return nil, nil, err
	}
	load.Each = r.add
	set, err := journey.Load(paths, load)
	if err != nil {
		return nil, nil, err
	}
	res, err := r.finish(set)
	return set, res, err
}

// Keep replaces the findings with keep, such as those a baseline leaves,
// and works out again whether the run failed.
func (r *Result) Keep(keep []journey.Finding) {
	r.Findings = keep
	r.Failed = false
	for _, f := range keep {
		if r.threshold == nil || f.Severity >= r.threshold(f.File) {
			r.Failed = true
		}
	}
}

// CheckConfig checks the lint settings of every workspace in the set
// (rule names, parameters, flags) without linting: validate uses it so
// that a typo in journeymap.yaml is caught there too.
func CheckConfig(set *journey.Set, opts Options) error {
	_, err := ConfigFindings(set, opts)
	return err
}

// ConfigFindings checks the lint settings of every workspace in the set
// and returns the findings about them that are not usage errors: files
// named by `extends` that cannot be used, custom rules that do not compile.
func ConfigFindings(set *journey.Set, opts Options) ([]journey.Finding, error) {
	def, err := newConfig(nil, opts)
	if err != nil {
		return nil, err
	}
	all := []*config{def}
	var out []journey.Finding
	for _, ws := range set.Workspaces {
		c, err := newConfig(ws, opts)
		if err != nil {
			return nil, err
		}
		all = append(all, c)
		out = append(out, c.findings...)
	}
	return out, checkFlags(opts, all)
}

// run is one lint run, fed one journey at a time in the set's order. It
// keeps the findings, each file's fail-on threshold, the run's channel
// definitions and the findings deferred until every journey has been seen;
// never a journey's model.
type run struct {
	opts     Options
	def      *config
	configs  map[*journey.Workspace]configured
	broken   bool // some workspace's configuration is wrong: finish reports it
	failOn   map[string]journey.Severity
	findings []journey.Finding
	channels *channelIndex
	later    [][]laterFinding // per journey that has any
}

type configured struct {
	c   *config
	err error
}

func newRun(opts Options) (*run, error) {
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	// Configuration errors are reported even when no journey uses the
	// workspace, so a typo in journeymap.yaml never goes unnoticed.
	def, err := newConfig(nil, opts)
	if err != nil {
		return nil, err
	}
	return &run{
		opts: opts, def: def,
		configs:  map[*journey.Workspace]configured{nil: {c: def}},
		failOn:   map[string]journey.Severity{},
		channels: newChannelIndex(),
	}, nil
}

func (r *run) configFor(ws *journey.Workspace) (*config, error) {
	if got, ok := r.configs[ws]; ok {
		return got.c, got.err
	}
	c, err := newConfig(ws, r.opts)
	r.configs[ws] = configured{c, err}
	if err != nil {
		r.broken = true
	}
	return c, err
}

// add lints one journey, if it is valid, and keeps its findings.
func (r *run) add(j *journey.Journey, valid bool) {
	c, err := r.configFor(j.Workspace)
	if err != nil || r.broken {
		return // finish reports the configuration error; linting is moot
	}
	r.failOn[j.File] = c.failOn
	if !valid {
		return
	}
	r.channels.addJourney(j)
	found, later := lintJourney(j, c, r.opts.Today, r.channels)
	r.findings = append(r.findings, compactText(found)...)
	if len(later) > 0 {
		r.later = append(r.later, later)
	}
}

// finish checks the configuration as a whole, makes the deferred findings
// and puts everything together with the set's validation findings.
func (r *run) finish(set *journey.Set) (*Result, error) {
	// The first broken workspace in the set's order is the one reported,
	// as when every configuration was checked before linting.
	all := []*config{r.def}
	for _, ws := range set.Workspaces {
		c, err := r.configFor(ws)
		if err != nil {
			return nil, err
		}
		all = append(all, c)
		r.failOn[ws.File] = c.failOn
	}
	if r.broken { // a journey's workspace missing from the set: never report success
		for _, j := range set.Journeys {
			if _, err := r.configFor(j.Workspace); err != nil {
				return nil, err
			}
		}
	}
	if err := checkFlags(r.opts, all); err != nil {
		return nil, err
	}
	for _, later := range r.later {
		var found []journey.Finding
		for _, l := range later {
			if msg, ok := l.message(); ok {
				f := l.finding
				f.Message = msg
				found = append(found, f)
			}
		}
		r.findings = append(r.findings, journey.CapFindings(found)...)
	}
	res := NewResult(set, append([]journey.Finding(nil), set.Findings...))
	res.Findings = append(res.Findings, r.def.findings...)
	for _, ws := range set.Workspaces {
		c, _ := r.configFor(ws)
		res.Findings = append(res.Findings, c.findings...)
		res.Custom = append(res.Custom, c.customMetas()...)
	}
	res.Findings = dedupe(journey.SortFindings(append(res.Findings, r.findings...)))
	res.threshold = func(file string) journey.Severity {
		if t, ok := r.failOn[file]; ok {
			return t
		}
		return r.def.failOn
	}
	res.Keep(res.Findings)
	return res, nil
}

// lintJourney runs every rule that is on for one valid journey. It returns
// the journey's findings, governed by its ignore comments and at most
// journey.MaxFindingsPerRule of each rule, and the findings deferred to the
// end of the run that no ignore comment covers.
func lintJourney(j *journey.Journey, c *config, today time.Time, channels *channelIndex) ([]journey.Finding, []laterFinding) {
	var found []journey.Finding
	var later []laterFinding
	rs := c.settingsFor(j.File)
	model := &lazyModel{}
	for _, r := range c.rules() {
		m := r.Meta()
		st := rs[m.ID]
		if st == nil || st.off {
			continue
		}
		p := &Pass{Journey: j, Today: today, params: st.params, cfg: c, model: model, rule: m, sev: st.sev, out: &found, later: &later, channels: channels}
		r.Check(p)
	}
	// A deferred finding's place is known now, so the ignore comments
	// decide about it now, while the journey's comments are at hand: it
	// goes through governance as a stand-in, and is kept for the end of
	// the run only if the stand-in survives.
	for i, l := range later {
		stand := l.finding
		stand.Message = standInPrefix + strconv.Itoa(i)
		found = append(found, stand)
	}
	governed := c.govern(j, rs, found, today)
	kept := governed[:0]
	var keptLater []laterFinding
	for _, f := range governed {
		if n, ok := strings.CutPrefix(f.Message, standInPrefix); ok {
			i, _ := strconv.Atoi(n)
			keptLater = append(keptLater, later[i])
			continue
		}
		kept = append(kept, f)
	}
	return journey.CapFindings(kept), keptLater
}

// compactText puts the messages and subjects of one journey's findings
// into one string, which each finding's message and subject then slice.
// The findings of a whole corpus are kept until the report is written:
// two small strings per finding would be hundreds of thousands of objects
// that the garbage collector visits again on every cycle of the run.
func compactText(fs []journey.Finding) []journey.Finding {
	n := 0
	for i := range fs {
		n += len(fs[i].Message) + len(fs[i].Subject)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range fs {
		b.WriteString(fs[i].Message)
		b.WriteString(string(fs[i].Subject))
	}
	all, at := b.String(), 0
	for i := range fs {
		fs[i].Message = all[at : at+len(fs[i].Message)]
		at += len(fs[i].Message)
		fs[i].Subject = journey.Subject(all[at : at+len(fs[i].Subject)])
		at += len(fs[i].Subject)
	}
	return fs
}

// standInPrefix marks the stand-ins of deferred findings; no rule writes a
// NUL into a message.
const standInPrefix = "\x00later:"

// dedupe drops repeated findings about a shared file (the workspace), which
// several journeys can report; the first journey's copy is kept. fs is
// sorted (SortFindings), so the copies of a finding are next to each
// other: they differ at most in subject, the last key of the order.
func dedupe(fs []journey.Finding) []journey.Finding {
	same := func(a, b *journey.Finding) bool {
		return a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Rule == b.Rule && a.Message == b.Message
	}
	out := fs[:0]
	for i := range fs {
		if len(out) > 0 && same(&out[len(out)-1], &fs[i]) {
			continue
		}
		out = append(out, fs[i])
	}
	return out
}
