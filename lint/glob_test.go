package lint

import "testing"

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"drafts/**", "drafts/a.journey.yaml", true},
		{"drafts/**", "drafts/x/y/a.journey.yaml", true},
		{"drafts/**", "other/drafts/a.journey.yaml", false},
		{"drafts/", "drafts/x/a.journey.yaml", true},
		{"./drafts/*.journey.yaml", "drafts/a.journey.yaml", true},
		{"drafts/*.journey.yaml", "drafts/x/a.journey.yaml", false},
		{"**/legacy-*.journey.yaml", "legacy-a.journey.yaml", true},
		{"**/legacy-*.journey.yaml", "a/b/legacy-a.journey.yaml", true},
		{"**/legacy-*.journey.yaml", "a/b/new.journey.yaml", false},
		{"a/**/b/*.yaml", "a/b/x.yaml", true},
		{"a/**/b/*.yaml", "a/1/2/b/x.yaml", true},
		{"a/**/**/b/*.yaml", "a/1/b/x.yaml", true},
		{"*.journey.yaml", "x/a.journey.yaml", false},
		{"[ab].journey.yaml", "b.journey.yaml", true},
	} {
		if got := matchGlob(tc.pattern, tc.name); got != tc.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
	if checkGlob("a/[") == nil {
		t.Error("an unclosed [ is not reported")
	}
}
