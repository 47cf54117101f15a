package graphviz

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestFrameRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	frames := []struct {
		kind   byte
		fields [][]byte
	}{
		{frameLayout, [][]byte{[]byte("dot"), []byte("svg"), []byte("digraph { a -> b }"), []byte("8000")}},
		{frameOutput, [][]byte{{}}},
		{frameError, [][]byte{[]byte(errKindBudget), []byte("JMLW\x00\xff inside a field is data")}},
		{frameReady, nil},
	}
	for _, f := range frames {
		if err := writeFrame(&buf, f.kind, f.fields...); err != nil {
			t.Fatal(err)
		}
	}
	r := bufio.NewReader(&buf)
	for i, f := range frames {
		kind, fields, err := readFrame(r)
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if kind != f.kind || len(fields) != len(f.fields) {
			t.Fatalf("frame %d: kind %q with %d fields, want %q with %d", i, kind, len(fields), f.kind, len(f.fields))
		}
		for j := range fields {
			if !bytes.Equal(fields[j], f.fields[j]) {
				t.Errorf("frame %d field %d: %q, want %q", i, j, fields[j], f.fields[j])
			}
		}
	}
	if _, _, err := readFrame(r); err != io.EOF {
		t.Errorf("after the last frame: %v, want io.EOF", err)
	}
}

func TestFrameRefusesWhatIsNotAFrame(t *testing.T) {
	good := func(kind byte, fields ...string) string {
		var b bytes.Buffer
		var fs [][]byte
		for _, f := range fields {
			fs = append(fs, []byte(f))
		}
		if err := writeFrame(&b, kind, fs...); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	ok := good(frameOutput, "<svg/>")
	for _, c := range []struct{ name, in, want string }{
		{"a stack trace", "goroutine 1 [running]:\nmain.main()\n", `starts with "goro"`},
		{"an SVG", "<svg xmlns=", `starts with "<svg"`},
		{"a header cut short", ok[:6], "cut short in its header"},
		{"a body cut short", ok[:len(ok)-1], "cut short in its body"},
		{"a length over the limit", "JMLWO\x7f\xff\xff\xff", "over the 512 MB limit"},
		{"a field longer than the body", "JMLWO\x00\x00\x00\x05\x00\x00\x00\x09x", "a field of 9 bytes in 1 left"},
		{"a field length cut short", "JMLWO\x00\x00\x00\x02\x00\x00", "a field's length is cut short"},
		{"an unexpected kind", good('X', "a"), "unexpected kind 'X'"},
		{"too many fields", good(frameOutput, "a", "b"), "with 2 fields, want 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := expectFrame(bufio.NewReader(strings.NewReader(c.in)), map[byte]int{frameOutput: 1})
			if !errors.Is(err, errFrame) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want errFrame saying %q", err, c.want)
			}
		})
	}
}

// FuzzReadFrame: any input is either refused or read as frames that,
// written again, are exactly the bytes read.
func FuzzReadFrame(f *testing.F) {
	var b bytes.Buffer
	writeFrame(&b, frameLayout, []byte("dot"), []byte("svg"), []byte("digraph{a->b}"), []byte("8000"))
	writeFrame(&b, frameOutput, []byte("<svg/>"))
	f.Add(b.Bytes())
	f.Add([]byte("JMLWE\x00\x00\x00\x00"))
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, in []byte) {
		r := bufio.NewReader(bytes.NewReader(in))
		var again bytes.Buffer
		read := 0
		for {
			kind, fields, err := readFrame(r)
			if err != nil {
				break
			}
			if err := writeFrame(&again, kind, fields...); err != nil {
				t.Fatal(err)
			}
			read = again.Len()
		}
		if !bytes.Equal(again.Bytes(), in[:read]) {
			t.Fatalf("frames written again differ from those read")
		}
	})
}
