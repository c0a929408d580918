package store

import (
	"context"
	"slices"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/index"
)

// TestSuggestions checks searchSuggestions on the demo catalog: prefixes
// and typos find products, hostile text is literal, and the index's
// answer (per-term cache) equals the SQL one, order included.
func TestSuggestions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := demo(t)
	ix := index.New(s, s, nil)
	if err := ix.Build(ctx); err != nil {
		t.Fatal(err)
	}
	ids := func(ps []product.Product) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	for _, tc := range []struct {
		q    string
		some bool
	}{
		{"snea", true}, {"snekers", true}, {"headphnes", true}, {"Wireless head", true}, {"audio", true},
		{"the", false}, {"100%_\\", false}, {"'; --", false}, {"zzzzqqq", false}, {"日本語", false},
	} {
		sql, err := s.Suggest(ctx, tc.q, 8)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		mem, err := ix.Suggest(ctx, tc.q, 8)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		if tc.some && len(sql.Products) == 0 {
			t.Errorf("%q suggests no product", tc.q)
		}
		if !slices.Equal(ids(sql.Products), ids(mem.Products)) || len(sql.Categories) != len(mem.Categories) {
			t.Errorf("%q: SQL %v / %d categories, index %v / %d", tc.q, ids(sql.Products), len(sql.Categories), ids(mem.Products), len(mem.Categories))
		}
	}
	if got, _ := s.Suggest(ctx, "audio", 3); len(got.Categories) == 0 || got.Categories[0].Name != "Audio" {
		t.Errorf("audio suggests categories %+v", got.Categories)
	}
	for _, bad := range []struct {
		q     string
		first int
		field string
	}{{string(make([]byte, 101)), 5, "query"}, {"a", 0, "first"}, {"a", 11, "first"}, {"\xff", 5, "query"}} {
		if _, err := ix.Suggest(ctx, bad.q, bad.first); !isInvalid(err, bad.field) {
			t.Errorf("Suggest(%q, %d) = %v, want INVALID on %s", bad.q, bad.first, err, bad.field)
		}
	}
}

func isInvalid(err error, field string) bool {
	e, ok := err.(*product.Error)
	return ok && e.Code == product.Invalid && e.Field == field
}
