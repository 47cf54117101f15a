package journey

import (
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// FormatVersion is the only journey format version this build reads.
const FormatVersion = 1

// MaxIDLength is the longest journey id. The id names the journey's diagram
// file with -O, and a file name has room for 255 bytes with its view, its
// extension and the temporary name it is written under first.
const MaxIDLength = 100

// DefaultID derives a journey id from its file name.
func DefaultID(file string) string {
	base := filepath.Base(file)
	for _, suf := range []string{".journey.yaml", ".journey.yml", ".yaml", ".yml"} {
		if strings.HasSuffix(base, suf) {
			return strings.TrimSuffix(base, suf)
		}
	}
	if file == "" || file == "-" || file == StdinName {
		return "stdin"
	}
	return base
}

// Parse reads one journey file. It always returns a journey (possibly
// partial) together with every validation finding in the file. References
// to channels, personas and the rest are checked later by Resolve.
func Parse(file string, src []byte) (*Journey, []Finding) {
	d := &decoder{file: file}
	j := &Journey{File: file, Source: newSource(file, src), Keys: Keys{}}
	j.ID = Text{Value: DefaultID(file), Pos: Pos{1, 1}}
	top := d.document(j.Source)
	if top == nil {
		return j, d.findings
	}
	d.subject = SubjectJourney
	d.journey(j, top)
	return j, d.findings
}

func (d *decoder) journey(j *Journey, top *yaml.Node) {
	j.malformed = map[string]bool{}
	keys, ok := d.fields(top, "a journey", ObjJourney, func(key string, k, v *yaml.Node) {
		switch key {
		case "channels", "metrics", "listening":
			j.malformed[key] = v.Kind != yaml.MappingNode
		case "stages":
			j.malformed[key] = v.Kind != yaml.SequenceNode
		}
		switch key {
		case "version":
			j.Version = d.version(v)
		case "id":
			if t := d.text(v, "id"); t.Set {
				switch {
				case len(t.Value) > MaxIDLength:
					d.errorf(t.Pos, RuleRange, "journey id is %d characters long; use at most %d", len(t.Value), MaxIDLength)
				case !IsKebab(t.Value):
					d.errorf(t.Pos, RuleRange, "journey id %q must be kebab-case (lowercase letters, digits and single hyphens)", t.Value)
				}
				j.ID = t
			}
		case "title":
			j.Title = d.text(v, "title")
		case "owner":
			j.Owner = d.text(v, "owner")
		case "persona":
			d.journeyPersona(j, v)
		case "segment":
			j.Segment = d.text(v, "segment")
		case "goal":
			j.Goal = d.text(v, "goal")
		case "outcome":
			j.Outcome = d.text(v, "outcome")
		case "principles":
			j.Principles = d.items(v, "principles")
		case "reviewed":
			j.Reviewed = d.date(v, "reviewed")
		case "metrics":
			j.Metrics = d.metrics(v)
		case "listening":
			j.Listening = d.listening(v)
		case "channels":
			j.Channels = d.channels(v)
		case "stages":
			d.stages(j, v)
		}
	})
	if !ok {
		return
	}
	j.Keys = keys
	d.checkCounts(j)
	d.require(keys, func(name string) bool {
		if name == "version" {
			return j.Version.Set
		}
		return strings.TrimSpace(j.Title.Value) != ""
	}, Pos{1, 1}, "the journey", "version", "title")
	switch p, given := keys["stages"]; {
	case !given:
		d.errorf(Pos{1, 1}, RuleRequired, "the journey is missing required key %q", "stages")
	case len(j.Stages) == 0 && !j.malformed["stages"] && !d.reportedKeys[p]:
		d.errorf(p, RuleRequired, "the journey needs at least one stage under %q", "stages")
	}
}

func (d *decoder) version(v *yaml.Node) Text {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == "1" {
		return Text{Value: v.Value, Pos: pos(v), Set: true}
	}
	n, ok := d.integer(v, "version")
	if !ok {
		return Text{Value: v.Value, Pos: pos(v), Set: true}
	}
	if n != FormatVersion {
		d.errorf(pos(v), RuleVersion, "format version %d is not supported; this journeymap reads version %d", n, FormatVersion)
	}
	return Text{Value: v.Value, Pos: pos(v), Set: true}
}

var dateShape = lazyre.New(DatePattern)

func (d *decoder) date(v *yaml.Node, what string) Date {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!timestamp" || v.Tag == "!!str") {
		t, err := time.Parse("2006-01-02", v.Value)
		if err == nil {
			return Date{Time: t, Pos: pos(v), Set: true}
		}
		if dateShape().MatchString(v.Value) {
			d.errorf(pos(v), RuleRange, "%s %s is not a calendar date (%s)", what, v.Value, strings.TrimPrefix(err.Error(), `parsing time "`+v.Value+`": `))
			return Date{}
		}
	}
	d.errorf(d.where(v), RuleType, "%s must be a date written YYYY-MM-DD, not %s", what, describe(v))
	return Date{}
}

