package lint

import (
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
// inconsistent-channel compares across journeys), never its model: memory
// grows with the findings and the input text, not with the YAML trees, and
// time with the number of journeys. It fails for what Load fails for and
// for configuration mistakes.
func Stream(paths []string, load journey.LoadOptions, opts Options) (*Result, error) {
	r, err := newRun(opts)
	if err != nil {
		return nil, err
	}
	load.Each = r.add
	set, err := journey.Load(paths, load)
	if err != nil {
		return nil, err
	}
	return r.finish(set)
}

// CheckConfig checks the lint settings of every workspace in the set
// (rule names, parameters, flags) without linting: validate uses it so
// that a typo in journeymap.yaml is caught there too.
func CheckConfig(set *journey.Set, opts Options) error {
	if _, err := newConfig(nil, opts); err != nil {
		return err
	}
	for _, ws := range set.Workspaces {
		if _, err := newConfig(ws, opts); err != nil {
			return err
		}
	}
	return nil
}

// run is one lint run, fed one journey at a time in the set's order. It
// keeps the findings, each file's fail-on threshold, the run's channel
// definitions and the checks deferred until every journey has been seen;
// never a journey's model.
type run struct {
	opts     Options
	def      *config
	configs  map[*journey.Workspace]configured
	broken   bool // some workspace's configuration is wrong: finish reports it
	failOn   map[string]journey.Severity
	findings []journey.Finding
	channels *channelIndex
	deferred []journeyChecks
}

type configured struct {
	c   *config
	err error
}

// journeyChecks are the checks deferred to the end of the run for one
// journey, with its suppressions, which outlive its model.
type journeyChecks struct {
	journey *journey.Journey // by the end of a Stream, its file, id and text only
	sup     *suppressions
	checks  []deferredCheck
}

// deferredCheck is a rule's check that needs every journey of the run.
type deferredCheck struct {
	pass  Pass // the rule's settings, without a journey
	check func(p *Pass)
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
	found, later, sup := lintJourney(j, c, r.opts.Today, r.channels)
	r.findings = append(r.findings, found...)
	if len(later) > 0 {
		r.deferred = append(r.deferred, journeyChecks{journey: j, sup: sup, checks: later})
	}
}

// finish runs the deferred checks and puts the findings together with the
// set's validation findings.
func (r *run) finish(set *journey.Set) (*Result, error) {
	// The first broken workspace in the set's order is the one reported,
	// as when every configuration was checked before linting.
	for _, ws := range set.Workspaces {
		c, err := r.configFor(ws)
		if err != nil {
			return nil, err
		}
		r.failOn[ws.File] = c.failOn
	}
	if r.broken { // a journey's workspace missing from the set: never report success
		for _, j := range set.Journeys {
			if _, err := r.configFor(j.Workspace); err != nil {
				return nil, err
			}
		}
	}
	for _, jc := range r.deferred {
		var found []journey.Finding
		for _, d := range jc.checks {
			p := d.pass
			p.Journey, p.out = jc.journey, &found
			d.check(&p)
		}
		r.findings = append(r.findings, journey.CapFindings(jc.sup.filter(jc.journey.File, found))...)
	}
	res := NewResult(set, append(append([]journey.Finding(nil), set.Findings...), r.findings...))
	res.Findings = dedupe(journey.SortFindings(res.Findings))
	for _, f := range res.Findings {
		threshold, ok := r.failOn[f.File]
		if !ok {
			threshold = r.def.failOn
		}
		if f.Severity >= threshold {
			res.Failed = true
		}
	}
	return res, nil
}

// lintJourney runs every rule that is on for one valid journey. It returns
// the journey's findings (suppressions applied, at most
// journey.MaxFindingsPerRule of each rule), the checks the rules deferred
// to the end of the run, and the journey's suppressions, which those checks
// need after the journey's model is gone.
func lintJourney(j *journey.Journey, c *config, today time.Time, channels *channelIndex) ([]journey.Finding, []deferredCheck, *suppressions) {
	var found []journey.Finding
	var later []deferredCheck
	for _, r := range Rules() {
		m := r.Meta()
		st := c.settings[m.ID]
		if st.off {
			continue
		}
		var checks []func(*Pass)
		p := &Pass{Journey: j, Today: today, params: st.params, rule: m, sev: st.sev, out: &found, channels: channels, deferred: &checks}
		r.Check(p)
		for _, check := range checks {
			later = append(later, deferredCheck{Pass{Today: today, params: st.params, rule: m, sev: st.sev, channels: channels}, check})
		}
	}
	sup := readSuppressions(j.Source)
	return journey.CapFindings(sup.filter(j.File, found)), later, sup
}

// filter drops the findings in file that the suppressions cover.
func (s *suppressions) filter(file string, fs []journey.Finding) []journey.Finding {
	kept := fs[:0]
	for _, f := range fs {
		if f.File == file && s.covers(f) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// dedupe drops repeated findings about a shared file (the workspace), which
// several journeys can report; the first journey's copy is kept.
func dedupe(fs []journey.Finding) []journey.Finding {
	type key struct {
		file, rule, msg string
		line, col       int
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.File, f.Rule, f.Message, f.Line, f.Column}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}
