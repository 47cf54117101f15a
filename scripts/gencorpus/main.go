// Command gencorpus writes journey files for benchmarks and limit tests:
// a realistic corpus of many journeys under one workspace, or one hostile
// journey of a given shape (dense flows, thousands of stages, a huge title,
// a flood of flow edges). Its output is deterministic for a given seed, so
// runs on different machines measure the same files.
//
//	go run ./scripts/gencorpus -kind corpus -n 2000 -out /tmp/c2000
//	go run ./scripts/gencorpus -kind dense -n 100 -out /tmp/dense
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	kind := flag.String("kind", "corpus", "what to write: corpus | dense | stages | title | edges | cliff")
	n := flag.Int("n", 200, "corpus: journeys; dense: touchpoints; stages: stages; title: bytes; edges and cliff: touchpoints")
	out := flag.String("out", "", "directory to write into (created)")
	seed := flag.Int64("seed", 1, "random seed for the corpus")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -kind KIND -n N -out DIR")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var err error
	switch *kind {
	case "corpus":
		err = corpus(*out, *n, rand.New(rand.NewSource(*seed)))
	case "dense", "stages", "title", "edges", "cliff":
		err = os.WriteFile(filepath.Join(*out, *kind+".journey.yaml"), []byte(hostile(*kind, *n)), 0o644)
	default:
		err = fmt.Errorf("unknown kind %q", *kind)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var channels = []string{"app", "web", "phone", "store", "sms", "email", "chat", "post"}
var kinds = []string{"digital", "digital", "assisted", "physical", "digital", "digital", "assisted", "other"}
var owners = []string{"digital-team", "care-team", "retail-ops", "crm-team", "growth-team", "billing-team"}

const header = "version: 1\ntitle: %s\n"

// corpus writes a workspace and n journeys of 4-7 stages and 8-20
// touchpoints each (a few kilobytes, like real ones). Some journeys declare
// channels of their own that the workspace lacks, with the same id written
// differently here and there, so inconsistent-channel has work to do.
func corpus(dir string, n int, r *rand.Rand) error {
	var ws strings.Builder
	ws.WriteString("version: 1\nowners:\n")
	for _, o := range owners {
		fmt.Fprintf(&ws, "  %s: {name: %s}\n", o, strings.ReplaceAll(o, "-", " "))
	}
	ws.WriteString("personas:\n  busy-parent: {name: Busy parent, segment: high-value}\nchannels:\n")
	for i, c := range channels[:6] {
		fmt.Fprintf(&ws, "  %s: {name: %s channel, kind: %s, owner: %s}\n", c, c, kinds[i], owners[i%len(owners)])
	}
	ws.WriteString("metrics:\n  csat: {name: CSAT, kind: csat}\nlistening:\n  survey: {name: Survey, kind: structured}\n")
	if err := os.WriteFile(filepath.Join(dir, "journeymap.yaml"), []byte(ws.String()), 0o644); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("team-%02d", i%20))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		name := filepath.Join(sub, fmt.Sprintf("journey-%05d.journey.yaml", i))
		if err := os.WriteFile(name, []byte(corpusJourney(i, r)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func corpusJourney(i int, r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated journey %d.\nversion: 1\nid: journey-%05d\ntitle: Generated journey number %d\n", i, i, i)
	fmt.Fprintf(&b, "owner: %s\npersona: busy-parent\ngoal: Get it done in one sitting\nreviewed: 2026-%02d-15\n", owners[r.Intn(len(owners))], 1+r.Intn(11)) // in the past: a future date is invalid
	fmt.Fprintf(&b, "metrics:\n  done: {name: Completion, kind: conversion, target: \">= 80%%\"}\n")
	if r.Intn(3) == 0 {
		// chat and post are not in the workspace: journeys declare them,
		// not always alike.
		b.WriteString("channels:\n")
		fmt.Fprintf(&b, "  chat: {name: Live chat, kind: digital, owner: %s}\n", owners[r.Intn(2)])
		if r.Intn(2) == 0 {
			b.WriteString("  post: {name: Letter, kind: other}\n")
		}
	}
	b.WriteString("stages:\n")
	stages := 4 + r.Intn(4)
	tp := 0
	prev := ""
	for s := 0; s < stages; s++ {
		fmt.Fprintf(&b, "  - id: stage-%d\n    name: Stage %d of the journey\n    owner: %s\n", s, s, owners[r.Intn(len(owners))])
		fmt.Fprintf(&b, "    expectations: [Clear answers, No waiting]\n    touchpoints:\n")
		for t := 0; t < 2+r.Intn(3); t++ {
			ch := channels[r.Intn(6)]
			if strings.Contains(b.String(), "  chat: {") && r.Intn(5) == 0 {
				ch = "chat"
			}
			fmt.Fprintf(&b, "      - id: tp-%d\n        name: Touchpoint %d where the customer does something\n        channel: %s\n", tp, tp, ch)
			if prev != "" && prev != ch && r.Intn(2) == 0 {
				fmt.Fprintf(&b, "        handoff:\n          carries: [customer id, case number]\n          owner: %s\n", owners[r.Intn(len(owners))])
			}
			if r.Intn(4) > 0 {
				fmt.Fprintf(&b, "        emotion: {score: %d, feeling: fine}\n", r.Intn(5)-2)
			}
			if r.Intn(6) == 0 {
				b.WriteString("        moment_of_truth: The customer decides to stay or leave here\n        metrics: [done]\n")
			}
			if r.Intn(3) == 0 {
				b.WriteString("        pain_points:\n          - Has to repeat the account number\n        opportunities: [Carry the case over]\n")
			}
			prev = ch
			tp++
		}
	}
	return b.String()
}

// hostile writes one journey of a shape that once made journeymap slow.
func hostile(kind string, n int) string {
	var b strings.Builder
	switch kind {
	case "title":
		fmt.Fprintf(&b, header, strings.Repeat("Very long title ", n/16+1)[:n])
		b.WriteString("channels: {app: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, channel: app}\n")
	case "stages":
		fmt.Fprintf(&b, header, "Five thousand stages")
		b.WriteString("channels: {app: {kind: digital}}\nstages:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "  - id: s%d\n    touchpoints:\n      - {id: t%d, channel: app}\n", i, i)
		}
	case "dense", "edges":
		// Every touchpoint lists every other in next: (dense), or the
		// touchpoints alternate channels and each lists the next hundred
		// (edges): a flood of undocumented handoffs.
		fmt.Fprintf(&b, header, "Dense flow")
		b.WriteString("channels: {app: {kind: digital}, web: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n")
		for i := 0; i < n; i++ {
			var next []string
			for k := 0; k < n; k++ {
				if k != i && (kind == "dense" || k > i && k <= i+100) {
					next = append(next, fmt.Sprintf("t%d", k))
				}
			}
			fmt.Fprintf(&b, "      - {id: t%d, channel: %s, emotion: %d, next: [%s]}\n", i, channels[i%2], 2-4*(i%2), strings.Join(next, ", "))
		}
	case "cliff":
		// n scored touchpoints at +2, one unscored hub, n at -2: every pair
		// across the hub is an emotional cliff.
		fmt.Fprintf(&b, header, "Cliffs")
		b.WriteString("channels: {app: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "      - {id: up%d, channel: app, emotion: 2, next: [hub]}\n", i)
		}
		var down []string
		for i := 0; i < n; i++ {
			down = append(down, fmt.Sprintf("down%d", i))
		}
		fmt.Fprintf(&b, "      - {id: hub, channel: app, next: [%s]}\n", strings.Join(down, ", "))
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "      - {id: down%d, channel: app, emotion: -2, next: []}\n", i)
		}
	}
	return b.String()
}
