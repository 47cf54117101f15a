package journey

// The field table: every key of the journey and workspace formats (SPEC §3,
// §4) with its shape, whether it is required, its allowed values and what it
// means. The decoder's lists of known keys, fmt's key order and the JSON
// Schema all read it, so the three cannot drift apart. Descriptions are one
// line each: editors show them on hover.

// Object names a kind of mapping in the formats: a journey, a stage, the
// workspace's lint section… Its fields are listed by Fields.
type Object string

// The objects of the journey and workspace formats.
const (
	ObjJourney    Object = "journey"
	ObjStage      Object = "stage"
	ObjTouchpoint Object = "touchpoint"
	ObjHandoff    Object = "handoff"
	ObjEmotion    Object = "emotion"
	ObjItem       Object = "item" // the {text, owner} form of a text-list entry
	ObjChannel    Object = "channel"
	ObjMetric     Object = "metric"
	ObjListening  Object = "listening"
	ObjPersona    Object = "persona"
	ObjWorkspace  Object = "workspace"
	ObjOwner      Object = "owner"
	ObjLint       Object = "lint"
	ObjOverride   Object = "override"    // an entry of lint.overrides
	ObjCustomRule Object = "custom-rule" // an entry of lint.custom
	ObjVocabulary Object = "vocabulary"  // lint.vocabulary
	ObjRender     Object = "render"
	ObjLintFile   Object = "lint-file" // a shared lint file named in lint.extends
)

// Shape is the kind of value a key takes.
type Shape int

// The shapes a value can take.
const (
	// ShapeText is a single value read as text; numbers and booleans are
	// taken as written.
	ShapeText Shape = iota
	// ShapeVersion is the format version: a whole number ("1" is accepted).
	ShapeVersion
	// ShapeScore is a whole number within Min..Max.
	ShapeScore
	// ShapeDate is a calendar date written YYYY-MM-DD.
	ShapeDate
	// ShapeIDs is a list of ids.
	ShapeIDs
	// ShapeItems is a list whose entries are text or {text, owner} (ObjItem).
	ShapeItems
	// ShapeObject is a mapping of Field.Object's keys.
	ShapeObject
	// ShapeList is a list of Field.Object mappings, in order.
	ShapeList
	// ShapeCatalogue maps ids to Field.Object definitions, in order.
	ShapeCatalogue
	// ShapeEmotion is a score, or {score, feeling} (ObjEmotion).
	ShapeEmotion
	// ShapeMoment is true/false, or a sentence saying why.
	ShapeMoment
	// ShapePersona is a persona id, or an inline persona (ObjPersona).
	ShapePersona
	// ShapeRuleSettings maps lint rule ids to off, a severity, or
	// {severity, parameters...}.
	ShapeRuleSettings
	// ShapeTexts is one value, or a list of values.
	ShapeTexts
)

// Field is one key of an object.
type Field struct {
	Key         string
	Shape       Shape
	Object      Object // the object inside, for ShapeObject, ShapeList, ShapeCatalogue, ShapeItems, ShapeEmotion, ShapePersona
	Required    bool
	Enum        []string // allowed values of a ShapeText key; nil when free
	Pattern     string   // a regular expression a text value matches (RE2 and ECMA-262 alike)
	MaxLength   int      // the longest a text value may be, in characters; 0 when unbounded
	Min, Max    int      // bounds of a ShapeScore
	Description string
}

// Patterns the format's values follow.
const (
	// KebabPattern is a journey id: lowercase words joined by single hyphens.
	KebabPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	// DatePattern is the shape of a date. A value of this shape that is no
	// calendar date (2026-02-30) is a range finding, any other a type finding.
	DatePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	// CalendarDatePattern matches exactly the calendar dates YYYY-MM-DD
	// (leap years included), for validators that check patterns only.
	CalendarDatePattern = `^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)$`
	// FontPattern is what a font family name may contain. Graphviz writes
	// the name into SVG attributes unescaped, so nothing else may pass.
	FontPattern = `^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$`
)

// ChannelKinds lists the allowed channel `kind` values.
func ChannelKinds() []string {
	return []string{"digital", "physical", "assisted", "self-service", "partner", "other"}
}

// MetricKinds lists the allowed metric `kind` values.
func MetricKinds() []string {
	return []string{"csat", "nps", "ces", "conversion", "churn", "time", "cost", "custom"}
}

