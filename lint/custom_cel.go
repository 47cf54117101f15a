package lint

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"cel.dev/cel-go/checker"
	"cel.dev/cel-go/common"
	celast "cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/containers"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/decls"
	celenv "cel.dev/cel-go/common/env"
	"cel.dev/cel-go/common/stdlib"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
	"cel.dev/cel-go/parser"

	"github.com/journeymap/journeymap/journey"
)

// Bounds on custom rule expressions. CEL has no loops, but comprehensions
// over comprehensions can still do a great deal of work: the cost limit
// stops any one evaluation after that many steps (a journey with a
// thousand touchpoints checked pairwise is about a million).
const (
	celCostLimit      = 1_000_000
	celExpressionSize = 4096
	celRecursionLimit = 64
)

var errCostLimit = errors.New("exceeded the cost limit")

// lookups are the functions custom rules call to follow an id; each is a
// macro over a hidden map of the journey's and workspace's definitions,
// so that a program compiled once serves every journey.
func lookups() []struct{ fn, hidden string } {
	return []struct{ fn, hidden string }{
		{"metric", "__metrics"},
		{"listening", "__listening"},
		{"channel", "__channels"},
		{"owner", "__owners"},
	}
}

// sharedCELEnv is the one CEL environment of the process, built on first
// use. It is immutable once built and safe for concurrent use.
var sharedCELEnv = sync.OnceValues(newCELEnv)

// celEnv is CEL's standard environment plus the rule variables and
// lookups, assembled from cel-go's parser, checker and interpreter rather
// than through its top-level cel package. That package links protobuf's
// descriptor machinery (protodesc, descriptorpb), whose package
// initialisation ran before main in every journeymap command, custom
// rules or not: about a millisecond of a five-millisecond `journeymap
// version`. What is assembled here is what cel.NewEnv builds for these
// options (docs/performance.md); lint/custom_test.go and FuzzCustomRule
// hold it to the same parses, types, values and messages.
type celEnv struct {
	parser  *parser.Parser
	checker *checker.Env
	interp  interpreter.Interpreter
	// tracker counts an evaluation's cost; each evaluation uses a clone.
	tracker *cost.Tracker
}

func newCELEnv() (*celEnv, error) {
	record := types.NewMapType(types.StringType, types.DynType)
	reg, err := types.NewRegistry()
	if err != nil {
		return nil, err
	}
	lookupFn, err := decls.NewFunction("__lookup",
		decls.Overload("__lookup_map_string", []*types.Type{types.NewMapType(types.StringType, record), types.StringType}, record,
			decls.BinaryBinding(lookup)))
	if err != nil {
		return nil, err
	}
	// A copy: stdlib.Functions is cel-go's own slice, not ours to append to.
	functions := append(slices.Clip(stdlib.Functions()), lookupFn)
	var variables []*decls.VariableDecl
	for _, v := range []string{"journey", "stage", "touchpoint", "handoff"} {
		variables = append(variables, decls.NewVariable(v, record))
	}
	macros := append([]parser.Macro{}, parser.AllMacros...)
	for _, l := range lookups() {
		variables = append(variables, decls.NewVariable(l.hidden, types.NewMapType(types.StringType, record)))
		hidden := l.hidden
		macros = append(macros, parser.NewGlobalMacro(l.fn, 1,
			func(eh parser.ExprHelper, _ celast.Expr, args []celast.Expr) (celast.Expr, *common.Error) {
				return eh.NewCall("__lookup", eh.NewIdent(hidden), args[0]), nil
			}))
	}

	prsr, err := parser.NewParser(
		parser.Macros(macros...),
		parser.ExpressionSizeCodePointLimit(celExpressionSize),
		parser.MaxRecursionDepth(celRecursionLimit))
	if err != nil {
		return nil, err
	}

	// The catalog is where the checker finds its did-you-mean for an
	// undeclared name: `touchpont` gets "did you mean 'touchpoint'?".
	catalog := celenv.NewCatalog()
	for _, v := range variables {
		catalog.Add(&celenv.CatalogSymbol{Name: v.Name(), Kind: celenv.VariableKind})
	}
	for _, f := range functions {
		catalog.Add(&celenv.CatalogSymbol{Name: f.Name(), Kind: celenv.FunctionKind})
	}
	for _, t := range stdlib.Types() {
		catalog.Add(&celenv.CatalogSymbol{Name: t.Name(), Kind: celenv.TypeKind})
	}
	for _, m := range macros {
		catalog.Add(&celenv.CatalogSymbol{Name: m.Function(), Kind: celenv.MacroKind})
	}
	chk, err := checker.NewEnv(containers.DefaultContainer, reg,
		checker.CrossTypeNumericComparisons(true),
		checker.Catalog(func() *celenv.Catalog { return catalog }))
	if err != nil {
		return nil, err
	}
	if err := chk.AddIdents(variables...); err != nil {
		return nil, err
	}
	if err := chk.AddFunctions(functions...); err != nil {
		return nil, err
	}

	disp := interpreter.NewDispatcher()
	for _, f := range functions {
		bindings, err := f.Bindings()
		if err != nil {
			return nil, err
		}
		if err := disp.Add(bindings...); err != nil {
			return nil, err
		}
	}
	attrs := interpreter.NewAttributeFactory(containers.DefaultContainer, reg, reg)
	tracker, err := interpreter.NewCostTracker(nil, interpreter.CostTrackerLimit(celCostLimit))
	if err != nil {
		return nil, err
	}
	return &celEnv{
		parser:  prsr,
		checker: chk,
		interp:  interpreter.NewInterpreter(disp, containers.DefaultContainer, reg, reg, attrs),
		tracker: tracker,
	}, nil
}

