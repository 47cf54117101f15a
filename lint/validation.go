package lint

import "github.com/journeymap/journeymap/journey"

// ValidationMeta describes the validation checks, which are always errors
// and cannot be configured, so that output formats can describe every id
// they report.
func ValidationMeta() []*Meta {
	v := func(id, summary, rationale string) *Meta {
		return &Meta{ID: id, Severity: journey.Error, Summary: summary, Rationale: rationale}
	}
	return []*Meta{
		v(journey.RuleSyntax, "the file is not well-formed YAML", "A journey must parse before anything else can be said about it."),
		v(journey.RuleUnknownKey, "a key the format does not define (with a did-you-mean suggestion)", "Misspelt keys would otherwise be ignored silently; extension keys start with `x-`."),
		v(journey.RuleType, "a value of the wrong type, such as a list where a string belongs", "Types keep journeys machine-readable for every tool that reads them."),
		v(journey.RuleRequired, "a required key is missing or empty", "version, title, stages, ids and each touchpoint's channel are the minimum a journey needs."),
		v(journey.RuleRange, "a value outside its allowed range or set, such as emotion 5 or an unknown channel kind", "Scores and kinds only compare across journeys when they share one scale."),
		v(journey.RuleDuplicate, "an id used twice where ids must be unique", "Ids name stages, touchpoints and definitions; a repeated id makes references ambiguous."),
		v(journey.RuleUnresolved, "a reference to a channel, persona, metric, listening post, next touchpoint or owner that does not exist", "A reference that points nowhere is a broken map."),
		v(journey.RuleVersion, "an unsupported format version", "The format version tells journeymap how to read the file."),
		v(journey.RuleFile, "the file cannot be read, is too large, or is not UTF-8 text", "journeymap reads UTF-8 YAML text files of reasonable size."),
	}
}

// AllMeta lists validation checks then lint rules.
func AllMeta() []*Meta {
	out := ValidationMeta()
	for _, r := range Rules() {
		out = append(out, r.Meta())
	}
	return out
}
