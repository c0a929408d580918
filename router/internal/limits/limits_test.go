package limits

import (
	"errors"
	"strings"
	"testing"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/astnormalization"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
)

func TestStructureMeasures(t *testing.T) {
	s := schema(t, testSDL)
	tests := []struct {
		name                      string
		query, vars               string
		depth, aliases, rootField int
	}{
		{"plain nesting", `{ product(id: 1) { category { parent { parent { name } } } } }`, "", 5, 0, 1},
		{"named fragments add no depth of their own", `{ product(id: 1) { ...P } } fragment P on Product { category { ...C } } fragment C on Category { parent { name } }`, "", 4, 0, 1},
		{"fragment spread twice: depth once, aliases twice", `{ product(id: 1) { ...P ...P } } fragment P on Product { x: name category { id } }`, "", 3, 2, 1},
		{"fragment cycle terminates", `{ categories { ...A } } fragment A on Category { parent { ...B } } fragment B on Category { parent { ...A } }`, "", 3, 0, 1},
		{"inline fragments with and without type", `{ node(id: 1) { ... on Product { category { name } } ... { id } } }`, "", 3, 0, 1},
		{"aliases, self-alias not counted", `{ a: product(id: 1) { name } b: product(id: 2) { n: name } product(id: 3) { name: name } }`, "", 2, 3, 3},
		{"root fields through fragments", `{ ...Q ... on Query { categories { id } } me { id } } fragment Q on Query { me { id } product(id: 1) { id } }`, "", 2, 0, 4},
		{"skipped root field by variable", `query($s: Boolean!) { me { id } product(id: 1) @skip(if: $s) { id } }`, `{"s": true}`, 2, 0, 1},
		{"skip false counts", `query($s: Boolean!) { me { id } product(id: 1) @skip(if: $s) { id } }`, `{"s": false}`, 2, 0, 2},
		{"include literal false", `{ me { id } product(id: 1) @include(if: false) { category { parent { id } } } }`, "", 2, 0, 1},
		{"missing variable counts the field", `query($s: Boolean!) { me @skip(if: $s) { id } }`, "", 2, 0, 1},
		{"default value decides", `query($i: Boolean = false) { me { id } x: product(id: 1) @include(if: $i) { id } }`, "", 2, 0, 1},
		{"skipped fragment spread", `query($s: Boolean!) { ...Q @skip(if: $s) me { id } } fragment Q on Query { a: me { id } b: me { id } }`, `{"s": true}`, 2, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := measure(t, s, tt.query, tt.vars, nil)
			if m.Depth != tt.depth || m.Aliases != tt.aliases || m.RootFields != tt.rootField {
				t.Fatalf("depth/aliases/root fields = %d/%d/%d, want %d/%d/%d", m.Depth, m.Aliases, m.RootFields, tt.depth, tt.aliases, tt.rootField)
			}
		})
	}
}

