package graph

import (
	"context"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// facets runs ProductConnection.facets: gqlgen calls it only when the
// field is selected, so a listing without a sidebar costs no facet pass.
// The connection carries the listing's filter (graph/products.go).
func (r *Resolver) facets(ctx context.Context, c *model.ProductConnection) (*model.ProductFacets, error) {
	if r.Search == nil {
		return nil, product.InternalError("facets", errNoSearcher)
	}
	fc, err := r.Search.Facets(ctx, c.Filter)
	if err != nil {
		return nil, err
	}
	out := &model.ProductFacets{InStock: fc.InStock, OutOfStock: fc.OutOfStock}
	if err := r.categoryFacets(ctx, fc.Categories, out); err != nil {
		return nil, err
	}
	for _, b := range fc.PriceBuckets {
		pb := &model.PriceBucket{Min: int(b.Min), Count: b.Count}
		if b.Max != nil {
			m := int(*b.Max)
			pb.Max = &m
		}
		out.PriceBuckets = append(out.PriceBuckets, pb)
	}
	out.Tags = make([]*model.TagFacet, len(fc.Tags))
	for i, t := range fc.Tags {
		out.Tags[i] = &model.TagFacet{Tag: t.Tag, Count: t.Count}
	}
	out.Options = make([]*model.OptionFacet, len(fc.Options))
	for i, o := range fc.Options {
		of := &model.OptionFacet{Name: o.Name, Values: make([]*model.OptionValueFacet, len(o.Values))}
		for j, v := range o.Values {
			of.Values[j] = &model.OptionValueFacet{Value: v.Value, Count: v.Count}
		}
		out.Options[i] = of
	}
	return out, nil
}

// categoryFacets resolves the categories the Searcher did not carry in
// one batched lookup; categories deleted meanwhile are left out.
func (r *Resolver) categoryFacets(ctx context.Context, counts []product.CategoryCount, out *model.ProductFacets) error {
	var missing []string
	for _, c := range counts {
		if c.Category.ID == "" {
			missing = append(missing, c.CategoryID)
		}
	}
	loaded := map[string]*product.Category{}
	if len(missing) > 0 {
		cats, err := r.loaders(ctx).categories.LoadMany(ctx, missing)
		if err != nil {
			return err
		}
		for i, id := range missing {
			loaded[id] = cats[i]
		}
	}
	out.Categories = make([]*model.CategoryFacet, 0, len(counts))
	for _, c := range counts {
		cat := c.Category
		if cat.ID == "" {
			if loaded[c.CategoryID] == nil {
				continue
			}
			cat = *loaded[c.CategoryID]
		}
		out.Categories = append(out.Categories, &model.CategoryFacet{Category: &model.Category{Category: cat}, Count: c.Count})
	}
	return nil
}

// searchSuggestions runs Query.searchSuggestions (first defaults to 6 in
// the SDL; the Searcher validates both arguments).
func (r *Resolver) searchSuggestions(ctx context.Context, query string, first *int) (*model.SearchSuggestions, error) {
	if r.Search == nil {
		return nil, product.InternalError("search suggestions", errNoSearcher)
	}
	n := 6
	if first != nil {
		n = *first
	}
	s, err := r.Search.Suggest(ctx, query, n)
	if err != nil {
		return nil, err
	}
	out := &model.SearchSuggestions{Query: s.Query, Products: make([]*model.Product, len(s.Products)), Categories: categories(s.Categories)}
	for i := range s.Products {
		out.Products[i] = &model.Product{Product: s.Products[i]}
	}
	r.loaders(ctx).expectCategoriesOf(s.Products)
	return out, nil
}
