package gateway

import (
	"context"
	"strings"
	"testing"
)

// Numbers inside input objects are checked with the field's path.
func TestNumbersInInputObjects(t *testing.T) {
	g := realGateway(t)
	const q = `query($f: ProductFilter, $n: Int) { products(filter: $f, first: $n) { totalCount } }`
	tests := []struct{ vars, message string }{
		{`{"f": {"minPrice": 1.5}}`, `Variable "$f" got invalid value at "minPrice"; Int cannot represent 1.5`},
		{`{"f": {"maxPrice": 1e400}}`, `Variable "$f" got invalid value at "maxPrice"; Int cannot represent 1e400: it is not a finite number`},
		{`{"f": {"minPrice": 100, "tags": ["a"]}, "n": 5}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.vars, func(t *testing.T) {
			p := g.prepareUncached(context.Background(), q, "", []byte(tt.vars))
			switch {
			case tt.message == "" && p.err != nil:
				t.Fatalf("refused: %v", p.err)
			case tt.message != "" && (p.err == nil || p.err.Code != "BAD_USER_INPUT" || !strings.Contains(p.err.Error(), tt.message)):
				t.Fatalf("err = %v, want BAD_USER_INPUT saying %q", p.err, tt.message)
			}
		})
	}
}