func TestEstimateCost(t *testing.T) {
	s := schema(t, testSDL)
	tests := []struct {
		name, query, vars string
		want              int
	}{
		// product 1 + price 2 (field weight); scalars 0.
		{"object and weighted scalar", `{ product(id: 1) { name price } }`, "", 3},
		// products 1 + edges 4 × (1 + node 1 + category 1).
		{"connection sized by a variable", `query($n: Int) { products(first: $n) { totalCount edges { node { name category { name } } } } }`, `{"n": 4}`, 13},
		{"connection sized by a literal", `{ products(first: 50) { edges { node { name category { name } } } } }`, "", 151},
		{"variable default", `query($n: Int = 2) { products(first: $n) { edges { cursor } } }`, "", 3},
		// categories 20 (assumed) × (1 + products 1 + edges 5 (assumed) × (1 + node 1)).
		{"assumed sizes, nested", `{ categories { name products { edges { node { id } } } } }`, "", 240},
		{"slicing argument beats assumed size", `{ categories(limit: 2) { id } }`, "", 2},
		// 5 (argument) + 10 (default list) × (1 + Product fragment's price 2).
		{"argument weight, default list size, union fragments", `{ search(term: "x") { ... on Product { name price } ... on Category { name } } }`, "", 35},
		// product 1 + reviews 2 × (Review weight 3 + author 1).
		{"type weight", `{ product(id: 1) { reviews(first: 2) { body author { name } } } }`, "", 9},
		// mutation root 10 + items 10 × 1.
		{"mutation root field", `mutation { addToCart(productId: 1, quantity: 1) { id items { name } } }`, "", 20},
		{"included by variable", `query($r: Boolean!) { product(id: 1) { name reviews(first: 2) @include(if: $r) { body } } }`, `{"r": true}`, 7},
		{"excluded by variable", `query($r: Boolean!) { product(id: 1) { name reviews(first: 2) @include(if: $r) { body } } }`, `{"r": false}`, 1},
		{"unknown condition is counted", `query($r: Boolean!) { product(id: 1) { name reviews(first: 2) @include(if: $r) { body } } }`, "", 7},
		{"fragment under a connection keeps the sizing", `{ products(first: 3) { ...C } } fragment C on ProductConnection { edges { node { id } } }`, "", 7},
		// 2e9 × 1112 overflows nothing: the estimate stops at maxCost.
		{"huge sizes saturate, never wrap", `{ products(first: 2000000000) { edges { node { related { related { related { id } } } } } } }`, "", maxCost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EstimateCost(operation(t, tt.query), s, "", []byte(tt.vars), testModel)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("cost = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestDefaultModel(t *testing.T) {
	s := schema(t, testSDL)
	// No model: lists are 10, objects 1, scalars 0; price has no weight.
	if m := measure(t, s, `{ product(id: 1) { price related { id } } }`, "", nil); m.Cost != 11 {
		t.Fatalf("cost = %d, want 11", m.Cost)
	}
	if m := measure(t, s, `{ product(id: 1) { related { id } } }`, "", &CostModel{DefaultListSize: 3}); m.Cost != 4 {
		t.Fatalf("cost with DefaultListSize 3 = %d, want 4", m.Cost)
	}
}

func TestSlicingArgumentRequired(t *testing.T) {
	s := schema(t, testSDL)
	for _, q := range []string{
		`{ products { totalCount } }`,
		`{ products(first: 1, last: 1) { totalCount } }`,
		`query($n: Int) { products(first: $n) { totalCount } }`, // variable not given
	} {
		_, err := EstimateCost(operation(t, q), s, "", nil, testModel)
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeSlicingArguments || !strings.Contains(e.Message, "Query.products") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

func TestCheck(t *testing.T) {
	s := schema(t, testSDL)
	q := `{ a: product(id: 1) { category { parent { name } } } b: product(id: 2) { reviews(first: 2) { body } } }`
	// depth 4, aliases 2, root fields 2, cost (1+1+1) + (1 + 2×3) = 10
	tests := []struct {
		cfg    Config
		code   string
		limit  int
		actual int
	}{
		{Config{}, "", 0, 0},
		{Config{MaxDepth: 4, MaxAliases: 2, MaxRootFields: 2, MaxCost: 10}, "", 0, 0},
		{Config{MaxDepth: 3}, CodeDepth, 3, 4},
		{Config{MaxAliases: 1}, CodeAliases, 1, 2},
		{Config{MaxRootFields: 1}, CodeRootFields, 1, 2},
		{Config{MaxCost: 9}, CodeCost, 9, 10},
		{Config{MaxDepth: 3, MaxCost: 9}, CodeDepth, 3, 4},
	}
	for _, tt := range tests {
		err := Check(operation(t, q), s, "", nil, tt.cfg, testModel)
		if tt.code == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.cfg, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != tt.code || e.Limit != tt.limit || e.Actual != tt.actual {
			t.Errorf("%+v: %#v, want %s %d/%d", tt.cfg, err, tt.code, tt.limit, tt.actual)
			continue
		}
		if e.ErrorCode() != tt.code || !strings.Contains(e.Message, "limit") {
			t.Errorf("message %q", e.Message)
		}
	}
}

func TestOperationSelection(t *testing.T) {
	s := schema(t, testSDL)
	doc := operation(t, `query A { me { id } } query B { me { id } product(id: 1) { category { id } } }`)
	m, err := Measure(doc, s, "B", nil, nil)
	if err != nil || m.RootFields != 2 || m.Depth != 3 {
		t.Fatalf("B: %+v, %v", m, err)
	}
	for _, name := range []string{"", "C"} {
		_, err := Measure(doc, s, name, nil, nil)
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeOperation {
			t.Errorf("operationName %q: %v", name, err)
		}
	}
	if _, err := Measure(operation(t, `{ me { id } }`), s, "", []byte(`[1]`), nil); err == nil || !strings.Contains(err.Error(), "variables") {
		t.Errorf("bad variables: %v", err)
	}
}

// The router checks before normalising, and normalisation (fragments
// inlined, skipped selections dropped, literals extracted into variables)
// must not change what the limits measured: depth, aliases, root fields,
// cost and directives stay; the selection count is an upper bound of the
// normalised operation's (the engine drops skipped selections after
// copying them).
func TestMeasuresSurviveNormalisation(t *testing.T) {
	s := schema(t, testSDL)
	tests := []struct{ query, vars string }{
		{`query Q($r: Boolean!) { a: product(id: 1) { ...P reviews(first: 2) @include(if: $r) { body } } products(first: 4) { edges { node { ...P } } } } fragment P on Product { name price category { parent { id } } }`, `{"r": false}`},
		{`query Q($r: Boolean!) { a: product(id: 1) { ...P reviews(first: 2) @include(if: $r) { body } } } fragment P on Product { name price }`, `{"r": true}`},
		{`query Q { search(term: "x") { ... on Product { id } } categories(limit: 3) { x: name } }`, `{}`},
	}
	for _, tt := range tests {
		before := measure(t, s, tt.query, tt.vars, testModel)
		op := operation(t, tt.query)
		op.Input.Variables = []byte(tt.vars)
		var report operationreport.Report
		astnormalization.NormalizeNamedOperation(op, s, []byte("Q"), &report)
		if report.HasErrors() {
			t.Fatalf("normalise: %s", report.Error())
		}
		after, err := Measure(op, s, "Q", op.Input.Variables, testModel)
		if err != nil {
			t.Fatal(err)
		}
		bound, got := before.Fields, after.Fields
		before.Fields, after.Fields = 0, 0
		if before != after {
			t.Errorf("%s\nbefore %+v\nafter  %+v (variables %s)", tt.query, before, after, op.Input.Variables)
		}
		if got > bound || got == 0 {
			t.Errorf("%s: %d selections after normalisation, %d counted before", tt.query, got, bound)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		query string
		want  int
	}{
		{`{ a }`, 3},
		{"# comment only\n{ a }", 3},
		{`query Q($x: Int = 1) { a(b: $x) { ...F } }`, 23},
		{`{ a(s: "a string with { braces }") }`, 8},
		{``, 0},
	}
	for _, tt := range tests {
		if n, err := CountTokens([]byte(tt.query)); err != nil || n != tt.want {
			t.Errorf("CountTokens(%q) = %d, %v; want %d", tt.query, n, err, tt.want)
		}
	}
	huge := []byte("{ " + strings.Repeat("a ", 500000) + "}")
	err := CheckTokens(huge, 100)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTokens || e.Limit != 100 || e.Actual != 101 {
		t.Fatalf("CheckTokens: %#v", err)
	}
	if err := CheckTokens(huge, 0); err != nil {
		t.Fatalf("limit 0 is off: %v", err)
	}
	if err := CheckTokens([]byte(`{ a }`), 3); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := (Config{MaxDepth: 10}).Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (Config{MaxCost: -1}).Validate(); err == nil || !strings.Contains(err.Error(), "limits.max_cost") {
		t.Fatalf("negative: %v", err)
	}
}
