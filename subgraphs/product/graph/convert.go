package graph

import (
	"strings"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// defaultFirst is the page size when a client passes first: null; it matches
// the SDL default so null and omission mean the same thing.
const defaultFirst = 20

// listParams turns the arguments of Query.products into the store's query.
// Values are passed through unchecked: validation is ListParams.Validate's.
func listParams(first *int, after *string, filter *model.ProductFilter, sort *model.ProductSort) product.ListParams {
	p := product.ListParams{First: defaultFirst} // no sort: the domain's default
	if first != nil {
		p.First = *first
	}
	if after != nil {
		p.After = *after
	}
	if sort != nil {
		p.Sort = product.Sort(*sort)
	}
	if filter != nil {
		p.Filter = product.Filter{
			Search:     deref(filter.Search),
			CategoryID: deref(filter.CategoryID),
			MinPrice:   widen(filter.MinPrice),
			MaxPrice:   widen(filter.MaxPrice),
			Tags:       filter.Tags,
			InStock:    filter.InStock,
		}
		for _, o := range filter.Options {
			if o != nil {
				p.Filter.Options = append(p.Filter.Options, product.OptionFilter{Name: o.Name, Values: o.Values})
			}
		}
	}
	return p
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func widen(v *int) *int64 {
	if v == nil {
		return nil
	}
	w := int64(*v)
	return &w
}

// connection builds the Relay connection for a page. hasPreviousPage is true
// exactly when the page starts after a cursor: a valid cursor always points
// at a product that precedes the page.
func connection(page product.Page, after string) *model.ProductConnection {
	c := &model.ProductConnection{
		Edges:      make([]*model.ProductEdge, len(page.Edges)),
		TotalCount: page.TotalCount,
		PageInfo: &model.PageInfo{
			HasNextPage:     page.HasNextPage,
			HasPreviousPage: after != "",
		},
	}
	for i, e := range page.Edges {
		c.Edges[i] = &model.ProductEdge{Cursor: e.Cursor, Node: &model.Product{Product: e.Product}}
	}
	if n := len(page.Edges); n > 0 {
		c.PageInfo.StartCursor = &page.Edges[0].Cursor
		c.PageInfo.EndCursor = &page.Edges[n-1].Cursor
	}
	return c
}

// absolute makes a stored image path ("/images/...") absolute under base.
// Values that are already absolute URLs are returned unchanged.
func absolute(base, path string) string {
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		return path
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(path, "/")
}
