package lint

import (
	"bytes"
	"encoding/xml"
	"io"
	"sort"
	"strconv"

	"github.com/journeymap/journeymap/journey"
)

// WriteCheckstyle prints the result as Checkstyle XML: one <file> per file
// with findings, sorted by name, each holding its findings in result order
// as <error line column severity message source> with source
// "journeymap.RULE".
func WriteCheckstyle(w io.Writer, r *Result) error {
	byFile := map[string][]journey.Finding{}
	var files []string
	for _, f := range r.Findings {
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	sort.Strings(files)

	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<checkstyle version="4.3">` + "\n")
	for _, file := range files {
		b.WriteString(`  <file name="`)
		checkstyleAttr(&b, file)
		b.WriteString("\">\n")
		for _, f := range byFile[file] {
			b.WriteString("    <error")
			if f.Line >= 1 {
				b.WriteString(` line="` + strconv.Itoa(f.Line) + `"`)
				if f.Column >= 1 {
					b.WriteString(` column="` + strconv.Itoa(f.Column) + `"`)
				}
			}
			b.WriteString(` severity="` + f.Severity.String() + `" message="`)
			checkstyleAttr(&b, f.Message)
			b.WriteString(`" source="`)
			checkstyleAttr(&b, "journeymap."+f.Rule)
			b.WriteString("\"/>\n")
		}
		b.WriteString("  </file>\n")
	}
	b.WriteString("</checkstyle>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// checkstyleAttr writes s escaped for a double-quoted attribute value:
// xml.EscapeText escapes quotes and turns tabs and line breaks into
// character references, so they survive attribute normalisation, and
// replaces characters XML cannot hold with U+FFFD.
func checkstyleAttr(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer cannot fail
}
