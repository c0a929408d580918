package limits

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// Measures are an operation's sizes as the limits see them. All of them
// are taken on the document as parsed, before the engine normalises it,
// and saturate at a large value instead of overflowing.
type Measures struct {
	Depth      int
	Aliases    int
	RootFields int
	Cost       int
	// Fields is the number of selections (fields, inline fragments and
	// fragment spreads) once every fragment is inlined, @skip/@include
	// not applied: what normalisation has to copy (see selectionCounter).
	Fields int
	// Directives is the number of directives written in the document.
	Directives int
}

// tally is the measure of one selection set; fields counts its own
// (top-level) fields, which become RootFields at the root.
type tally struct {
	depth, aliases, fields, cost int
}

func (t *tally) merge(o tally) {
	t.depth = max(t.depth, o.depth)
	t.aliases = addCost(t.aliases, o.aliases)
	t.fields = addCost(t.fields, o.fields)
	t.cost = addCost(t.cost, o.cost)
}

// sizing carries a connection's size down to its sized fields (edges).
type sizing struct {
	fields []string
	size   int
}

func (s sizing) key() string { return strings.Join(s.fields, ",") + "#" + strconv.Itoa(s.size) }

// walker measures one operation as if its fragments were inlined. Each
// named fragment is measured once per sizing context and reused, so
// fragments spread many times cost linear work; a fragment that spreads
// itself (directly or not) contributes nothing on the second visit.
type walker struct {
	op, schema *ast.Document
	opRef      int
	vars       map[string]any
	model      *CostModel
	fragments  map[string]int
	memo       map[string]tally
	active     map[string]bool
	err        *Error
}

// Measure returns the depth, aliases, root fields and estimated cost of the
// named operation (or the only one when operationName is empty) in op,
// evaluating @skip/@include and slicing arguments with variables (JSON
// object, may be empty). model may be nil for the default weights.
func Measure(op, schema *ast.Document, operationName string, variables []byte, model *CostModel) (Measures, error) {
	w, err := newWalker(op, schema, operationName, variables, model)
	if err != nil {
		return Measures{}, err
	}
	def := op.OperationDefinitions[w.opRef]
	root := rootTypeName(schema, def.OperationType)
	var t tally
	if def.HasSelections {
		t = w.selectionSet(def.SelectionSet, root, sizing{})
	}
	if w.err != nil {
		return Measures{}, w.err
	}
	return Measures{Depth: t.depth, Aliases: t.aliases, RootFields: t.fields, Cost: t.cost,
		Fields: countSelections(op, w.opRef, w.fragments), Directives: len(op.Directives)}, nil
}

func newWalker(op, schema *ast.Document, operationName string, variables []byte, model *CostModel) (*walker, error) {
	w := &walker{op: op, schema: schema, opRef: -1, model: model, fragments: fragmentIndex(op), memo: map[string]tally{}, active: map[string]bool{}}
	var ops []int
	for i := range op.OperationDefinitions {
		if operationName == "" || op.OperationDefinitionNameString(i) == operationName {
			ops = append(ops, i)
		}
	}
	switch {
	case len(ops) == 1:
		w.opRef = ops[0]
	case operationName != "":
		return nil, &Error{Code: CodeOperation, Message: fmt.Sprintf("operationName: no single operation named %q", operationName)}
	default:
		return nil, &Error{Code: CodeOperation, Message: "operationName: required when the document has other than one operation"}
	}
	if v := bytes.TrimSpace(variables); len(v) > 0 && !bytes.Equal(v, []byte("null")) {
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.UseNumber()
		if err := dec.Decode(&w.vars); err != nil {
			// The decoder's text names Go types; clients get the rule.
			return nil, &Error{Code: CodeVariables, Message: "variables: must be a JSON object mapping variable names to values"}
		}
	}
	return w, nil
}

func rootTypeName(schema *ast.Document, t ast.OperationType) string {
	var name, def string
	switch t {
	case ast.OperationTypeMutation:
		name, def = string(schema.Index.MutationTypeName), "Mutation"
	case ast.OperationTypeSubscription:
		name, def = string(schema.Index.SubscriptionTypeName), "Subscription"
	default:
		name, def = string(schema.Index.QueryTypeName), "Query"
	}
	if name == "" {
		return def
	}
	return name
}

func (w *walker) selectionSet(set int, parent string, sized sizing) tally {
	var t tally
	for _, sel := range w.op.SelectionSets[set].SelectionRefs {
		s := w.op.Selections[sel]
		switch s.Kind {
		case ast.SelectionKindField:
			if !w.included(w.op.Fields[s.Ref].Directives.Refs) {
				continue
			}
			t.merge(w.field(s.Ref, parent, sized))
		case ast.SelectionKindInlineFragment:
			f := w.op.InlineFragments[s.Ref]
			if !w.included(f.Directives.Refs) || !f.HasSelections {
				continue
			}
			typ := parent
			if w.op.InlineFragmentHasTypeCondition(s.Ref) {
				typ = w.op.InlineFragmentTypeConditionNameString(s.Ref)
			}
			t.merge(w.selectionSet(f.SelectionSet, typ, sized))
		case ast.SelectionKindFragmentSpread:
			if !w.included(w.op.FragmentSpreads[s.Ref].Directives.Refs) {
				continue
			}
			t.merge(w.fragment(w.op.FragmentSpreadNameString(s.Ref), sized))
		}
	}
	return t
}

