package limits

import "github.com/wundergraph/graphql-go-tools/v2/pkg/ast"

// Check measures the operation and returns the first limit it breaks, in
// the order depth, aliases, root fields, cost, as an *Error; tokens are
// checked earlier on the raw text with CheckTokens. op should be parsed,
// validated and normalised against the client schema; fragments and
// @skip/@include are handled here either way.
func Check(op, schema *ast.Document, operationName string, variables []byte, cfg Config, cost *CostModel) error {
	if cfg.MaxDepth == 0 && cfg.MaxAliases == 0 && cfg.MaxRootFields == 0 && cfg.MaxCost == 0 {
		return nil
	}
	m, err := Measure(op, schema, operationName, variables, cost)
	if err != nil {
		return err
	}
	switch {
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
