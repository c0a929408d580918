package server

import (
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// depth returns the deepest field nesting of the named operation (or of
// every operation when name is empty), following fragment spreads once per
// path so cyclic fragments cannot loop. A query { a { b } } has depth 2.
func depth(doc *ast.Document, name string) int {
	if doc == nil {
		return 0
	}
	frags := map[string]int{}
	for i := range doc.FragmentDefinitions {
		frags[doc.FragmentDefinitionNameString(i)] = i
	}
	max := 0
	for i, op := range doc.OperationDefinitions {
		if name != "" && doc.OperationDefinitionNameString(i) != name {
			continue
		}
		if op.HasSelections {
			if d := selectionDepth(doc, frags, op.SelectionSet, map[string]bool{}); d > max {
				max = d
			}
		}
	}
	return max
}

func selectionDepth(doc *ast.Document, frags map[string]int, set int, visiting map[string]bool) int {
	max := 0
	for _, sel := range doc.SelectionSets[set].SelectionRefs {
		s := doc.Selections[sel]
		d := 0
		switch s.Kind {
		case ast.SelectionKindField:
			d = 1
			if f := doc.Fields[s.Ref]; f.HasSelections {
				d += selectionDepth(doc, frags, f.SelectionSet, visiting)
			}
		case ast.SelectionKindInlineFragment:
			if f := doc.InlineFragments[s.Ref]; f.HasSelections {
				d = selectionDepth(doc, frags, f.SelectionSet, visiting)
			}
		case ast.SelectionKindFragmentSpread:
			name := doc.FragmentSpreadNameString(s.Ref)
			ref, ok := frags[name]
			if !ok || visiting[name] || !doc.FragmentDefinitions[ref].HasSelections {
				continue
			}
			visiting[name] = true
			d = selectionDepth(doc, frags, doc.FragmentDefinitions[ref].SelectionSet, visiting)
			delete(visiting, name)
		}
		if d > max {
			max = d
		}
	}
	return max
}
