package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// CSVColumns are the columns of the CSV export, in order (SPEC §6).
func CSVColumns() []string {
	return []string{"journey", "stage", "touchpoint", "name", "channel", "channel_kind", "owner",
		"emotion", "feeling", "moment_of_truth", "pain_points", "opportunities", "metrics", "listening",
		"handoff_carries", "handoff_owner"}
}

// WriteCSV writes a row per touchpoint for spreadsheets: RFC 4180 (CRLF
// line ends, fields quoted where they hold a comma, quote or line break),
// lists joined with "; ". A text cell that a spreadsheet would run as a
// formula (it starts with =, +, -, @) is prefixed with an apostrophe.
func WriteCSV(w io.Writer, js []*journey.Journey) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVColumns()); err != nil {
		return err
	}
	for _, j := range js {
		for _, t := range j.Touchpoints() {
			kind, emotion, feeling, moment, carries, hOwner := "", "", "", "", "", ""
			if c := j.Channel(t.Channel.Value); c != nil {
				kind = c.Kind.Value
			}
			if e := t.Emotion; e != nil {
				emotion, feeling = strconv.Itoa(e.Score), e.Feeling
			}
			if m := t.MomentOfTruth; m != nil {
				moment = "true"
				if m.Why != "" {
					moment = m.Why
				}
			}
			if h := t.Handoff; h != nil {
				carries, hOwner = joinItems(h.Carries), h.Owner.Value
			}
			row := []string{j.ID.Value, t.Stage.ID.Value, t.ID.Value, cell(t.Name.Value), t.Channel.Value, kind,
				t.ResolvedOwner().Value, emotion, cell(feeling), cell(moment), cell(joinItems(t.PainPoints)),
				cell(joinItems(t.Opportunities)), joinTexts(t.Metrics), joinTexts(t.Listening), cell(carries), hOwner}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func joinItems(is []journey.Item) string {
	var out []string
	for _, i := range is {
		out = append(out, i.Text)
	}
	return strings.Join(out, "; ")
}

func joinTexts(ts []journey.Text) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Value)
	}
	return strings.Join(out, "; ")
}

// cell guards free text against spreadsheet formula injection.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
