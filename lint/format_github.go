package lint

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// githubAnnotationLimit is how many annotations of each kind (error,
// warning, notice) GitHub Actions shows for one step.
const githubAnnotationLimit = 10

// WriteGitHub prints one GitHub Actions workflow command per finding,
//
//	::warning file=F,line=L,col=C,title=RULE::MESSAGE
//
// (::error, ::warning, or ::notice for info), escaped as the runner expects,
// then one plain summary line. The summary is deliberately not a ::notice:
// it would take one of the step's ten notice annotations from a real
// finding and show up as an annotation that points at no file; as a plain
// line it is always in the log, where it also says when GitHub hides
// annotations over its limit.
func WriteGitHub(w io.Writer, r *Result) error {
	var b bytes.Buffer
	for _, f := range r.Findings {
		b.WriteString("::")
		b.WriteString(githubCommand(f.Severity))
		b.WriteString(" file=")
		b.WriteString(githubEscapeProperty(f.File))
		if f.Line >= 1 {
			fmt.Fprintf(&b, ",line=%d", f.Line)
			if f.Column >= 1 {
				fmt.Fprintf(&b, ",col=%d", f.Column)
			}
		}
		b.WriteString(",title=")
		b.WriteString(githubEscapeProperty(f.Rule))
		b.WriteString("::")
		b.WriteString(githubEscapeData(f.Message))
		b.WriteByte('\n')
	}
	b.WriteString(githubSummary(r))
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func githubCommand(s journey.Severity) string {
	switch s {
	case journey.Error:
		return "error"
	case journey.Warning:
		return "warning"
	default:
		return "notice"
	}
}

// githubSummary is the closing line, which is not a workflow command.
func githubSummary(r *Result) string {
	s := r.Summary()
	if len(r.Findings) == 0 {
		return fmt.Sprintf("journeymap: no problems in %s", words.Count(s.Files, "file"))
	}
	line := fmt.Sprintf("journeymap: %s, %s, %s in %s",
		words.Count(s.Errors, "error"), words.Count(s.Warnings, "warning"), words.Count(s.Info, "info"), words.Count(s.Files, "file"))
	if s.Errors > githubAnnotationLimit || s.Warnings > githubAnnotationLimit || s.Info > githubAnnotationLimit {
		line += fmt.Sprintf(" (GitHub annotates at most %d of each severity per step; every finding is listed above)", githubAnnotationLimit)
	}
	return line
}

// githubDataEscaper escapes a workflow command's message.
var githubDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// githubPropertyEscaper escapes a workflow command's property value.
var githubPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func githubEscapeData(s string) string { return githubDataEscaper.Replace(s) }

func githubEscapeProperty(s string) string { return githubPropertyEscaper.Replace(s) }
