package limits

import (
	"errors"
	"testing"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
)

// FuzzMeasure runs the limits walker on arbitrary parsed documents (valid
// or not: the router measures before it validates) against testSDL.
// Properties: it never panics; every measure is within [0, maxCost]
// (saturating, never wrapped around); Check agrees with Measure at the
// boundary of the fields limit. Seeds: testdata/fuzz/FuzzMeasure.
func FuzzMeasure(f *testing.F) {
	s := schema(f, testSDL)
	f.Add(`{ me { id } ...F } fragment F on Query { product(id: 1) { name } }`, []byte(`{}`))
	f.Fuzz(func(t *testing.T, query string, variables []byte) {
		if len(query) > 64<<10 {
			return
		}
		if n, _ := CountTokens([]byte(query)); n > 20000 {
			return // the router refuses these before parsing
		}
		doc, report := astparser.ParseGraphqlDocumentString(query)
		if report.HasErrors() {
			return
		}
		m, err := Measure(&doc, s, "", variables, testModel)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code == "" || e.Message == "" {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		for name, v := range map[string]int{"depth": m.Depth, "aliases": m.Aliases, "root fields": m.RootFields, "cost": m.Cost, "fields": m.Fields, "directives": m.Directives} {
			if v < 0 || (v > maxCost && name != "directives") {
				t.Fatalf("%s = %d is out of range", name, v)
			}
		}
		if m.Fields > 1 { // MaxFields 0 is "off"
			if err := Check(&doc, s, "", variables, Config{MaxFields: m.Fields}, testModel); err != nil {
				t.Fatalf("at the limit %d: %v", m.Fields, err)
			}
			var e *Error
			if err := Check(&doc, s, "", variables, Config{MaxFields: m.Fields - 1}, testModel); !errors.As(err, &e) || e.Code != CodeFields {
				t.Fatalf("over the limit %d: %v", m.Fields-1, err)
			}
		}
	})
}