// ListeningKinds lists the allowed listening post `kind` values.
func ListeningKinds() []string { return []string{"structured", "unstructured"} }

// Objects lists every object of the formats, journey objects first.
func Objects() []Object {
	return []Object{ObjJourney, ObjStage, ObjTouchpoint, ObjHandoff, ObjEmotion, ObjItem,
		ObjChannel, ObjMetric, ObjListening, ObjPersona, ObjWorkspace, ObjOwner, ObjLint,
		ObjOverride, ObjCustomRule, ObjVocabulary, ObjRender, ObjLintFile}
}

// Fields lists an object's keys in canonical order (the order fmt writes
// them in). It returns a fresh slice: callers may keep or change it.
func Fields(o Object) []Field {
	switch o {
	case ObjJourney:
		return []Field{
			{Key: "version", Shape: ShapeVersion, Required: true, Description: "The format version; this journeymap reads version 1."},
			{Key: "id", Pattern: KebabPattern, MaxLength: MaxIDLength, Description: "The journey's id, kebab-case; defaults to the file name without .journey.yaml."},
			{Key: "title", Required: true, Pattern: `\S`, Description: "The journey's title, shown as the heading of diagrams and reports."},
			{Key: "owner", Description: "Who is accountable for the whole journey (an owner id when the workspace lists owners)."},
			{Key: "persona", Shape: ShapePersona, Object: ObjPersona, Description: "The customer the journey is told for: a workspace persona id, or an inline {name, segment, needs}."},
			{Key: "segment", Description: "The customer segment, by value to the business."},
			{Key: "goal", Description: "The customer's goal, in the customer's words."},
			{Key: "outcome", Description: "The behaviour the business wants from the journey."},
			{Key: "principles", Shape: ShapeItems, Object: ObjItem, Description: "Experience principles the journey is designed to (free text)."},
			{Key: "reviewed", Shape: ShapeDate, Pattern: CalendarDatePattern, Description: "When the journey was last checked against reality, YYYY-MM-DD."},
			{Key: "metrics", Shape: ShapeCatalogue, Object: ObjMetric, Description: "Journey-level KPIs: metric id -> {name, kind, target}."},
			{Key: "listening", Shape: ShapeCatalogue, Object: ObjListening, Description: "Where customer feedback comes from: listening post id -> {name, kind}."},
			{Key: "channels", Shape: ShapeCatalogue, Object: ObjChannel, Description: "Channels this journey declares: channel id -> {name, kind, owner}; others come from the workspace."},
			{Key: "stages", Shape: ShapeList, Object: ObjStage, Required: true, Description: "The journey's stages in customer order; at least one."},
		}
	case ObjStage:
		return []Field{
			{Key: "id", Required: true, Pattern: `.`, Description: "The stage's id, unique among the journey's stages."},
			{Key: "name", Description: "The stage's name as shown; defaults to its id."},
			{Key: "owner", Description: "Default owner of the stage's touchpoints that name none."},
			{Key: "expectations", Shape: ShapeItems, Object: ObjItem, Description: "What the customer expects at this stage (outside-in)."},
			{Key: "touchpoints", Shape: ShapeList, Object: ObjTouchpoint, Description: "The stage's touchpoints, in the order the customer meets them."},
		}
	case ObjTouchpoint:
		return []Field{
			{Key: "id", Required: true, Pattern: `.`, Description: "The touchpoint's id, unique in the journey; `next` lists refer to it."},
			{Key: "name", Description: "What happens, in a few words; defaults to the id."},
			{Key: "channel", Required: true, Pattern: `.`, Description: "Where it happens: a channel id from the journey or the workspace."},
			{Key: "owner", Description: "Who is accountable for this touchpoint; defaults to the stage's owner."},
			{Key: "handoff", Shape: ShapeObject, Object: ObjHandoff, Description: "Documents the seam when the customer arrives here from another channel: what carries over and who owns it."},
			{Key: "moment_of_truth", Shape: ShapeMoment, Description: "A moment that decides the relationship: true, or (better) a sentence saying why."},
			{Key: "emotion", Shape: ShapeEmotion, Object: ObjEmotion, Min: -2, Max: 2, Description: "How the customer feels here: -2 (very negative) to 2 (very positive), or {score, feeling}."},
			{Key: "metrics", Shape: ShapeIDs, Description: "Ids of the metrics that measure this touchpoint."},
			{Key: "listening", Shape: ShapeIDs, Description: "Ids of the listening posts that hear the customer here."},
			{Key: "pain_points", Shape: ShapeItems, Object: ObjItem, Description: "What hurts the customer here."},
			{Key: "opportunities", Shape: ShapeItems, Object: ObjItem, Description: "Ideas to make this touchpoint better."},
			{Key: "backstage", Shape: ShapeItems, Object: ObjItem, Description: "Support work the customer never sees (service blueprint)."},
			{Key: "next", Shape: ShapeIDs, Description: "Explicit successors by touchpoint id; `[]` marks a place where the journey can end."},
		}
	case ObjHandoff:
		return []Field{
			{Key: "carries", Shape: ShapeItems, Object: ObjItem, Description: "What travels with the customer across the seam, so they need not repeat themselves."},
			{Key: "owner", Description: "Who is accountable for the seam."},
		}
	case ObjEmotion:
		return []Field{
			{Key: "score", Shape: ShapeScore, Required: true, Min: -2, Max: 2, Description: "How the customer feels: -2 (very negative) to 2 (very positive)."},
			{Key: "feeling", Description: "The feeling in a word: frustrated, relieved, anxious, joy…"},
		}
	case ObjItem:
		return []Field{
			{Key: "text", Required: true, Pattern: `.`, Description: "The entry's text."},
			{Key: "owner", Description: "Who is accountable for this entry."},
		}
	case ObjChannel:
		return []Field{
			{Key: "name", Description: "The channel's name as shown; defaults to its id."},
			{Key: "kind", Enum: ChannelKinds(), Description: "What kind of channel: digital, physical, assisted, self-service, partner or other."},
			{Key: "owner", Description: "Who is accountable for the channel."},
		}
	case ObjMetric:
		return []Field{
			{Key: "name", Description: "The metric's name as shown; defaults to its id."},
			{Key: "kind", Enum: MetricKinds(), Description: "What the metric measures: csat, nps, ces, conversion, churn, time, cost or custom."},
			{Key: "target", Description: "The target to reach, as text (e.g. \">= 85%\")."},
		}
	case ObjListening:
		return []Field{
			{Key: "name", Description: "The listening post's name as shown; defaults to its id."},
			{Key: "kind", Enum: ListeningKinds(), Description: "structured (surveys, scores) or unstructured (reviews, interviews)."},
		}
	case ObjPersona:
		return []Field{
			{Key: "name", Description: "The persona's name."},
			{Key: "segment", Description: "The customer segment the persona belongs to."},
			{Key: "needs", Shape: ShapeItems, Object: ObjItem, Description: "What the persona needs from the service."},
		}
	case ObjWorkspace:
		return []Field{
			{Key: "version", Shape: ShapeVersion, Required: true, Description: "The format version; this journeymap reads version 1."},
			{Key: "owners", Shape: ShapeCatalogue, Object: ObjOwner, Description: "Registry of accountable teams or people: owner id -> {name, contact}; when given, every owner named must be one of them."},
			{Key: "personas", Shape: ShapeCatalogue, Object: ObjPersona, Description: "Personas journeys refer to by id: persona id -> {name, segment, needs}."},
			{Key: "channels", Shape: ShapeCatalogue, Object: ObjChannel, Description: "The shared channel catalogue: channel id -> {name, kind, owner}."},
			{Key: "metrics", Shape: ShapeCatalogue, Object: ObjMetric, Description: "Shared metrics: metric id -> {name, kind, target}."},
			{Key: "listening", Shape: ShapeCatalogue, Object: ObjListening, Description: "Shared listening posts: id -> {name, kind}."},
			{Key: "lint", Shape: ShapeObject, Object: ObjLint, Description: "Lint settings: the failing severity and each rule's setting."},
			{Key: "render", Shape: ShapeObject, Object: ObjRender, Description: "Render settings: theme and font."},
		}
	case ObjOwner:
		return []Field{
			{Key: "name", Description: "The team's or person's name as shown."},
			{Key: "contact", Description: "How to reach them: an e-mail address, a channel."},
		}
	case ObjLint:
		return []Field{
			{Key: "extends", Shape: ShapeIDs, Description: "Presets (recommended, strict) or shared lint files, applied in order before this block."},
			{Key: "fail_on", Enum: Severities(), Description: "The lowest severity that makes lint exit 1: error, warning or info."},
			{Key: "suppressions", Enum: SuppressionPolicies(), Description: "What ignore comments may do: allow, require-reason or forbid."},
			{Key: "rules", Shape: ShapeRuleSettings, Description: "Rule settings: rule id -> off, a severity, or {severity, parameters}."},
			{Key: "overrides", Shape: ShapeList, Object: ObjOverride, Description: "Rule settings for the journeys whose paths match globs; later entries win."},
			{Key: "custom", Shape: ShapeList, Object: ObjCustomRule, Description: "The team's own rules, written in CEL."},
			{Key: "vocabulary", Shape: ShapeObject, Object: ObjVocabulary, Description: "Inside-out terms to avoid in stage and touchpoint names, and terms accepted anyway."},
		}
	case ObjOverride:
		return []Field{
			{Key: "files", Shape: ShapeTexts, Required: true, Description: "Globs of journey paths, relative to the workspace file (** crosses directories)."},
			{Key: "rules", Shape: ShapeRuleSettings, Description: "Rule settings for the matching journeys."},
		}
	case ObjCustomRule:
		return []Field{
			{Key: "id", Required: true, Pattern: KebabPattern, Description: "The rule's id, kebab-case, not a built-in rule's."},
			{Key: "severity", Enum: Severities(), Description: "error, warning (the default) or info."},
			{Key: "on", Required: true, Enum: CustomRuleTargets(), Description: "What one finding is about: journey, stage, touchpoint or handoff."},
			{Key: "when", Description: "A CEL expression: the rule applies only where it is true."},
			{Key: "require", Required: true, Pattern: `.`, Description: "A CEL expression that must be true, else a finding."},
			{Key: "message", Required: true, Pattern: `.`, Description: "The finding's message; {{expr}} inserts a value."},
			{Key: "help", Description: "How to fix it, shown with the finding."},
		}
	case ObjVocabulary:
		return []Field{
			{Key: "reject", Shape: ShapeIDs, Description: "Terms that name the organisation's inside, not the customer's world."},
			{Key: "accept", Shape: ShapeIDs, Description: "Terms accepted even though they look like rejected ones."},
		}
	case ObjLintFile:
		return []Field{
			{Key: "version", Shape: ShapeVersion, Description: "The format version; this journeymap reads version 1."},
			{Key: "lint", Shape: ShapeObject, Object: ObjLint, Required: true, Description: "The shared lint settings, of the workspace's lint shape."},
		}
	case ObjRender:
		return []Field{
			{Key: "theme", Description: "The diagram theme: light, dark or mono."},
			{Key: "font", Pattern: FontPattern, Description: "The font family diagrams name first (letters, digits, spaces and . _ - only)."},
		}
	}
	return nil
}

