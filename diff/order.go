package diff

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

func idsOf[T any](xs []T, id func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func metricID(m *journey.Metric) string           { return m.ID.Value }
func listeningID(l *journey.ListeningPost) string { return l.ID.Value }
func channelID(c *journey.Channel) string         { return c.ID.Value }
func stageID(s *journey.Stage) string             { return s.ID.Value }

func find[T any](xs []T, id func(T) string, want string) (zero T) {
	for _, x := range xs {
		if id(x) == want {
			return x
		}
	}
	return zero
}

func findMetric(j *journey.Journey, id string) *journey.Metric {
	return find(j.Metrics, metricID, id)
}
func findListening(j *journey.Journey, id string) *journey.ListeningPost {
	return find(j.Listening, listeningID, id)
}
func findChannel(j *journey.Journey, id string) *journey.Channel {
	return find(j.Channels, channelID, id)
}
func findStage(j *journey.Journey, id string) *journey.Stage { return find(j.Stages, stageID, id) }
func findTouchpoint(j *journey.Journey, id string) *journey.Touchpoint {
	return find(j.Touchpoints(), func(t *journey.Touchpoint) string { return t.ID.Value }, id)
}

func index(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// union lists a's ids, then b's that a lacks.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range append(append([]string(nil), a...), b...) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// mergeOrder lists first's ids in order with the ids only second has
// inserted after their predecessor in second.
func mergeOrder(first, second []string) []string {
	out := append([]string(nil), first...)
	prev := -1
	for _, id := range second {
		if i := index(out, id); i >= 0 {
			prev = i
			continue
		}
		prev++
		out = append(out[:prev], append([]string{id}, out[prev:]...)...)
	}
	return out
}

// movedIDs returns the ids common to both orders that are not in their
// longest common subsequence: the fewest moves that turn one order into the
// other. Moving one touchpoint reports that one, not everything it passed.
func movedIDs(before, after []string) map[string]bool {
	inBefore, inAfter := map[string]bool{}, map[string]bool{}
	for _, id := range before {
		inBefore[id] = true
	}
	for _, id := range after {
		inAfter[id] = true
	}
	var a, b []string
	for _, id := range before {
		if inAfter[id] {
			a = append(a, id)
		}
	}
	for _, id := range after {
		if inBefore[id] {
			b = append(b, id)
		}
	}
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	kept := map[string]bool{}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			kept[a[i]] = true
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	moved := map[string]bool{}
	for _, id := range b {
		if !kept[id] {
			moved[id] = true
		}
	}
	return moved
}

// show writes a value for people: "none" for absent, numbers signed, lists
// joined, objects as key: value pairs.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case int:
		return signed(x)
	case bool:
		return "yes"
	case string:
		return fmt.Sprintf("%q", x)
	case []string:
		if len(x) == 0 {
			return "[]"
		}
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = fmt.Sprintf("%q", s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case []any:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = show(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}
