package gateway

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// checkNumbers applies the GraphQL input coercion rules for Int and Float
// that the engine's variables validator skips (it accepts any JSON number):
// an Int is a whole number within 32 bits written without a fraction or
// exponent, a Float is finite. Without this,
// 1.5 or 1e999 for an Int went to the subgraph, whose error named the
// router's internal variable names. op is validated; opName selects the
// operation (or the only one). Type mismatches other than numbers are left
// to the engine's validator, which runs first.
func checkNumbers(op, schema *ast.Document, opName string, variables []byte) error {
	v := bytes.TrimSpace(variables)
	if len(v) == 0 || v[0] != '{' {
		return nil
	}
	var vars map[string]any
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if dec.Decode(&vars) != nil {
		return nil // checkVariables refused it already
	}
	for i := range op.OperationDefinitions {
		if opName != "" && op.OperationDefinitionNameString(i) != opName {
			continue
		}
		for _, d := range op.OperationDefinitions[i].VariableDefinitions.Refs {
			name := op.VariableDefinitionNameString(d)
			val, ok := vars[name]
			if !ok {
				continue
			}
			if msg := numbersIn(op, schema, op.VariableDefinitionType(d), val, nil); msg != "" {
				return &RequestError{Err: fmt.Errorf("Variable \"$%s\" got invalid value%s", name, msg), Code: "BAD_USER_INPUT"}
			}
		}
	}
	return nil
}

// numbersIn walks val along the type typeRef of doc (the operation for a
// variable's type, the schema for input fields) and describes the first
// number Int or Float cannot represent, or returns "".
func numbersIn(doc, schema *ast.Document, typeRef int, val any, path []string) string {
	t := doc.Types[typeRef]
	switch t.TypeKind {
	case ast.TypeKindNonNull:
		return numbersIn(doc, schema, t.OfType, val, path)
	case ast.TypeKindList:
		list, ok := val.([]any)
		if !ok {
			return numbersIn(doc, schema, t.OfType, val, path) // a single value coerces to a list
		}
		for i, item := range list {
			if msg := numbersIn(doc, schema, t.OfType, item, append(path, strconv.Itoa(i))); msg != "" {
				return msg
			}
		}
		return ""
	}
	name := doc.TypeNameString(typeRef)
	switch name {
	case "Int", "Float":
		n, ok := val.(json.Number)
		if !ok {
			return ""
		}
		f, err := strconv.ParseFloat(n.String(), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return at(path) + fmt.Sprintf("; %s cannot represent %s: it is not a finite number", name, n)
		}
		// An Int is written as one (no fraction or exponent): the
		// subgraphs read it as JSON and refuse 1.0 as an Int.
		if _, err := strconv.ParseInt(n.String(), 10, 32); name == "Int" && err != nil {
			return at(path) + fmt.Sprintf("; Int cannot represent %s: it must be a whole number from %d to %d, without a fraction or exponent", n, math.MinInt32, math.MaxInt32)
		}
		return ""
	}
	obj, ok := val.(map[string]any)
	if !ok {
		return ""
	}
	node, ok := schema.Index.FirstNodeByNameStr(name)
	if !ok || node.Kind != ast.NodeKindInputObjectTypeDefinition {
		return ""
	}
	for _, f := range schema.InputObjectTypeDefinitions[node.Ref].InputFieldsDefinition.Refs {
		field := schema.InputValueDefinitionNameString(f)
		fv, ok := obj[field]
		if !ok {
			continue
		}
		if msg := numbersIn(schema, schema, schema.InputValueDefinitionType(f), fv, append(path, field)); msg != "" {
			return msg
		}
	}
	return ""
}

func at(path []string) string {
	if len(path) == 0 {
		return ""
	}
	return fmt.Sprintf(" at %q", strings.Join(path, "."))
}
