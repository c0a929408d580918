// Package limits refuses operations that would cost the router and the
// subgraphs too much before any of them runs: too many lexer tokens (checked
// on the raw text, before parsing), too deep, too many aliases or root
// fields, or a static cost estimate (IBM GraphQL Cost Directives / Apollo
// demand control: @cost, @listSize) above the budget, or too many field
// selections once fragments are inlined (fragment bombs) or directives. All
// counts are taken on the parsed document as if every fragment were inlined
// (each fragment measured once and reused at every spread, so a bomb is
// measured without being expanded) and every @skip/@include evaluated with
// the request's variables, so spelling an operation with fragments neither
// hides nor inflates its size; the field count alone ignores @skip/@include
// (see Measures.Fields).
package limits

import "fmt"

// Config holds the per-operation limits; 0 turns a limit off. It sits under
// the router config's limits: key.
type Config struct {
	// MaxDepth bounds field nesting; a root field has depth 1.
	MaxDepth int `yaml:"max_depth"`
	// MaxAliases bounds aliased fields (alias differing from the field
	// name), the usual way to multiply an expensive field.
	MaxAliases int `yaml:"max_aliases"`
	// MaxRootFields bounds the fields selected on the root type.
	MaxRootFields int `yaml:"max_root_fields"`
	// MaxTokens bounds lexer tokens of the query text (comments excluded).
	MaxTokens int `yaml:"max_tokens"`
	// MaxCost bounds the estimated cost (see EstimateCost).
	MaxCost int `yaml:"max_cost"`
	// MaxFields bounds the selections an operation has once its fragments
	// are inlined (Measures.Fields): it refuses fragment bombs, tiny
	// documents that expand to millions of fields, before the engine
	// expands them.
	MaxFields int `yaml:"max_fields"`
	// MaxDirectives bounds the directives written in the document; each
	// costs the normaliser and the validator work.
	MaxDirectives int `yaml:"max_directives"`
}

// Validate rejects negative limits, naming the key below limits:.
func (c Config) Validate() error {
	for _, f := range []struct {
		name string
		v    int
	}{{"max_depth", c.MaxDepth}, {"max_aliases", c.MaxAliases}, {"max_root_fields", c.MaxRootFields}, {"max_tokens", c.MaxTokens}, {"max_cost", c.MaxCost}, {"max_fields", c.MaxFields}, {"max_directives", c.MaxDirectives}} {
		if f.v < 0 {
			return fmt.Errorf("limits.%s: %d is negative (0 turns the limit off)", f.name, f.v)
		}
	}
	return nil
}

// Error codes, returned to clients as extensions.code.
const (
	CodeDepth            = "DEPTH_LIMIT_EXCEEDED"
	CodeAliases          = "ALIAS_LIMIT_EXCEEDED"
	CodeRootFields       = "ROOT_FIELD_LIMIT_EXCEEDED"
	CodeTokens           = "TOKEN_LIMIT_EXCEEDED"
	CodeCost             = "COST_LIMIT_EXCEEDED"
	CodeFields           = "FIELD_LIMIT_EXCEEDED"
	CodeDirectives       = "DIRECTIVE_LIMIT_EXCEEDED"
	CodeVariables        = "BAD_USER_INPUT"
	CodeSlicingArguments = "SLICING_ARGUMENT_REQUIRED"
	CodeOperation        = "OPERATION_NOT_FOUND"
)

// Error is a refused operation. Limit and Actual let clients and metrics
// see by how much; Message is safe to show.
type Error struct {
	Code    string
	Limit   int
	Actual  int
	Message string
}

func (e *Error) Error() string { return e.Message }

// ErrorCode is the GraphQL extensions.code.
func (e *Error) ErrorCode() string { return e.Code }

func exceeded(code, what string, limit, actual int) *Error {
	return &Error{Code: code, Limit: limit, Actual: actual,
		Message: fmt.Sprintf("operation %s is %d, the limit is %d", what, actual, limit)}
}