func (w *walker) fragment(name string, sized sizing) tally {
	key := name + "|" + sized.key()
	if t, ok := w.memo[key]; ok {
		return t
	}
	ref, ok := w.fragments[name]
	if !ok || w.active[name] {
		return tally{} // unknown fragment or a cycle: validation reports both
	}
	w.active[name] = true
	var t tally
	if f := w.op.FragmentDefinitions[ref]; f.HasSelections {
		t = w.selectionSet(f.SelectionSet, string(w.op.FragmentDefinitionTypeName(ref)), sized)
	}
	delete(w.active, name)
	w.memo[key] = t
	return t
}

// field measures one field: cost = argument weights + multiplier × (weight
// + cost of the selections), where the multiplier is the list size for
// list fields and for the sized fields of a connection.
func (w *walker) field(ref int, parent string, sized sizing) tally {
	name := w.op.FieldNameString(ref)
	t := tally{depth: 1, fields: 1}
	if w.op.FieldAliasIsDefined(ref) && w.op.FieldAliasString(ref) != name {
		t.aliases = 1
	}
	named, lists, composite, _ := w.fieldType(parent, name)
	key := parent + "." + name

	weight := w.model.typeWeight(named, composite)
	if parent == rootTypeName(w.schema, ast.OperationTypeMutation) && w.op.OperationDefinitions[w.opRef].OperationType == ast.OperationTypeMutation {
		weight = mutationWeight
	}
	if w.model != nil {
		if fw, ok := w.model.FieldWeights[key]; ok {
			weight = fw
		}
	}
	argCost := 0
	if w.model != nil {
		for _, a := range w.op.Fields[ref].Arguments.Refs {
			argCost = addCost(argCost, w.model.ArgumentWeights[key+"("+w.op.ArgumentNameString(a)+":)"])
		}
	}

	multiplier := 1
	var childSized sizing
	var ls ListSize
	hasLS := false
	if w.model != nil {
		ls, hasLS = w.model.ListSizes[key]
	}
	switch {
	case hasLS && len(ls.SizedFields) > 0:
		childSized = sizing{fields: ls.SizedFields, size: w.listSize(ref, key, ls)}
		if lists > 0 {
			multiplier = w.model.defaultListSize()
		}
	case hasLS:
		multiplier = w.listSize(ref, key, ls)
	case lists > 0:
		multiplier = w.model.defaultListSize()
	}
	for _, f := range sized.fields {
		if f == name {
			multiplier = sized.size
		}
	}

	var children tally
	if w.op.Fields[ref].HasSelections {
		children = w.selectionSet(w.op.Fields[ref].SelectionSet, named, childSized)
	}
	t.depth = addCost(t.depth, children.depth)
	t.aliases = addCost(t.aliases, children.aliases)
	t.cost = addCost(argCost, mulCost(multiplier, addCost(weight, children.cost)))
	return t
}

// listSize is the size @listSize gives a field: the largest slicing
// argument given, else assumedSize, else the default list size.
func (w *walker) listSize(ref int, key string, ls ListSize) int {
	size, given := 0, 0
	for _, arg := range ls.SlicingArguments {
		if n, ok := w.intArgument(ref, arg); ok {
			given++
			size = max(size, n)
		}
	}
	if ls.RequireOneSlicingArgument && len(ls.SlicingArguments) > 0 && given != 1 && w.err == nil {
		w.err = &Error{Code: CodeSlicingArguments, Message: fmt.Sprintf("%s: give exactly one of the arguments %s (found %d)", key, strings.Join(ls.SlicingArguments, ", "), given)}
	}
	switch {
	case given > 0:
		return size
	case ls.AssumedSize > 0:
		return ls.AssumedSize
	default:
		return w.model.defaultListSize()
	}
}

// fieldType resolves parent.field in the schema: the named type, how many
// list wrappers it has and whether it is an object, interface or union.
// Unknown fields (left for validation to report) are scalar-like.
func (w *walker) fieldType(parent, field string) (named string, lists int, composite, found bool) {
	node, ok := w.schema.Index.FirstNodeByNameStr(parent)
	if !ok {
		return "", 0, false, false
	}
	def, ok := w.schema.NodeFieldDefinitionByName(node, []byte(field))
	if !ok {
		return "", 0, false, false
	}
	t := w.schema.FieldDefinitionType(def)
	for w.schema.Types[t].TypeKind != ast.TypeKindNamed {
		if w.schema.Types[t].TypeKind == ast.TypeKindList {
			lists++
		}
		t = w.schema.Types[t].OfType
	}
	named = w.schema.TypeNameString(t)
	if n, ok := w.schema.Index.FirstNodeByNameStr(named); ok {
		switch n.Kind {
		case ast.NodeKindObjectTypeDefinition, ast.NodeKindInterfaceTypeDefinition, ast.NodeKindUnionTypeDefinition:
			composite = true
		}
	}
	return named, lists, composite, true
}