func (d *decoder) journeyPersona(j *Journey, v *yaml.Node) {
	if v.Kind == yaml.ScalarNode {
		j.PersonaRef = d.text(v, "persona")
		return
	}
	if v.Kind != yaml.MappingNode {
		d.errorf(d.where(v), RuleType, "persona must be a persona id or {name, segment, needs}, not %s", kindName(v))
		return
	}
	j.Persona = d.persona(Text{Pos: pos(v)}, v)
}

func (d *decoder) persona(id Text, v *yaml.Node) *Persona {
	p := &Persona{ID: id, Pos: pos(v)}
	p.Keys, _ = d.fields(v, "a persona", ObjPersona, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			p.Name = d.text(v, "persona name")
		case "segment":
			p.Segment = d.text(v, "persona segment")
		case "needs":
			p.Needs = d.items(v, "needs")
		}
	})
	return p
}

func (d *decoder) channels(v *yaml.Node) []*Channel {
	var out []*Channel
	d.idMap(v, "channels", "channel", func(id Text, def *yaml.Node) {
		c := &Channel{ID: id, Pos: id.Pos, File: d.file}
		if !isNull(def) {
			c.Keys, _ = d.fields(def, "channel "+quote(id.Value), ObjChannel, func(key string, k, v *yaml.Node) {
				switch key {
				case "name":
					c.Name = d.text(v, "channel name")
				case "kind":
					c.Kind = d.enum(v, "channel kind", ChannelKinds())
				case "owner":
					c.Owner = d.text(v, "channel owner")
				}
			})
		}
		out = append(out, c)
	})
	return out
}

func (d *decoder) metrics(v *yaml.Node) []*Metric {
	var out []*Metric
	d.idMap(v, "metrics", "metric", func(id Text, def *yaml.Node) {
		m := &Metric{ID: id, Pos: id.Pos}
		if !isNull(def) {
			m.Keys, _ = d.fields(def, "metric "+quote(id.Value), ObjMetric, func(key string, k, v *yaml.Node) {
				switch key {
				case "name":
					m.Name = d.text(v, "metric name")
				case "kind":
					m.Kind = d.enum(v, "metric kind", MetricKinds())
				case "target":
					m.Target = d.text(v, "metric target")
				}
			})
		}
		out = append(out, m)
	})
	return out
}

func (d *decoder) listening(v *yaml.Node) []*ListeningPost {
	var out []*ListeningPost
	d.idMap(v, "listening", "listening post", func(id Text, def *yaml.Node) {
		l := &ListeningPost{ID: id, Pos: id.Pos}
		if !isNull(def) {
			l.Keys, _ = d.fields(def, "listening post "+quote(id.Value), ObjListening, func(key string, k, v *yaml.Node) {
				switch key {
				case "name":
					l.Name = d.text(v, "listening post name")
				case "kind":
					l.Kind = d.enum(v, "listening kind", ListeningKinds())
				}
			})
		}
		out = append(out, l)
	})
	return out
}

func (d *decoder) stages(j *Journey, v *yaml.Node) {
	stageIDs := map[string]Pos{}
	tpIDs := map[string]Pos{}
	d.list(v, "stages", func(e *yaml.Node) {
		defer d.aboutElement(KindStage, e)()
		s := &Stage{Pos: pos(e)}
		keys, ok := d.fields(e, "a stage", ObjStage, func(key string, k, v *yaml.Node) {
			switch key {
			case "id":
				s.ID = d.text(v, "stage id")
			case "name":
				s.Name = d.text(v, "stage name")
			case "owner":
				s.Owner = d.text(v, "stage owner")
			case "expectations":
				s.Expectations = d.items(v, "expectations")
			case "touchpoints":
				d.list(v, "touchpoints", func(e *yaml.Node) {
					if t := d.touchpoint(e); t != nil {
						t.Stage = s
						s.Touchpoints = append(s.Touchpoints, t)
					}
				})
			}
		})
		if !ok {
			return
		}
		s.Keys = keys
		d.require(keys, func(string) bool { return s.ID.Value != "" }, s.Pos, "a stage", "id")
		d.unique(s.ID, "stage", stageIDs)
		for _, t := range s.Touchpoints {
			restore := d.about(t.Subject())
			d.unique(t.ID, "touchpoint", tpIDs)
			restore()
		}
		j.Stages = append(j.Stages, s)
	})
}

