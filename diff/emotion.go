package diff

import (
	"github.com/journeymap/journeymap/journey"
)

// Emotion is the emotional curve before and after, along the flow.
type Emotion struct {
	Before  []Point `json:"before"`
	After   []Point `json:"after"`
	Average Stat    `json:"average"`
	Lowest  Stat    `json:"lowest"`
	// order is both sides' touchpoints lined up by id, the columns of the
	// sparklines.
	order []string
}

// Point is a touchpoint's score; Score is nil when it has none.
type Point struct {
	Touchpoint string `json:"touchpoint"`
	Score      *int   `json:"score"`
}

// Stat is a measure of the curve before and after; nil where a side has no
// scored touchpoint.
type Stat struct {
	Before any `json:"before"`
	After  any `json:"after"`
}

// Low is the lowest score and the first touchpoint that has it.
type Low struct {
	Touchpoint string `json:"touchpoint"`
	Score      int    `json:"score"`
}

func curve(j *journey.Journey) []Point {
	out := []Point{}
	if j == nil {
		return out
	}
	for _, t := range j.Flow.Touchpoints {
		p := Point{Touchpoint: t.ID.Value}
		if t.Emotion != nil {
			s := t.Emotion.Score
			p.Score = &s
		}
		out = append(out, p)
	}
	return out
}

func compareEmotion(old, new *journey.Journey) Emotion {
	e := Emotion{Before: curve(old), After: curve(new)}
	var sides []*journey.Journey
	for _, j := range []*journey.Journey{new, old} {
		if j != nil {
			sides = append(sides, j)
		}
	}
	for _, a := range journey.AlignTouchpoints(sides) {
		e.order = append(e.order, a.ID)
	}
	e.Average.Before, e.Lowest.Before = stats(e.Before)
	e.Average.After, e.Lowest.After = stats(e.After)
	return e
}

// stats returns the average (rounded to two decimals) and the lowest point.
func stats(ps []Point) (avg, low any) {
	n, sum := 0, 0
	var lo *Low
	for _, p := range ps {
		if p.Score == nil {
			continue
		}
		n++
		sum += *p.Score
		if lo == nil || *p.Score < lo.Score {
			lo = &Low{p.Touchpoint, *p.Score}
		}
	}
	if n == 0 {
		return nil, nil
	}
	return float64(int(float64(sum)/float64(n)*100+sign(sum)*0.5)) / 100, *lo
}

func sign(n int) float64 {
	if n < 0 {
		return -1
	}
	return 1
}

// Changed says whether any touchpoint's score differs between the sides.
func (e Emotion) Changed() bool {
	before := map[string]*int{}
	for _, p := range e.Before {
		before[p.Touchpoint] = p.Score
	}
	after := map[string]*int{}
	for _, p := range e.After {
		after[p.Touchpoint] = p.Score
	}
	for id, a := range after {
		b, ok := before[id]
		if !ok && a != nil {
			return true
		}
		if ok && !same(a, b) {
			return true
		}
	}
	for id, b := range before {
		if _, ok := after[id]; !ok && b != nil {
			return true
		}
	}
	return false
}
