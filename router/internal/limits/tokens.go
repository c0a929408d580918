package limits

import (
	"strconv"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/lexer"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/lexer/keyword"
)

// CountTokens counts the GraphQL tokens of query with the same lexer the
// parser uses; comments are not tokens. It is linear and allocates no AST,
// so it can run before parsing. The error is reserved for input the lexer
// cannot read; today the lexer accepts every byte sequence.
func CountTokens(query []byte) (int, error) {
	return countTokens(query, 0), nil
}

// CheckTokens refuses query with TOKEN_LIMIT_EXCEEDED when it has more than
// max tokens (0: no limit), stopping the count at max+1 so a megabyte of
// tokens costs no more than the limit.
func CheckTokens(query []byte, max int) error {
	if max <= 0 {
		return nil
	}
	if n := countTokens(query, max+1); n > max {
		e := exceeded(CodeTokens, "token count", max, n)
		e.Message = "operation has more than the limit of " + strconv.Itoa(max) + " tokens"
		return e
	}
	return nil
}

// countTokens stops at stop tokens when stop > 0.
func countTokens(query []byte, stop int) int {
	var in ast.Input
	in.ResetInputBytes(query)
	var lx lexer.Lexer
	lx.SetInput(&in)
	n := 0
	for {
		switch lx.Read().Keyword {
		case keyword.EOF:
			return n
		case keyword.COMMENT:
			continue
		}
		n++
		if stop > 0 && n >= stop {
			return n
		}
	}
}
