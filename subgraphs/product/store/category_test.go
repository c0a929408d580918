package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

func testCategories(t *testing.T, s *Store, c seed.Catalog) {
	ctx := context.Background()
	cats, err := s.Categories(ctx)
	if err != nil || len(cats) != len(c.Categories) {
		t.Fatalf("Categories = %d, %v; want %d", len(cats), err, len(c.Categories))
	}
	t.Run("ordered by name path", func(t *testing.T) {
		// Expected: depth-first, siblings by name.
		kids := map[string][]product.Category{}
		for _, cat := range c.Categories {
			parent := ""
			if cat.ParentID != nil {
				parent = *cat.ParentID
			}
			kids[parent] = append(kids[parent], cat)
		}
		var want []string
		var walk func(parent string)
		walk = func(parent string) {
			cs := slices.Clone(kids[parent])
			slices.SortFunc(cs, func(a, b product.Category) int { return strings.Compare(a.Name, b.Name) })
			for _, k := range cs {
				want = append(want, k.Name)
				walk(k.ID)
			}
		}
		walk("")
		var got []string
		for _, cat := range cats {
			got = append(got, cat.Name)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("order\n got %v\nwant %v", got, want)
		}
	})
	var roots []string
	for _, cat := range cats {
		if cat.ParentID == nil {
			roots = append(roots, cat.ID)
		}
	}
	t.Run("children in one call", func(t *testing.T) {
		leaf := cats[len(cats)-1].ID
		kids, err := s.ChildCategories(ctx, []string{roots[0], "nope", leaf, strings.ToUpper(roots[0])})
		if err != nil || len(kids) != 4 {
			t.Fatalf("ChildCategories = %v, %v", kids, err)
		}
		if len(kids[0]) == 0 || kids[1] == nil || len(kids[1]) != 0 || kids[2] == nil || len(kids[2]) != 0 || len(kids[3]) != len(kids[0]) {
			t.Fatalf("ChildCategories = %v", kids)
		}
		for i, k := range kids[0] {
			if *k.ParentID != roots[0] || i > 0 && kids[0][i-1].Name > k.Name {
				t.Fatalf("children of %s: %+v", roots[0], kids[0])
			}
		}
	})
	t.Run("by ids in input order", func(t *testing.T) {
		byID, err := s.CategoriesByIDs(ctx, []string{roots[1], "x", roots[0], roots[1], "00000000-0000-0000-0000-000000000000"})
		if err != nil || len(byID) != 5 || byID[0].ID != roots[1] || byID[1] != nil || byID[2].ID != roots[0] || byID[3].ID != roots[1] || byID[4] != nil {
			t.Fatalf("CategoriesByIDs = %v, %v", byID, err)
		}
	})
}

// TestCategoryTreeMaintenance checks the triggers that keep category paths
// and products' search text current when categories are renamed or moved.
func TestCategoryTreeMaintenance(t *testing.T) {
	t.Parallel()
	s, c := demo(t)
	ctx := context.Background()
	id := func(name string) string {
		for _, x := range c.Categories {
			if x.Name == name {
				return x.ID
			}
		}
		t.Fatalf("no category %s", name)
		return ""
	}
	total := func(f product.Filter) int {
		t.Helper()
		page, err := s.Products(ctx, product.ListParams{First: 1, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		return page.TotalCount
	}
	drones, electronics, outdoors := total(product.Filter{CategoryID: id("Drones")}), total(product.Filter{CategoryID: id("Electronics")}), total(product.Filter{CategoryID: id("Outdoors")})
	t.Run("rename reaches the search text of the whole subtree", func(t *testing.T) {
		if _, err := s.db.ExecContext(ctx, `UPDATE product.categories SET name = 'Imaging' WHERE id = $1`, id("Cameras")); err != nil {
			t.Fatal(err)
		}
		if got, want := total(product.Filter{Search: "imaging"}), total(product.Filter{CategoryID: id("Cameras")}); got != want || got == 0 {
			t.Fatalf("search for the new branch name: %d, want its %d products", got, want)
		}
	})
	t.Run("move carries the subtree", func(t *testing.T) {
		if _, err := s.db.ExecContext(ctx, `UPDATE product.categories SET parent_id = $1 WHERE id = $2`, id("Camping"), id("Cameras")); err != nil {
			t.Fatal(err)
		}
		if got := total(product.Filter{CategoryID: id("Electronics")}); got != electronics-total(product.Filter{CategoryID: id("Cameras")}) {
			t.Fatalf("Electronics still lists %d of %d", got, electronics)
		}
		if got := total(product.Filter{CategoryID: id("Outdoors")}); got != outdoors+total(product.Filter{CategoryID: id("Cameras")}) {
			t.Fatalf("Outdoors lists %d", got)
		}
		if got := total(product.Filter{CategoryID: id("Outdoors"), Search: "drones"}); got != drones {
			t.Fatalf("drones under Outdoors by search: %d, want %d", got, drones)
		}
		cats, err := s.Categories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, cat := range cats {
			names = append(names, cat.Name)
		}
		if i := slices.Index(names, "Camping"); i < 0 || names[i+1] != "Imaging" || names[i+2] != "Action Cameras" {
			t.Fatalf("tree order after the move: %v", names)
		}
	})
	t.Run("a category cannot move below itself", func(t *testing.T) {
		_, err := s.db.ExecContext(ctx, `UPDATE product.categories SET parent_id = $1 WHERE id = $2`, id("Drones"), id("Outdoors"))
		if err == nil || !strings.Contains(err.Error(), "below itself") {
			t.Fatalf("cycle accepted: %v", err)
		}
	})
}
