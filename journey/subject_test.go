package journey

import "testing"

func TestSubjectLookup(t *testing.T) {
	src := `version: 1
title: T
channels: {app: {kind: digital}, web: {kind: digital}}
metrics: {nps: {kind: nps}}
listening: {survey: {kind: structured}}
stages:
  - id: s
    touchpoints: [{id: a, channel: app}, {id: b, channel: web}]
`
	j, fs := Parse("t.journey.yaml", []byte(src))
	fs = append(fs, Resolve(j, nil)...)
	if len(fs) > 0 {
		t.Fatalf("unexpected findings: %v", fs)
	}
	for s, want := range map[Subject]bool{
		"journey": true, "file": true, "workspace": false, "journey:x": false,
		"stage:s": true, "stage:a": false,
		"touchpoint:a": true, "touchpoint:b": true, "touchpoint:s": false,
		"handoff:a>b": true, "handoff:b>a": false, "handoff:a": false,
		"channel:web": true, "channel:sms": false, "metric:nps": true, "listening:survey": true,
		"listening:nps": false, "owner:x": false, "": false,
	} {
		if got := j.Defines(s); got != want {
			t.Errorf("Defines(%q) = %v, want %v", s, got, want)
		}
	}
	if tp := j.SubjectTouchpoint("handoff:a>b"); tp == nil || tp.ID.Value != "b" {
		t.Errorf("a handoff is drawn on its receiving touchpoint, got %v", tp)
	}
	if tp := j.SubjectTouchpoint("channel:app"); tp != nil {
		t.Errorf("a channel is not a touchpoint, got %v", tp.ID)
	}
	if from, to, ok := Subject("handoff:a>b").Edge(); !ok || from != "a" || to != "b" {
		t.Errorf("Edge() = %q %q %v", from, to, ok)
	}
}

// TestValidationSubjects: validation findings name the element they are
// in, even when several elements share a line (flow style).
func TestValidationSubjects(t *testing.T) {
	src := `version: 1
title: T
colour: red
channels: {app: {kind: digital}, web: {kind: paper}}
stages:
  - id: s
    owner: [x]
    touchpoints: [{id: a, channel: app, emotion: 9}, {id: b, channel: fax}, {channel: app}]
`
	j, vf := Parse("t.journey.yaml", []byte(src))
	fs := Resolve(j, nil)
	want := map[string]Subject{
		RuleUnknownKey: SubjectJourney,
		RuleType:       "stage:s",
		RuleRequired:   "stage:s",
	}
	got := map[string][]Subject{}
	for _, f := range append(vf, fs...) {
		got[f.Rule] = append(got[f.Rule], f.Subject)
	}
	for rule, s := range want {
		if len(got[rule]) != 1 || got[rule][0] != s {
			t.Errorf("%s: subjects %v, want [%s]", rule, got[rule], s)
		}
	}
	// kind "paper" is on channel web's line, next to app; emotion 9 is a's.
	if r := got[RuleRange]; len(r) != 2 || r[0] != "channel:web" || r[1] != "touchpoint:a" {
		t.Errorf("range: subjects %v, want [channel:web touchpoint:a]", r)
	}
	if u := got[RuleUnresolved]; len(u) != 1 || u[0] != "touchpoint:b" {
		t.Errorf("unresolved: subjects %v, want [touchpoint:b]", u)
	}
}
