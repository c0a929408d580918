package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/index"
)

// TestIndexSearchesUnusualWords: searches the index answers from its
// lexicon, and those it must leave to PostgreSQL (multi-lexeme stems,
// typos, stop words, non-ASCII, a word stemmed unlike its prefix), list
// exactly like SQL, page by page; and 16 concurrent first askers of each
// search (one shared computation) get SQL's first page too.
func TestIndexSearchesUnusualWords(t *testing.T) {
	t.Parallel()
	db := migrated(t)
	s := New(db)
	ctx := context.Background()
	cat, err := s.CreateCategory(ctx, product.CategoryFields{Name: "Clothing", Slug: "clothing"})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"T-shirt running", "Café crème mug", "Straße map", "naïve art print", "日本語 book", "Running shoes", "Runner's sauce",
		"Sauce pan", "Sa sa sa", "The Who poster", "it's a shirt", "shirts and T-shirts", "Classic classics", "Cla cla class", "O'Brien's run 2024"}
	for i, n := range names {
		f := product.ProductFields{Name: n, Slug: fmt.Sprintf("p-%d", i), Description: n + " — " + names[(i+3)%len(names)], Price: int64(100 + i), CategoryID: cat.ID, SKU: fmt.Sprintf("SKU-%d", i)}
		if _, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f}); err != nil {
			t.Fatal(err)
		}
	}
	ix := index.New(s, s, nil)
	if err := ix.Build(ctx); err != nil {
		t.Fatal(err)
	}
	searches := []string{"t-shirt", "shirt", "shirts t", "running", "run", "runn", "runner", "sa", "sauce sa", "sauc", "café", "cafe", "crème", "straße",
		"strasse", "naïve", "日本語", "日本", "the", "the who", "who the", "it's", "it", "classic", "cla", "class cla", "o'brien", "brien", "2024", "20",
		"runnign", "sacue", "classik", "shrit", "xyzzyq", "a", "s", "c"}
	for _, q := range searches {
		for _, sort := range []product.Sort{product.SortRelevance, product.SortPriceAsc} {
			if msg := samePages(ctx, ix, s, product.ListParams{First: 3, Sort: sort, Filter: product.Filter{Search: q}}); msg != "" {
				t.Errorf("search %q %s: %s", q, sort, msg)
			}
		}
	}
	ix = index.New(s, s, nil) // cold caches: concurrent first askers
	if err := ix.Build(ctx); err != nil {
		t.Fatal(err)
	}
	for _, q := range searches {
		p := product.ListParams{First: 5, Sort: product.SortRelevance, Filter: product.Filter{Search: q}}
		want, err := s.Products(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan string, 16)
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := ix.Products(ctx, p)
				if err != nil || got.TotalCount != want.TotalCount || len(got.Edges) != len(want.Edges) {
					errs <- fmt.Sprintf("search %q: %v total %d/%d", q, err, got.TotalCount, want.TotalCount)
					return
				}
				for i := range got.Edges {
					if got.Edges[i].Cursor != want.Edges[i].Cursor {
						errs <- fmt.Sprintf("search %q edge %d differs", q, i)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	}
}