func (d *decoder) unique(id Text, what string, seen map[string]Pos) {
	if id.Value == "" {
		return
	}
	if first, dup := seen[id.Value]; dup {
		d.errorf(id.Pos, RuleDuplicate, "%s id %q is already used at line %d", what, id.Value, first.Line)
		return
	}
	seen[id.Value] = id.Pos
}

func (d *decoder) touchpoint(e *yaml.Node) *Touchpoint {
	defer d.aboutElement(KindTouchpoint, e)()
	t := &Touchpoint{Pos: pos(e)}
	if x, ok := d.src.Extent(e); ok {
		t.Extent = x
	} else {
		// Not a list item or value of its own (a complex key aliased
		// here): its line.
		t.Extent = Extent{From: t.Pos, To: Pos{t.Pos.Line + 1, 1}}
	}
	keys, ok := d.fields(e, "a touchpoint", ObjTouchpoint, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			t.ID = d.text(v, "touchpoint id")
		case "name":
			t.Name = d.text(v, "touchpoint name")
		case "channel":
			t.Channel = d.text(v, "channel")
		case "owner":
			t.Owner = d.text(v, "owner")
		case "emotion":
			t.Emotion = d.emotion(v)
		case "moment_of_truth":
			t.MomentOfTruth = d.momentOfTruth(v)
		case "metrics":
			t.Metrics = d.texts(v, "metrics")
		case "listening":
			t.Listening = d.texts(v, "listening")
		case "handoff":
			t.Handoff = d.handoff(v)
		case "pain_points":
			t.PainPoints = d.items(v, "pain_points")
		case "opportunities":
			t.Opportunities = d.items(v, "opportunities")
		case "backstage":
			t.Backstage = d.items(v, "backstage")
		case "next":
			t.Next = d.texts(v, "next")
			d.checkNext(t)
			t.HasNext = v.Kind == yaml.SequenceNode
		}
	})
	if !ok {
		return nil
	}
	t.Keys = keys
	d.require(keys, func(name string) bool {
		if name == "id" {
			return t.ID.Value != ""
		}
		return t.Channel.Value != ""
	}, t.Pos, touchpointName(t), "id", "channel")
	return t
}

func (d *decoder) emotion(v *yaml.Node) *Emotion {
	e := &Emotion{Pos: pos(v)}
	score := v
	if v.Kind == yaml.MappingNode {
		score = nil
		keys, _ := d.fields(v, "emotion", ObjEmotion, func(key string, k, v *yaml.Node) {
			switch key {
			case "score":
				score = v
			case "feeling":
				e.Feeling = d.text(v, "feeling").Value
			}
		})
		if score == nil {
			d.require(keys, func(string) bool { return false }, pos(v), "emotion", "score")
			return nil
		}
	}
	n, ok := d.integer(score, "emotion score")
	if !ok {
		return nil
	}
	if n < -2 || n > 2 {
		d.errorf(pos(score), RuleRange, "emotion score %d is outside -2..2 (-2 very negative, 2 very positive)", n)
		return nil
	}
	e.Score = n
	return e
}

func (d *decoder) momentOfTruth(v *yaml.Node) *MomentOfTruth {
	if v.Kind == yaml.ScalarNode {
		switch v.Tag {
		case "!!bool":
			if v.Value == "true" || v.Value == "True" || v.Value == "TRUE" {
				return &MomentOfTruth{Pos: pos(v)}
			}
			return nil
		case "!!str", "!!timestamp": // a date-like sentence is text in YAML 1.2, as editors read it
			// YAML 1.1 booleans are strings in YAML 1.2; a user writing
			// `no` means no moment, not the sentence "no".
			switch strings.ToLower(strings.TrimSpace(v.Value)) {
			case "", "no", "off", "false", "n":
				return nil
			case "yes", "on", "y":
				return &MomentOfTruth{Pos: pos(v)}
			}
			d.checkLength(v, "moment_of_truth")
			return &MomentOfTruth{Why: v.Value, Pos: pos(v)}
		}
	}
	d.errorf(d.where(v), RuleType, "moment_of_truth must be true or a sentence saying why the moment matters, not %s", describe(v))
	return nil
}

func (d *decoder) handoff(v *yaml.Node) *Handoff {
	h := &Handoff{Pos: pos(v)}
	h.Keys, _ = d.fields(v, "handoff", ObjHandoff, func(key string, k, v *yaml.Node) {
		switch key {
		case "carries":
			h.Carries = d.items(v, "carries")
		case "owner":
			h.Owner = d.text(v, "handoff owner")
		}
	})
	if len(h.Carries) == 0 {
		h.Carries = nil
	}
	return h
}

func quote(s string) string { return `"` + s + `"` }

func touchpointName(t *Touchpoint) string {
	if t.ID.Value == "" {
		return "a touchpoint"
	}
	return "touchpoint " + quote(t.ID.Value)
}
