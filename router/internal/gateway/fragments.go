package gateway

import (
	"fmt"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
)

// unusedFragmentError is the validation error for a fragment no operation
// reaches through its spreads (directly or via other fragments). The spec
// requires such a document to fail validation (5.5.1.4), but normalisation
// inlines and drops fragments before the engine validates, so precheck
// finds it on the parsed document.
func unusedFragmentError(name string, f ast.FragmentDefinition) error {
	var report operationreport.Report
	report.AddExternalError(operationreport.ExternalError{
		Message:   fmt.Sprintf("Fragment %q is never used.", name),
		Locations: []operationreport.Location{{Line: f.FragmentLiteral.LineStart, Column: f.FragmentLiteral.CharStart}},
	})
	return report
}