// FieldKeys lists an object's keys in canonical order.
func FieldKeys(o Object) []string {
	var keys []string
	for _, f := range Fields(o) {
		keys = append(keys, f.Key)
	}
	return keys
}

// FieldOf returns the field of an object with the given key.
func FieldOf(o Object, key string) (Field, bool) {
	for _, f := range Fields(o) {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// ObjectDescription says in one line what an object is.
func ObjectDescription(o Object) string {
	switch o {
	case ObjJourney:
		return "A customer journey: its stages, touchpoints, channels, owners, moments of truth and emotions."
	case ObjStage:
		return "A phase of the journey, holding touchpoints in order."
	case ObjTouchpoint:
		return "One interaction between the customer and the organisation."
	case ObjHandoff:
		return "The seam into this touchpoint from another channel."
	case ObjEmotion:
		return "How the customer feels: a score and a feeling."
	case ObjItem:
		return "An entry with an owner."
	case ObjChannel:
		return "A way the customer and the organisation meet."
	case ObjMetric:
		return "A measure of experience or business outcome."
	case ObjListening:
		return "A source of customer feedback."
	case ObjPersona:
		return "The customer the journey is told for."
	case ObjWorkspace:
		return "What the journeys of a workspace share: owners, personas, channels, metrics, listening posts, lint and render settings."
	case ObjOwner:
		return "An accountable team or person."
	case ObjLint:
		return "Lint settings."
	case ObjOverride:
		return "Rule settings for the journeys whose paths match."
	case ObjCustomRule:
		return "A rule of the team's own, written in CEL."
	case ObjVocabulary:
		return "Terms to avoid in names, and terms accepted anyway."
	case ObjLintFile:
		return "A shared lint file: a lint block that workspaces extend."
	case ObjRender:
		return "Render settings."
	}
	return ""
}
