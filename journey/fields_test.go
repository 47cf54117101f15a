package journey_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestFieldTableOrder: the canonical key orders are those SPEC §6 lists for
// fmt, so the decoder's "expected one of" lists and fmt agree with the spec.
func TestFieldTableOrder(t *testing.T) {
	for obj, want := range map[journey.Object]string{
		journey.ObjJourney:    "version id title owner persona segment goal outcome principles reviewed metrics listening channels stages",
		journey.ObjStage:      "id name owner expectations touchpoints",
		journey.ObjTouchpoint: "id name channel owner handoff moment_of_truth emotion metrics listening pain_points opportunities backstage next",
		journey.ObjWorkspace:  "version owners personas channels metrics listening lint render",
	} {
		if got := strings.Join(journey.FieldKeys(obj), " "); got != want {
			t.Errorf("%s keys:\n got %s\nwant %s", obj, got, want)
		}
	}
}

// TestFieldTableWhole: every field has a description, nested shapes name
// their object, patterns compile, and every object is reachable.
func TestFieldTableWhole(t *testing.T) {
	reached := map[journey.Object]bool{journey.ObjJourney: true, journey.ObjWorkspace: true, journey.ObjLintFile: true}
	for _, o := range journey.Objects() {
		if journey.ObjectDescription(o) == "" {
			t.Errorf("object %s has no description", o)
		}
		fs := journey.Fields(o)
		if len(fs) == 0 {
			t.Errorf("object %s has no fields", o)
		}
		for _, f := range fs {
			if f.Description == "" || strings.Contains(f.Description, "\n") {
				t.Errorf("%s.%s: description must be one line", o, f.Key)
			}
			if f.Pattern != "" {
				if _, err := regexp.Compile(f.Pattern); err != nil {
					t.Errorf("%s.%s: %v", o, f.Key, err)
				}
			}
			switch f.Shape {
			case journey.ShapeObject, journey.ShapeList, journey.ShapeCatalogue, journey.ShapeItems, journey.ShapeEmotion, journey.ShapePersona:
				if f.Object == "" {
					t.Errorf("%s.%s: shape needs an object", o, f.Key)
				}
				reached[f.Object] = true
			}
		}
	}
	for _, o := range journey.Objects() {
		if !reached[o] {
			t.Errorf("object %s is not used by any field", o)
		}
	}
}

// TestFieldTableFresh: callers cannot change the table through what it returns.
func TestFieldTableFresh(t *testing.T) {
	fs := journey.Fields(journey.ObjChannel)
	fs[1].Enum[0] = "changed"
	fs[0].Key = "changed"
	if got := journey.Fields(journey.ObjChannel); got[0].Key != "name" || got[1].Enum[0] != "digital" {
		t.Errorf("the field table was changed through a returned slice: %+v", got)
	}
	if !slices.Equal(journey.ChannelKinds(), journey.Fields(journey.ObjChannel)[1].Enum) {
		t.Errorf("channel kinds differ from the table")
	}
}

// TestDecoderReadsTable: a key the table lists is accepted and one it does
// not is reported, for every object, so the decoder follows the table.
func TestDecoderReadsTable(t *testing.T) {
	_, fs := journey.Parse("t.journey.yaml", []byte("version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: c, handoff: {carries: [x], ownr: o}}]}]\n"))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, `(expected one of carries, owner)`) {
		t.Errorf("findings = %v", fs)
	}
}

// TestCalendarDatePattern: the pattern the schema checks `reviewed` with
// accepts exactly the dates the decoder accepts.
func TestCalendarDatePattern(t *testing.T) {
	re := regexp.MustCompile(journey.CalendarDatePattern)
	shape := regexp.MustCompile(journey.DatePattern)
	for _, year := range []int{1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", year, m, d)
				_, fs := journey.Parse("t.journey.yaml", []byte("version: 1\ntitle: T\nreviewed: "+s+"\nstages: [{id: s}]\n"))
				if got, want := re.MatchString(s), len(fs) == 0; got != want || !shape.MatchString(s) {
					t.Errorf("%s: pattern says %v, the decoder %v (%v)", s, got, want, fs)
				}
			}
		}
	}
}
