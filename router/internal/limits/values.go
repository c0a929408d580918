package limits

import (
	"encoding/json"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// included evaluates @skip(if:) and @include(if:) with literal or variable
// conditions. A condition that cannot be evaluated (a variable that is
// neither given nor defaulted) counts the selection: limits must not be
// dodged by leaving a variable out.
func (w *walker) included(directives []int) bool {
	for _, d := range directives {
		name := w.op.DirectiveNameString(d)
		if name != "skip" && name != "include" {
			continue
		}
		for _, a := range w.op.Directives[d].Arguments.Refs {
			if w.op.ArgumentNameString(a) != "if" {
				continue
			}
			b, ok := w.boolValue(w.op.ArgumentValue(a))
			if ok && (name == "skip") == b {
				return false
			}
		}
	}
	return true
}

func (w *walker) boolValue(v ast.Value) (bool, bool) {
	switch v.Kind {
	case ast.ValueKindBoolean:
		return bool(w.op.BooleanValue(v.Ref)), true
	case ast.ValueKindVariable:
		name := w.op.VariableValueNameString(v.Ref)
		if x, ok := w.vars[name]; ok {
			b, isBool := x.(bool)
			return b, isBool
		}
		if d, ok := w.variableDefault(name); ok {
			return w.boolValue(d)
		}
	}
	return false, false
}

// intArgument returns the value of an Int argument of field ref, literal or
// from a variable (or its default); null and absent are "not given".
func (w *walker) intArgument(ref int, name string) (int, bool) {
	a, ok := w.op.FieldArgument(ref, []byte(name))
	if !ok {
		return 0, false
	}
	return w.intValue(w.op.ArgumentValue(a))
}

func (w *walker) intValue(v ast.Value) (int, bool) {
	switch v.Kind {
	case ast.ValueKindInteger:
		return clampInt(w.op.IntValueAsInt(v.Ref)), true
	case ast.ValueKindVariable:
		name := w.op.VariableValueNameString(v.Ref)
		if x, ok := w.vars[name]; ok {
			n, isNum := x.(json.Number)
			if !isNum {
				return 0, false
			}
			i, err := n.Int64()
			if err != nil {
				return 0, false
			}
			return clampInt(i), true
		}
		if d, ok := w.variableDefault(name); ok {
			return w.intValue(d)
		}
	}
	return 0, false
}

func (w *walker) variableDefault(name string) (ast.Value, bool) {
	d, ok := w.op.VariableDefinitionByNameAndOperation(w.opRef, []byte(name))
	if !ok || !w.op.VariableDefinitions[d].DefaultValue.IsDefined {
		return ast.Value{}, false
	}
	return w.op.VariableDefinitions[d].DefaultValue.Value, true
}

// clampInt keeps a client-given size within cost arithmetic; a negative
// size is no size.
func clampInt(i int64) int {
	return int(max(0, min(i, maxCost)))
}
