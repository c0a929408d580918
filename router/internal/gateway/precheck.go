package gateway

import (
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
)

// precheck validates, on the document as parsed, what the engine's
// normaliser and validator must not meet unchecked:
//
//   - a selection on __typename (`{ __typename { id } }`): the engine's
//     FieldSelections rule skips __typename, walks into its selections
//     with a scalar as the enclosing type, and then indexes the operation
//     document with a schema node (index out of range: a panic);
//   - a fragment on a type that is unknown or not an object, interface or
//     union, for the same reason;
//   - fragment cycles and unused fragments (normalisation inlines and
//     drops fragments before the engine validates, so it would never see
//     the last);
//   - directives that are unknown, misplaced or repeated at one location
//     when not repeatable: the normaliser tries to remove @skip/@include
//     from an operation or a variable definition and logs a line each
//     time ("RemoveDirectiveFromNode not implemented"), so a flood of them
//     must not reach it.
//
// It visits every selection set of the document once (fragments are
// checked where they are defined, never expanded), so its cost is linear
// in the document, which the token limit bounds. The first problem found
// is returned as the GraphQL validation error the engine would give.
func precheck(op, schema *ast.Document) error {
	c := checker{op: op, schema: schema, fragments: map[string]int{}, uses: map[int][]int{}}
	for i := range op.FragmentDefinitions {
		name := op.FragmentDefinitionNameString(i)
		if _, dup := c.fragments[name]; dup {
			return c.fail(operationreport.ErrFragmentDefinitionMustBeUnique(op.FragmentDefinitionNameBytes(i)))
		}
		c.fragments[name] = i
	}
	for i := range op.OperationDefinitions {
		def := op.OperationDefinitions[i]
		c.owner = -1
		c.directives(def.Directives.Refs, operationLocation(def.OperationType))
		for _, v := range def.VariableDefinitions.Refs {
			c.directives(op.VariableDefinitions[v].Directives.Refs, ast.ExecutableDirectiveLocationVariableDefinition)
		}
		if def.HasSelections {
			c.selectionSet(def.SelectionSet, rootType(schema, def.OperationType))
		}
	}
	for i := range op.FragmentDefinitions {
		f := op.FragmentDefinitions[i]
		c.owner = i
		c.directives(f.Directives.Refs, ast.ExecutableDirectiveLocationFragmentDefinition)
		typ, known, ok := c.condition(op.FragmentDefinitionTypeName(i))
		if !ok {
			if c.err == nil {
				e := operationreport.ErrFragmentDefinitionOnTypeDisallowed(op.FragmentDefinitionNameBytes(i), op.FragmentDefinitionTypeName(i))
				if !known {
					e = operationreport.ErrTypeUndefined(op.FragmentDefinitionTypeName(i))
				}
				c.err = c.fail(withLocation(e, f.FragmentLiteral.LineStart, f.FragmentLiteral.CharStart))
			}
			continue
		}
		if f.HasSelections {
			c.selectionSet(f.SelectionSet, typ)
		}
	}
	if c.err != nil {
		return c.err
	}
	if err := c.fragmentGraph(); err != nil {
		return err
	}
	return nil
}

// checker carries one precheck. owner is the fragment definition being
// walked (-1: an operation); uses records which fragments each fragment
// spreads (key -1: the operations), for reachability and cycles.
type checker struct {
	op, schema *ast.Document
	fragments  map[string]int
	owner      int
	uses       map[int][]int
	err        error
}

func (c *checker) fail(e operationreport.ExternalError) error {
	var r operationreport.Report
	r.AddExternalError(e)
	return r
}

