package graph

import (
	"context"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// products runs Query.products. Arguments are validated before the store is
// asked, so a bad request costs no query; ListParams.Validate names the
// offending GraphQL argument (first, after, filter.minPrice, ...), which
// the kit's error presenter returns as extensions.field with code INVALID.
func (r *Resolver) products(ctx context.Context, params product.ListParams) (*model.ProductConnection, error) {
	if err := params.Validate(); err != nil {
		return nil, err
	}
	page, err := r.Store.Products(ctx, params)
	if err != nil {
		return nil, err
	}
	nodes := make([]product.Product, len(page.Edges))
	for i, e := range page.Edges {
		nodes[i] = e.Product
	}
	r.loaders(ctx).expectCategoriesOf(nodes)
	r.expectVariantsOf(ctx, nodes)
	c := connection(page, params.After)
	c.Filter = params.Filter // for ProductConnection.facets, computed only when selected
	return c, nil
}