// compile parses and type-checks src.
func (e *celEnv) compile(src string) (*celast.AST, *common.Errors) {
	source, err := common.NewTextSourceWithLimit(src, celExpressionSize)
	if err != nil {
		errs := common.NewErrors(common.NewTextSource(""))
		errs.ReportErrorString(common.NoLocation, err.Error())
		return nil, errs
	}
	parsed, errs := e.parser.Parse(source)
	if len(errs.GetErrors()) > 0 {
		return nil, errs
	}
	checked, errs := checker.Check(parsed, source, e.checker)
	if len(errs.GetErrors()) > 0 {
		return nil, errs
	}
	return checked, nil
}

// program plans a checked expression for evaluation, its cost counted.
func (e *celEnv) program(a *celast.AST) (interpreter.Interpretable, error) {
	return e.interp.NewInterpretable(a, interpreter.CostObserver(interpreter.CostTrackerFactory(e.tracker.Clone)))
}

// lookup finds an id in a definitions map; an unknown id gives the map's
// "" entry, a record whose every key is empty, so `metric(m).kind == "nps"`
// is simply false.
func lookup(m, id ref.Val) ref.Val {
	mapper, ok := m.(traits.Mapper)
	if !ok {
		return types.NewErr("lookup on %s", m.Type())
	}
	if v, found := mapper.Find(id); found {
		return v
	}
	v, _ := mapper.Find(types.String(""))
	return v
}

// celProgram is one compiled expression.
type celProgram struct {
	prg  interpreter.Interpretable
	what string // "when", "require", "message {{…}}"
	pos  journey.Pos
}

func (p *celProgram) eval(vars map[string]any) (ref.Val, error) {
	out, err := p.run(vars)
	if err != nil {
		if strings.Contains(err.Error(), "cost limit") {
			return nil, fmt.Errorf("%w of %d on a journey; the expression does too much work (nested comprehensions over long lists?)", errCostLimit, celCostLimit)
		}
		msg := err.Error()
		if strings.Contains(msg, "no such overload") {
			// Almost always a null: an unscored emotion, compared as a number.
			msg += "; a value was null or of another type than the expression expects (an unscored `emotion.score` is null: guard it with `score != null && …`)"
		}
		return nil, fmt.Errorf("could not be evaluated on a journey: %s", msg)
	}
	return out, nil
}

