package portfolio

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

func input(t *testing.T, path string) Input {
	t.Helper()
	set, err := journey.Load([]string{path}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Findings) > 0 {
		t.Fatalf("test workspace does not validate: %v", set.Findings)
	}
	today := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	res, err := lint.Run(set, lint.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return Input{Journeys: set.Journeys, Findings: res.Findings, Workspaces: set.Workspaces, Today: today}
}

// TestByOwnerHandCount checks --by owner against a count made by hand on
// testdata/report: browse and pay inherit web-team from the stage; call and
// ask are care's; ask (stage after) has no stage owner but its own. Seams
// (channel changes): browse→call (undocumented, into care's call),
// call→pay (documented, owner web-team), pay→ask (documented, no owner:
// unowned, into care's ask).
func TestByOwnerHandCount(t *testing.T) {
	tb := Build(input(t, filepath.Join("..", "testdata", "report")), ByOwner)
	type count struct {
		name                                                   string
		journeys, touchpoints, channels, seams, moments, unown int
	}
	want := map[string]count{
		"cx":       {"Customer experience", 1, 0, 0, 0, 0, 0},
		"web-team": {"Web team", 0, 2, 1, 1, 1, 0},
		"care":     {"Care team", 0, 2, 1, 0, 0, 2},
		"idle":     {"Owns nothing", 0, 0, 0, 0, 0, 0},
	}
	order := []string{"cx", "web-team", "care", "idle"}
	if len(tb.Rows) != len(order) {
		t.Fatalf("rows: %v", tb.Rows)
	}
	for i, r := range tb.Rows {
		if r["owner"] != order[i] {
			t.Errorf("row %d is %v, want %s (registry order)", i, r["owner"], order[i])
		}
		w := want[order[i]]
		got := count{r["name"].(string), r["journeys"].(int), r["touchpoints"].(int), r["channels"].(int), r["seams"].(int), r["moments"].(int), r["unowned_seams"].(int)}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", order[i], got, w)
		}
	}
	// Findings: undocumented-handoff on call (care), unmeasured-moment on
	// pay (web-team), handoff-context/owner ones as lint finds them; each
	// counts for the touchpoint's owner. They must add up to the findings
	// about the journey.
	sum := 0
	for _, r := range tb.Rows {
		sum += r["findings"].(int)
	}
	in := input(t, filepath.Join("..", "testdata", "report"))
	if n := len(findingsOf(in.Journeys[0], in.Findings)); sum != n {
		t.Errorf("findings by owner add up to %d, want %d", sum, n)
	}
}

func TestByJourney(t *testing.T) {
	tb := Build(input(t, filepath.Join("..", "testdata", "report")), ByJourney)
	r := tb.Rows[0]
	want := map[string]any{"stages": 2, "touchpoints": 4, "channels": 2, "channel_changes": 3, "handoffs_documented": 2, "handoffs": 3,
		"owned_pct": 100, "moments_measured": 0, "moments": 1, "emotion_avg": 0.5, "emotion_low": -1, "emotion_low_at": "call"}
	for k, v := range want {
		if r[k] != v {
			t.Errorf("%s = %v, want %v", k, r[k], v)
		}
	}
	if tb.Total["touchpoints"] != 4 || tb.Total["journey"] != "total" {
		t.Errorf("total: %v", tb.Total)
	}
	var b bytes.Buffer
	WriteJSON(&b, tb)
	var v struct {
		By    string
		Rows  []map[string]any
		Total map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil || v.By != "journey" || len(v.Rows) != 1 || v.Total == nil {
		t.Errorf("json: %v %s", err, b.String())
	}
	b.Reset()
	WriteCSV(&b, tb)
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(recs) != 3 || len(recs[0]) != len(journeyColumns) {
		t.Errorf("csv: %v %q", err, recs)
	}
}

// TestTextFits: the text table is no wider than the width it is given.
func TestTextFits(t *testing.T) {
	in := input(t, filepath.Join("..", "examples"))
	for _, by := range Groupings() {
		for _, width := range []int{80, 100, 160} {
			var b bytes.Buffer
			WriteText(&b, Build(in, by), TextOptions{Width: width})
			for _, line := range bytes.Split(b.Bytes(), []byte("\n")) {
				if n := len([]rune(string(line))); n > width {
					t.Errorf("--by %s at %d columns: a line of %d: %s", by, width, n, line)
					break
				}
			}
		}
	}
}
