package limits

import (
	"fmt"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// Check measures the operation and returns the first limit it breaks, in
// the order fields, directives, depth, aliases, root fields, cost, as an
// *Error; tokens are checked earlier on the raw text with CheckTokens.
// op may be parsed only: fragments are measured without being inlined
// (each once, its measure reused at every spread) and @skip/@include are
// evaluated here, so the router checks before the engine normalises
// anything. The fields limit comes first because a fragment bomb breaks
// every other limit too, and it is the one that names the problem.
func Check(op, schema *ast.Document, operationName string, variables []byte, cfg Config, cost *CostModel) error {
	if cfg.MaxDepth == 0 && cfg.MaxAliases == 0 && cfg.MaxRootFields == 0 && cfg.MaxCost == 0 && cfg.MaxFields == 0 && cfg.MaxDirectives == 0 {
		return nil
	}
	m, err := Measure(op, schema, operationName, variables, cost)
	if err != nil {
		return err
	}
	switch {
	case cfg.MaxFields > 0 && m.Fields > cfg.MaxFields:
		e := exceeded(CodeFields, "field count", cfg.MaxFields, m.Fields)
		e.Message = fmt.Sprintf("operation has %d selections (fields, fragment spreads and inline fragments) once its fragments are expanded, the limit is %d", m.Fields, cfg.MaxFields)
		return e
	case cfg.MaxDirectives > 0 && m.Directives > cfg.MaxDirectives:
		return exceeded(CodeDirectives, "directive count", cfg.MaxDirectives, m.Directives)
	case cfg.MaxDepth > 0 && m.Depth > cfg.MaxDepth:
		return exceeded(CodeDepth, "depth", cfg.MaxDepth, m.Depth)
	case cfg.MaxAliases > 0 && m.Aliases > cfg.MaxAliases:
		return exceeded(CodeAliases, "alias count", cfg.MaxAliases, m.Aliases)
	case cfg.MaxRootFields > 0 && m.RootFields > cfg.MaxRootFields:
		return exceeded(CodeRootFields, "root field count", cfg.MaxRootFields, m.RootFields)
	case cfg.MaxCost > 0 && m.Cost > cfg.MaxCost:
		return exceeded(CodeCost, "estimated cost", cfg.MaxCost, m.Cost)
	}
	return nil
}

// EstimateCost is the static cost of the operation under model (nil: the
// defaults): each field costs its @cost weight, else its type's, else 1
// for objects, interfaces and unions and 0 for scalars and enums (10 for a
// mutation root field); given arguments add their weights; a list field
// multiplies its weight and its selections' cost by its size (@listSize
// slicing argument, assumedSize, or DefaultListSize), and a connection's
// size multiplies its sizedFields instead. Fragments on different types of
// an abstract field are added, an upper bound.
func EstimateCost(op, schema *ast.Document, operationName string, variables []byte, model *CostModel) (int, error) {
	m, err := Measure(op, schema, operationName, variables, model)
	return m.Cost, err
}
