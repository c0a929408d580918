package graph_test

import "testing"

func testCategoryBatching(t *testing.T, e *env) {
	const q = `{
  products(first: 100) {
    edges { node { id category { id name parent { id } children { id } } } }
  }
}`
	var data struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID       string `json:"id"`
					Category struct {
						ID string `json:"id"`
					} `json:"category"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"products"`
	}
	e.query(t, q, nil, &data)
	distinct := map[string]bool{}
	for _, edge := range data.Products.Edges {
		distinct[edge.Node.Category.ID] = true
	}
	if len(data.Products.Edges) != 100 || len(distinct) < 2 {
		t.Fatalf("%d products in %d categories: too few to show batching", len(data.Products.Edges), len(distinct))
	}
	// One level of categories, one of their parents, one of their children.
	if n := e.store.n("CategoriesByIDs"); n > 2 {
		t.Errorf("CategoriesByIDs called %d times for %d products, want at most 2 (categories, then parents)",
			n, len(data.Products.Edges))
	}
	if n := e.store.n("ChildCategories"); n != 1 {
		t.Errorf("ChildCategories called %d times, want 1", n)
	}

	e.store.reset()
	e.query(t, `{ products(first: 100) { edges { node { id category { id name } } } } }`, nil, &data)
	if n := e.store.n("CategoriesByIDs"); n != 1 {
		t.Errorf("CategoriesByIDs called %d times for %d products, want 1", n, len(data.Products.Edges))
	}
}

func testCategoryTree(t *testing.T, e *env) {
	type ref struct {
		ID string `json:"id"`
	}
	var data struct {
		Categories []struct {
			ID       string `json:"id"`
			Slug     string `json:"slug"`
			ImageURL string `json:"imageUrl"`
			Parent   *ref   `json:"parent"`
			Children []struct {
				ID       string `json:"id"`
				Parent   *ref   `json:"parent"`
				Children []ref  `json:"children"`
			} `json:"children"`
		} `json:"categories"`
	}
	e.query(t, `{ categories { id slug imageUrl parent { id } children { id parent { id } children { id } } } }`, nil, &data)
	if len(data.Categories) < 2 {
		t.Fatalf("%d categories seeded, want a tree", len(data.Categories))
	}
	if n, m := e.store.n("CategoriesByIDs"), e.store.n("ChildCategories"); n+m != 0 {
		t.Errorf("walking the full category list made %d CategoriesByIDs and %d ChildCategories calls, want 0", n, m)
	}
	parentOf := map[string]string{}
	for _, c := range data.Categories {
		if c.Parent != nil {
			parentOf[c.ID] = c.Parent.ID
		}
	}
	children := 0
	for _, c := range data.Categories {
		for _, child := range c.Children {
			children++
			if child.Parent == nil || child.Parent.ID != c.ID || parentOf[child.ID] != c.ID {
				t.Errorf("category %s lists child %s whose parent is %v", c.ID, child.ID, child.Parent)
			}
		}
	}
	if children != len(parentOf) {
		t.Errorf("children lists hold %d categories, but %d categories have a parent", children, len(parentOf))
	}
	if children == 0 {
		t.Error("the seeded category tree has no sub-categories")
	}
}