func (c *checker) selectionSet(set int, parent ast.Node) {
	for _, sel := range c.op.SelectionSets[set].SelectionRefs {
		if c.err != nil {
			return
		}
		s := c.op.Selections[sel]
		switch s.Kind {
		case ast.SelectionKindField:
			c.field(s.Ref, parent)
		case ast.SelectionKindInlineFragment:
			f := c.op.InlineFragments[s.Ref]
			c.directives(f.Directives.Refs, ast.ExecutableDirectiveLocationInlineFragment)
			typ := parent
			if c.op.InlineFragmentHasTypeCondition(s.Ref) {
				name := c.op.InlineFragmentTypeConditionName(s.Ref)
				var known, ok bool
				if typ, known, ok = c.condition(name); !ok {
					e := operationreport.ErrInlineFragmentOnTypeDisallowed(name)
					if !known {
						e = operationreport.ErrTypeUndefined(name)
					}
					c.err = c.fail(withLocation(e, f.Spread.LineStart, f.Spread.CharStart))
					return
				}
			}
			if f.HasSelections {
				c.selectionSet(f.SelectionSet, typ)
			}
		case ast.SelectionKindFragmentSpread:
			sp := c.op.FragmentSpreads[s.Ref]
			c.directives(sp.Directives.Refs, ast.ExecutableDirectiveLocationFragmentSpread)
			// An unknown fragment is the engine's to report (it does so
			// safely, with the path of the spread).
			if ref, ok := c.fragments[c.op.FragmentSpreadNameString(s.Ref)]; ok {
				c.uses[c.owner] = append(c.uses[c.owner], ref)
			}
		}
	}
}

// field checks one field against its parent type. Only a selection on
// __typename is refused here: the engine's FieldSelections rule returns
// early for __typename and then walks its selections with a scalar as the
// enclosing type, which panics. Every other field is left to the engine's
// validator, which reports unknown fields, selections on leaves and
// missing selections with its own messages and stops at the first, before
// it walks the field's selections; so precheck walks into a field only
// when its type is an object, interface or union.
func (c *checker) field(ref int, parent ast.Node) {
	f := c.op.Fields[ref]
	c.directives(f.Directives.Refs, ast.ExecutableDirectiveLocationField)
	if c.err != nil || !f.HasSelections {
		return
	}
	name := c.op.FieldNameBytes(ref)
	if string(name) == "__typename" {
		c.err = c.fail(operationreport.ErrFieldSelectionOnLeaf(name, "String!", c.op.SelectionSets[f.SelectionSet].LBrace))
		return
	}
	if parent.Kind == ast.NodeKindUnionTypeDefinition {
		return // only __typename may be selected on a union
	}
	def, ok := c.schema.NodeFieldDefinitionByName(parent, name)
	if !ok {
		return
	}
	named, ok := c.schema.Index.FirstNodeByNameBytes(c.schema.ResolveTypeNameBytes(c.schema.FieldDefinitionType(def)))
	if ok && composite(named) {
		c.selectionSet(f.SelectionSet, named)
	}
}

// condition resolves a fragment's type condition: known says the schema
// has the type, ok that it is an object, interface or union.
func (c *checker) condition(name ast.ByteSlice) (n ast.Node, known, ok bool) {
	n, known = c.schema.Index.FirstNodeByNameBytes(name)
	return n, known, known && composite(n)
}

func composite(n ast.Node) bool {
	switch n.Kind {
	case ast.NodeKindObjectTypeDefinition, ast.NodeKindInterfaceTypeDefinition, ast.NodeKindUnionTypeDefinition:
		return true
	}
	return false
}

// rootType is the schema's root type node of an operation type (Kind
// unknown when the schema has none, which the field check then reports).
func rootType(schema *ast.Document, t ast.OperationType) ast.Node {
	var name ast.ByteSlice
	switch t {
	case ast.OperationTypeMutation:
		name = schema.Index.MutationTypeName
	case ast.OperationTypeSubscription:
		name = schema.Index.SubscriptionTypeName
	default:
		name = schema.Index.QueryTypeName
	}
	if len(name) == 0 {
		return ast.Node{Kind: ast.NodeKindUnknown, Ref: -1}
	}
	n, _ := schema.Index.FirstNodeByNameBytes(name)
	return n
}

func withLocation(e operationreport.ExternalError, line, col uint32) operationreport.ExternalError {
	e.Locations = []operationreport.Location{{Line: line, Column: col}}
	return e
}
