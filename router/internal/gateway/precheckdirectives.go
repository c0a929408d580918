package gateway

import (
	"fmt"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
)

// directives checks the directives at one location: each must be defined
// by the schema, allowed at the location, and (unless repeatable) given
// once. A repeated
// directive is refused on its first repeat, so a thousand copies cost one
// error, not a thousand engine log lines.
func (c *checker) directives(refs []int, loc ast.DirectiveLocation) {
	if c.err != nil || len(refs) == 0 {
		return
	}
	seen := make(map[string]int, len(refs))
	for _, d := range refs {
		name := c.op.DirectiveNameString(d)
		pos := c.op.Directives[d].At
		def, ok := c.schema.DirectiveDefinitionByName(name)
		if !ok {
			c.err = c.fail(withLocation(operationreport.ErrDirectiveUndefined(c.op.DirectiveNameBytes(d)), pos.LineStart, pos.CharStart))
			return
		}
		if !c.schema.DirectiveDefinitions[def].DirectiveLocations.Get(loc) {
			e := operationreport.ErrDirectiveNotAllowedOnNode(c.op.DirectiveNameBytes(d), []byte(loc.LiteralString()))
			e.Message = fmt.Sprintf("Directive %q may not be used on %s.", "@"+name, loc.LiteralString())
			c.err = c.fail(withLocation(e, pos.LineStart, pos.CharStart))
			return
		}
		if first, dup := seen[name]; dup && !c.schema.DirectiveDefinitionIsRepeatable(def) {
			c.err = c.fail(operationreport.ErrDirectiveMustBeUniquePerLocation(c.op.DirectiveNameBytes(d), c.op.Directives[first].At, pos))
			return
		}
		seen[name] = d
	}
}

// operationLocation is the directive location of an operation definition.
func operationLocation(t ast.OperationType) ast.DirectiveLocation {
	switch t {
	case ast.OperationTypeMutation:
		return ast.ExecutableDirectiveLocationMutation
	case ast.OperationTypeSubscription:
		return ast.ExecutableDirectiveLocationSubscription
	default:
		return ast.ExecutableDirectiveLocationQuery
	}
}

// fragmentGraph refuses spreads that form a cycle and fragments no
// operation reaches, from the spreads the walk recorded (linear in them).
func (c *checker) fragmentGraph() error {
	const (
		unvisited = iota
		active
		done
	)
	state := make([]int, len(c.op.FragmentDefinitions))
	// Iterative depth-first search: a chain of thousands of fragments must
	// not recurse as deep.
	type frame struct{ frag, next int }
	for start := range c.op.FragmentDefinitions {
		if state[start] != unvisited {
			continue
		}
		stack := []frame{{start, 0}}
		state[start] = active
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			uses := c.uses[top.frag]
			if top.next == len(uses) {
				state[top.frag] = done
				stack = stack[:len(stack)-1]
				continue
			}
			m := uses[top.next]
			top.next++
			switch state[m] {
			case active:
				return c.fail(operationreport.ErrFragmentSpreadFormsCycle(c.op.FragmentDefinitionNameBytes(m)))
			case unvisited:
				state[m] = active
				stack = append(stack, frame{m, 0})
			}
		}
	}
	reached := make([]bool, len(c.op.FragmentDefinitions))
	queue := append([]int(nil), c.uses[-1]...)
	for _, f := range queue {
		reached[f] = true
	}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		for _, m := range c.uses[f] {
			if !reached[m] {
				reached[m] = true
				queue = append(queue, m)
			}
		}
	}
	for i, r := range reached {
		if !r {
			return unusedFragmentError(c.op.FragmentDefinitionNameString(i), c.op.FragmentDefinitions[i])
		}
	}
	return nil
}
