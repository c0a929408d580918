package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// nested is { tree { child { child ... { id } } } } with depth levels of fields.
func nested(depth int) string {
	return "{ tree " + strings.Repeat("{ child ", depth-2) + "{ id }" + strings.Repeat(" }", depth-2) + " }"
}

// fragmentBomb is F0 on Node {id}, Fi = two spreads of Fi-1, query { tree { ...Fn } }:
// 2^n fields once expanded, a few hundred bytes as text.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("query { tree { ...F" + fmt.Sprint(n) + " } } fragment F0 on Node { id }")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, " fragment F%d on Node { ...F%d ...F%d }", i, i-1, i-1)
	}
	return b.String()
}

func aliases(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: ok", i)
	}
	return b.String() + " }"
}

// The subgraph's own limits refuse, with the router's codes, what the
// router would have refused, counting fragments by how often they are
// spread without expanding them.
func TestOperationLimits(t *testing.T) {
	ts, _ := newTest(t, Options{Limits: Limits{MaxDepth: 6, MaxAliases: 10, MaxFields: 100}})
	def, _ := newTest(t, Options{})
	tests := []struct {
		name  string
		url   string
		query string
		code  string // "" = executes
	}{
		{"depth at the limit", ts.URL, nested(6), ""},
		{"depth over the limit", ts.URL, nested(7), CodeDepth},
		{"depth through fragments", ts.URL, "query { tree { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { child { child { child { id } } } } }", CodeDepth},
		{"aliases at the limit", ts.URL, aliases(10), ""},
		{"aliases over the limit", ts.URL, aliases(11), CodeAliases},
		{"aliases multiplied by spreads", ts.URL, "query { ...Q ...Q ...Q } fragment Q on Query { a: ok b: ok c: ok d: ok }", CodeAliases},
		{"fields at the limit (fragments expanded)", ts.URL, fragmentBomb(6), ""}, // 64 ids + tree
		{"fragment bomb", ts.URL, fragmentBomb(7), CodeFields},
		{"fragment bomb against the defaults", def.URL, fragmentBomb(30), CodeFields},
		{"500 aliases against the defaults", def.URL, aliases(500), CodeAliases},
		{"33 levels against the defaults", def.URL, nested(33), CodeDepth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, tt.url, query(tt.query))
			if tt.code == "" {
				if r.status != http.StatusOK || len(r.Errors) != 0 {
					t.Fatalf("refused: %d %s", r.status, r.raw)
				}
				return
			}
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code || r.Data != nil {
				t.Fatalf("got %d %s, want %s", r.status, r.raw, tt.code)
			}
		})
	}
}

func TestLimitsFromEnv(t *testing.T) {
	t.Setenv("GRAPHQL_MAX_DEPTH", "")
	t.Setenv("GRAPHQL_MAX_ALIASES", "9")
	t.Setenv("GRAPHQL_MAX_FIELDS", "")
	l, err := LimitsFromEnv()
	if err != nil || l != (Limits{MaxDepth: DefaultMaxDepth, MaxAliases: 9, MaxFields: DefaultMaxFields}) {
		t.Fatalf("LimitsFromEnv = %+v, %v", l, err)
	}
	t.Setenv("GRAPHQL_MAX_DEPTH", "0")
	t.Setenv("GRAPHQL_MAX_FIELDS", "many")
	_, err = LimitsFromEnv()
	if err == nil || !strings.Contains(err.Error(), "GRAPHQL_MAX_DEPTH") || !strings.Contains(err.Error(), "GRAPHQL_MAX_FIELDS") {
		t.Fatalf("bad values: %v", err)
	}
}
