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
	all := []*config{configs[nil]}
	for _, ws := range set.Workspaces {
		c, err := configFor(ws)
		if err != nil {
			return nil, err
		}
		all = append(all, c)
	}
	if err := checkFlags(opts, all); err != nil {
		return nil, err
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
	res.Findings = append(res.Findings, def.findings...)
	for _, ws := range set.Workspaces {
		res.Findings = append(res.Findings, configs[ws].findings...)
		res.Custom = append(res.Custom, configs[ws].customMetas()...)
	}
	for _, fs := range perJourney {
		res.Findings = append(res.Findings, fs...)
	}
	res.Findings = dedupe(journey.SortFindings(res.Findings))
	res.threshold = func(file string) journey.Severity {
		if t, ok := failOn[file]; ok {
			return t
		}
		return def.failOn
	}
	res.Keep(res.Findings)
	return res, nil
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
	rs := c.settingsFor(j.File)
	model := &lazyModel{}
	for _, r := range c.rules() {
		m := r.Meta()
		st := rs[m.ID]
		if st == nil || st.off {
			continue
		}
		p := &Pass{Journey: j, Others: others, Today: today, params: st.params, cfg: c, model: model, rule: m, sev: st.sev, out: &found}
		r.Check(p)
	}
	return c.govern(j, rs, found, today)
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
