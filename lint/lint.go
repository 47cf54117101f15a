package lint

import (
	"time"

	"github.com/journeymap/journeymap/internal/parallel"
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
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	configs := map[*journey.Workspace]*config{}
	configFor := func(ws *journey.Workspace) (*config, error) {
		if c, ok := configs[ws]; ok {
			return c, nil
		}
		c, err := newConfig(ws, opts)
		configs[ws] = c
		return c, err
	}
	// Configuration errors are reported even when no journey uses the
	// workspace, so a typo in journeymap.yaml never goes unnoticed.
	if _, err := configFor(nil); err != nil {
		return nil, err
	}
	for _, ws := range set.Workspaces {
		if _, err := configFor(ws); err != nil {
			return nil, err
		}
	}

	var valid []*journey.Journey
	for _, j := range set.Journeys {
		if set.Valid(j) {
			valid = append(valid, j)
		}
	}
	// Each file's findings fail the run at its own workspace's threshold.
	failOn := map[string]journey.Severity{}
	def, _ := configFor(nil)
	for _, ws := range set.Workspaces {
		failOn[ws.File] = configs[ws].failOn
	}
	cfgs := make([]*config, len(set.Journeys))
	for i, j := range set.Journeys {
		cfgs[i], _ = configFor(j.Workspace)
		failOn[j.File] = cfgs[i].failOn
	}
	perJourney := make([][]journey.Finding, len(set.Journeys))
	parallel.Each(len(set.Journeys), func(i int) {
		if j := set.Journeys[i]; set.Valid(j) {
			perJourney[i] = lintJourney(j, others(valid, j), cfgs[i], opts.Today)
		}
	})

	res := NewResult(set, append([]journey.Finding(nil), set.Findings...))
	for _, fs := range perJourney {
		res.Findings = append(res.Findings, fs...)
	}
	res.Findings = dedupe(journey.SortFindings(res.Findings))
	for _, f := range res.Findings {
		threshold, ok := failOn[f.File]
		if !ok {
			threshold = def.failOn
		}
		if f.Severity >= threshold {
			res.Failed = true
		}
	}
	return res, nil
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

func others(all []*journey.Journey, j *journey.Journey) []*journey.Journey {
	var out []*journey.Journey
	for _, o := range all {
		if o != j {
			out = append(out, o)
		}
	}
	return out
}

func lintJourney(j *journey.Journey, others []*journey.Journey, c *config, today time.Time) []journey.Finding {
	var found []journey.Finding
	for _, r := range Rules() {
		m := r.Meta()
		st := c.settings[m.ID]
		if st.off {
			continue
		}
		p := &Pass{Journey: j, Others: others, Today: today, params: st.params, rule: m, sev: st.sev, out: &found}
		r.Check(p)
	}
	sup := readSuppressions(j.Source)
	kept := found[:0]
	for _, f := range found {
		if f.File == j.File && sup.covers(f) {
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
