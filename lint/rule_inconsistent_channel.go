package lint

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

type inconsistentChannel struct{ base }

func newInconsistentChannel() *inconsistentChannel {
	return &inconsistentChannel{base{Meta{
		ID:       "inconsistent-channel",
		Severity: journey.Warning,
		Summary:  "one channel id defined differently across journeys or vs the workspace",
		Rationale: "Consistency: the same channel, principle and tone across all journeys. A channel described " +
			"differently in two journeys is a consistency defect, and usually a sign that two teams see the same " +
			"channel differently. The workspace's definition is the reference; a channel the workspace does not " +
			"define is compared with the same id in the other journeys of the workspace, and each journey gets one " +
			"finding per channel naming the first definition that differs and how many others do.",
		Bad: `# journeymap.yaml declares: app: {name: Mobile app, kind: digital, owner: digital-team}
version: 1
title: Top up a prepaid card
channels:
  app: {name: Top-up app, kind: digital, owner: prepaid-team}
stages:
  - id: top-up
    touchpoints:
      - {id: top-up-in-app, channel: app}
`,
		Good: `# journeymap.yaml declares: app: {name: Mobile app, kind: digital, owner: digital-team}
version: 1
title: Top up a prepaid card
stages:
  - id: top-up
    touchpoints:
      - {id: top-up-in-app, channel: app}
`,
	}}}
}

// Check compares each channel the journey declares with the workspace's
// definition of the same id, when there is one (the reference); otherwise,
// once the run has seen every journey, with the definitions in the other
// journeys of the same workspace (SPEC §5): one finding per channel, naming
// the first definition that differs.
func (r *inconsistentChannel) Check(p *Pass) {
	j := p.Journey
	for _, c := range j.Channels {
		if j.Workspace != nil {
			if wc := j.Workspace.Channel(c.ID.Value); wc != nil {
				if diff := channelDiff(c, wc); diff != "" {
					p.Report(c.Subject(), c.Pos, "channel %q differs from its definition in %s:%d (%s); use the shared definition or rename the channel",
						c.ID.Value, wc.File, wc.Pos.Line, diff)
				}
				continue
			}
		}
		ws, idx := j.Workspace, p.channels
		if idx == nil {
			continue // a journey checked on its own has no others
		}
		p.Later(c.Subject(), c.Pos, func() (string, bool) {
			first, n := idx.differing(ws, c)
			if first == nil {
				return "", false
			}
			others := ""
			if n > 1 {
				others = fmt.Sprintf(" and from %s", words.Count(n-1, "other definition"))
			}
			return fmt.Sprintf("channel %q differs from its definition in %s:%d (%s)%s; define it once in %s",
				c.ID.Value, first.File, first.Pos.Line, channelDiff(c, first), others, journey.WorkspaceFile), true
		})
	}
}

// channelDiff compares two definitions on every field either side sets.
func channelDiff(a, b *journey.Channel) string {
	var diffs []string
	for _, f := range []struct {
		name string
		a, b journey.Text
	}{{"name", a.Name, b.Name}, {"kind", a.Kind, b.Kind}, {"owner", a.Owner, b.Owner}} {
		if (f.a.Value != "" || f.b.Value != "") && f.a.Value != f.b.Value {
			diffs = append(diffs, fmt.Sprintf("%s %s vs %s", f.name, quoteSet(f.a.Value), quoteSet(f.b.Value)))
		}
	}
	return strings.Join(diffs, ", ")
}

// quoteSet quotes a field's value, or says "not set" for an absent one:
// `kind "" vs "digital"` reads like a kind named "".
func quoteSet(v string) string {
	if v == "" {
		return "not set"
	}
	return fmt.Sprintf("%q", v)
}
