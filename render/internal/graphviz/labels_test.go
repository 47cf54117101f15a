package graphviz

import "testing"

func TestProtectEmptyLabels(t *testing.T) {
	s := emptyLabelSentinel
	cases := []struct{ in, out string }{
		{`digraph { a }`, `digraph { a }`},
		{`a [label=""]`, `a [label="` + s + `"]`},
		{"a [ label\n =\t\"\" ]", "a [ label\n =\t\"" + s + "\" ]"},
		{`"label"=""`, `"label"="` + s + `"`},
		{`a [xlabel="", headlabel=""]`, `a [xlabel="", headlabel=""]`},
		{`a [tooltip="label=\"\""]`, `a [tooltip="label=\"\""]`},
		{`a [label=<x label="">]`, `a [label=<x label="">]`},
		{"// label=\"\"\na", "// label=\"\"\na"},
		{"/* label=\"\" */ a", "/* label=\"\" */ a"},
		{"# label=\"\"\na", "# label=\"\"\na"},
		{`a [label="" + "x"]`, `a [label="" + "x"]`},
		{`a [label="x"]; b [label=""]`, `a [label="x"]; b [label="` + s + `"]`},
		{`a [label="`, `a [label="`},
		{`a [label=""`, `a [label="` + s + `"`},
	}
	for _, c := range cases {
		got, _ := protectEmptyLabels([]byte(c.in))
		if string(got) != c.out {
			t.Errorf("protectEmptyLabels(%q) = %q, want %q", c.in, got, c.out)
		}
	}
}