// run evaluates the program on vars; a CEL error value, or the cost
// limit's cancellation, is an error.
func (p *celProgram) run(vars map[string]any) (out ref.Val, err error) {
	defer func() {
		if r := recover(); r != nil {
			cancelled, ok := r.(interpreter.EvalCancelledError)
			if !ok {
				panic(r)
			}
			out, err = nil, cancelled
		}
	}()
	activation, err := interpreter.NewActivation(vars)
	if err != nil {
		return nil, err
	}
	out = p.prg.Eval(activation)
	if e, ok := out.(*types.Err); ok {
		return nil, e
	}
	return out, nil
}

func (p *celProgram) bool(vars map[string]any) (bool, error) {
	v, err := p.eval(vars)
	if err != nil {
		return false, err
	}
	b, ok := v.(types.Bool)
	if !ok {
		return false, fmt.Errorf("gave %s, not true or false", describeValue(v))
	}
	return bool(b), nil
}

// scopeVars are the variables a rule on `on` sees.
func scopeVars(on string) []string {
	switch on {
	case "stage":
		return []string{"journey", "stage"}
	case "touchpoint":
		return []string{"journey", "stage", "touchpoint"}
	case "handoff":
		return []string{"journey", "handoff"}
	}
	return []string{"journey"}
}

// celIssue is a mistake in an expression, at a line (1-based) and column
// (0-based, in characters) of the expression's own text.
type celIssue struct {
	line, col int
	msg       string
}

// compileExpr parses and type-checks one expression.
func compileExpr(env *celEnv, scope []string, src, what string, wantBool bool) (*celProgram, []celIssue) {
	ast, errs := env.compile(src)
	if errs != nil {
		var out []celIssue
		for _, e := range errs.GetErrors() {
			var size, limit int
			if _, err := fmt.Sscanf(e.Message, "expression code point size exceeds limit: size: %d, limit %d", &size, &limit); err == nil {
				// Reported at no location (line -1): it is about the whole expression.
				out = append(out, celIssue{1, 0, fmt.Sprintf("the expression is %d characters long; CEL accepts at most %d", size, limit)})
				continue
			}
			out = append(out, celIssue{e.Location.Line(), e.Location.Column(), plainCELMessage(e.Message)})
		}
		return nil, out
	}
	// Variables out of scope are declared in the environment (one
	// environment serves every rule), so scope is checked here.
	if out := checkShapes(ast, scope); len(out) > 0 {
		return nil, out
	}
	if wantBool {
		t := ast.GetType(ast.Expr().ID())
		if !t.IsExactType(types.BoolType) && !t.IsExactType(types.DynType) {
			return nil, []celIssue{{1, 0, fmt.Sprintf("must be true or false, but gives %s", celTypeName(t))}}
		}
	}
	prg, err := env.program(ast)
	if err != nil {
		return nil, []celIssue{{1, 0, err.Error()}}
	}
	return &celProgram{prg: prg, what: what}, nil
}

// plainCELMessage shortens the parser's messages, which list every token
// it could have accepted, to what a rule author needs.
func plainCELMessage(msg string) string {
	msg = strings.TrimSpace(msg)
	if strings.Contains(msg, "mismatched input '<EOF>'") {
		return "Syntax error: the expression ends too early (an unclosed bracket, or a missing operand or argument?)"
	}
	if i := strings.Index(msg, " expecting {"); i > 0 && strings.HasPrefix(msg, "Syntax error") {
		return msg[:i]
	}
	return msg
}

func celTypeName(t *types.Type) string {
	switch {
	case t.IsExactType(types.StringType):
		return "a string"
	case t.IsExactType(types.IntType), t.IsExactType(types.DoubleType), t.IsExactType(types.UintType):
		return "a number"
	}
	return t.String()
}

// describeValue says what a value is, for a message about a value of the
// wrong type: `when gave the text "Report a fault"` rather than `when gave
// Report a fault`.
func describeValue(v ref.Val) string {
	switch x := v.(type) {
	case nil, types.Null:
		return "null (not set)"
	case types.String:
		return fmt.Sprintf("the text %q", string(x))
	case traits.Lister:
		return "a list (" + showValue(v) + ")"
	case traits.Mapper:
		return "a record"
	}
	return fmt.Sprintf("the %s %s", v.Type().TypeName(), showValue(v))
}

