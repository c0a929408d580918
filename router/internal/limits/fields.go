package limits

import "github.com/wundergraph/graphql-go-tools/v2/pkg/ast"

// selectionCounter counts the selections an operation has once every
// fragment spread is inlined, without inlining anything: each named
// fragment is counted once and its count reused wherever it is spread, so a
// "fragment bomb" (F1 spreads F0 twice, F2 spreads F1 twice, ... F20) is
// measured in time linear in the document, with arithmetic that saturates
// instead of overflowing.
//
// Every field, inline fragment and fragment spread counts as one
// selection, plus what it holds, whatever its @skip/@include say: the
// engine's normaliser may copy fragment contents before it drops skipped
// selections, so the work and memory of normalisation follow this count,
// not the count that is finally executed; it is an upper bound on the
// selections of the normalised operation. A spread of an unknown fragment
// or one that closes a cycle holds nothing (validation refuses both).
type selectionCounter struct {
	op        *ast.Document
	fragments map[string]int
	memo      map[int]int
	active    map[int]bool
}

// countSelections is the expanded selection count of operation opRef;
// fragments indexes the fragment definitions by name.
func countSelections(op *ast.Document, opRef int, fragments map[string]int) int {
	c := selectionCounter{op: op, fragments: fragments, memo: map[int]int{}, active: map[int]bool{}}
	def := op.OperationDefinitions[opRef]
	if !def.HasSelections {
		return 0
	}
	return c.selectionSet(def.SelectionSet)
}

func (c *selectionCounter) selectionSet(set int) int {
	if set < 0 || set >= len(c.op.SelectionSets) {
		return 0
	}
	n := 0
	for _, sel := range c.op.SelectionSets[set].SelectionRefs {
		s := c.op.Selections[sel]
		switch s.Kind {
		case ast.SelectionKindField:
			n = addCost(n, 1)
			if f := c.op.Fields[s.Ref]; f.HasSelections {
				n = addCost(n, c.selectionSet(f.SelectionSet))
			}
		case ast.SelectionKindInlineFragment:
			n = addCost(n, 1)
			if f := c.op.InlineFragments[s.Ref]; f.HasSelections {
				n = addCost(n, c.selectionSet(f.SelectionSet))
			}
		case ast.SelectionKindFragmentSpread:
			n = addCost(n, 1)
			n = addCost(n, c.fragment(c.op.FragmentSpreads[s.Ref].FragmentName))
		}
	}
	return n
}

func (c *selectionCounter) fragment(name ast.ByteSliceReference) int {
	ref, ok := c.fragments[c.op.Input.ByteSliceString(name)]
	if !ok || c.active[ref] {
		return 0
	}
	if n, ok := c.memo[ref]; ok {
		return n
	}
	c.active[ref] = true
	n := 0
	if f := c.op.FragmentDefinitions[ref]; f.HasSelections {
		n = c.selectionSet(f.SelectionSet)
	}
	delete(c.active, ref)
	c.memo[ref] = n
	return n
}

// fragmentIndex maps fragment names to definitions; the engine's lookup
// scans every definition, which a document of thousands of fragments
// would turn quadratic. The first definition of a name wins (validation
// refuses duplicates).
func fragmentIndex(op *ast.Document) map[string]int {
	idx := make(map[string]int, len(op.FragmentDefinitions))
	for i := range op.FragmentDefinitions {
		name := op.FragmentDefinitionNameString(i)
		if _, ok := idx[name]; !ok {
			idx[name] = i
		}
	}
	return idx
}
