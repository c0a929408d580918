package gateway

import (
	"fmt"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
)

// unusedFragment returns the first fragment no operation reaches through
// its spreads (directly or via other fragments). The spec requires such a
// document to fail validation (5.5.1.4), but normalisation inlines and
// drops fragments before the engine validates, so we check it on the
// parsed document first.
func unusedFragment(doc *ast.Document) (name string, at ast.FragmentDefinition, found bool) {
	if len(doc.FragmentDefinitions) == 0 {
		return "", ast.FragmentDefinition{}, false
	}
	type span struct {
		name           string
		l1, c1, l2, c2 uint32
	}
	spans := make([]span, len(doc.FragmentDefinitions))
	for i, f := range doc.FragmentDefinitions {
		end := doc.SelectionSets[f.SelectionSet].RBrace
		spans[i] = span{doc.FragmentDefinitionNameString(i), f.FragmentLiteral.LineStart, f.FragmentLiteral.CharStart, end.LineEnd, end.CharEnd}
	}
	within := func(s span, l, c uint32) bool {
		afterStart := l > s.l1 || (l == s.l1 && c >= s.c1)
		beforeEnd := l < s.l2 || (l == s.l2 && c <= s.c2)
		return afterStart && beforeEnd
	}
	// uses maps the spreading fragment ("" for an operation) to the
	// fragments it spreads.
	uses := map[string][]string{}
	for i, sp := range doc.FragmentSpreads {
		owner := ""
		for _, s := range spans {
			if within(s, sp.Spread.LineStart, sp.Spread.CharStart) {
				owner = s.name
				break
			}
		}
		uses[owner] = append(uses[owner], doc.FragmentSpreadNameString(i))
	}
	reached := map[string]bool{}
	queue := []string{""}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range uses[n] {
			if !reached[m] {
				reached[m] = true
				queue = append(queue, m)
			}
		}
	}
	for i, s := range spans {
		if !reached[s.name] {
			return s.name, doc.FragmentDefinitions[i], true
		}
	}
	return "", ast.FragmentDefinition{}, false
}

// unusedFragmentError is the validation error for an unused fragment.
func unusedFragmentError(name string, f ast.FragmentDefinition) error {
	var report operationreport.Report
	report.AddExternalError(operationreport.ExternalError{
		Message:   fmt.Sprintf("Fragment %q is never used.", name),
		Locations: []operationreport.Location{{Line: f.FragmentLiteral.LineStart, Column: f.FragmentLiteral.CharStart}},
	})
	return report
}