// showValue spells a value for a message: strings as they are, lists
// joined by commas, null as "not set".
func showValue(v ref.Val) string {
	switch x := v.(type) {
	case nil, types.Null:
		return "not set"
	case types.String:
		if x == "" {
			return "not set"
		}
		return string(x)
	case traits.Lister:
		n, _ := x.Size().(types.Int)
		var parts []string
		for i := types.Int(0); i < n; i++ {
			parts = append(parts, showValue(x.Get(i)))
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, ", ")
	case traits.Mapper:
		if id, found := x.Find(types.String("id")); found {
			return showValue(id)
		}
	}
	return fmt.Sprint(v.Value())
}

// checkShapes reports, for every `a.b.c` chain that starts at a variable
// (or a comprehension variable over one of its lists), a key the model does
// not have, with a did-you-mean; and variables the rule cannot see. CEL's
// own checker cannot: the model is maps, where any key type-checks.
func checkShapes(a *celast.AST, scope []string) []celIssue {
	var out []celIssue
	info := a.SourceInfo()
	colOf := func(id int64) (int, int) {
		loc := info.GetStartLocation(id)
		return loc.Line(), loc.Column()
	}
	vars := map[string]*shape{}
	for _, v := range scope {
		vars[v] = modelShape(v)
	}
	var walk func(e celast.Expr, env map[string]*shape) *shape
	walk = func(e celast.Expr, env map[string]*shape) *shape {
		switch e.Kind() {
		case celast.IdentKind:
			name := e.AsIdent()
			if s, ok := env[name]; ok {
				return s
			}
			if modelShape(name) != nil {
				l, c := colOf(e.ID())
				out = append(out, celIssue{l, c, fmt.Sprintf("%q is not available in a rule on %s; it sees %s", name, scope[len(scope)-1], strings.Join(scope, ", "))})
			}
			return nil
		case celast.SelectKind:
			sel := e.AsSelect()
			s := walk(sel.Operand(), env)
			if s == nil || s.fields == nil {
				return nil
			}
			child, ok := s.fields[sel.FieldName()]
			if !ok {
				l, c := colOf(e.ID())
				// CEL places a selection at its dot; point at the key.
				out = append(out, celIssue{l, c + 1, unknownKey(s, sel.FieldName())})
				return nil
			}
			return child
		case celast.CallKind:
			call := e.AsCall()
			if call.IsMemberFunction() {
				walk(call.Target(), env)
			}
			var res *shape
			for _, arg := range call.Args() {
				walk(arg, env)
			}
			if call.FunctionName() == "__lookup" && len(call.Args()) == 2 && call.Args()[0].Kind() == celast.IdentKind {
				res = lookupShape(call.Args()[0].AsIdent())
			}
			return res
		case celast.ListKind:
			for _, el := range e.AsList().Elements() {
				walk(el, env)
			}
		case celast.MapKind:
			for _, en := range e.AsMap().Entries() {
				me := en.AsMapEntry()
				walk(me.Key(), env)
				walk(me.Value(), env)
			}
		case celast.ComprehensionKind:
			comp := e.AsComprehension()
			rng := walk(comp.IterRange(), env)
			inner := map[string]*shape{}
			for k, v := range env {
				inner[k] = v
			}
			if rng != nil && rng.elem != nil {
				inner[comp.IterVar()] = rng.elem
			} else {
				inner[comp.IterVar()] = &shape{} // a value of unknown shape
			}
			walk(comp.AccuInit(), env)
			walk(comp.LoopCondition(), inner)
			walk(comp.LoopStep(), inner)
			walk(comp.Result(), inner)
		}
		return nil
	}
	walk(a.Expr(), vars)
	return out
}

func unknownKey(s *shape, key string) string {
	var keys []string
	for k := range s.fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msg := fmt.Sprintf("%s has no key %q", s.name, key)
	if sug := suggestKey(key, keys); sug != "" {
		msg += fmt.Sprintf("; did you mean %q?", sug)
	}
	return msg + " (keys: " + strings.Join(keys, ", ") + ")"
}
