package graph

import (
	"context"
	"slices"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// productsByIDs resolves a batch of Product representations with one store
// call: results follow ids (duplicates included) and are nil where no
// product has the id, which federation renders as null for that entity.
func (r *Resolver) productsByIDs(ctx context.Context, ids []string) ([]*model.Product, error) {
	unique := slices.Compact(slices.Sorted(slices.Values(ids)))
	found, err := r.Store.ProductsByIDs(ctx, unique)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*product.Product, len(found))
	nodes := make([]product.Product, 0, len(found))
	for _, p := range found {
		if p != nil {
			byID[p.ID] = p
			nodes = append(nodes, *p)
		}
	}
	r.loaders(ctx).expectCategoriesOf(nodes)
	r.expectVariantsOf(ctx, nodes)
	out := make([]*model.Product, len(ids))
	for i, id := range ids {
		if p := byID[id]; p != nil {
			out[i] = &model.Product{Product: *p}
		}
	}
	return out, nil
}

// categoriesByIDs resolves a batch of Category representations through the
// operation's category loader (one store call), in ids order, nil where unknown.
func (r *Resolver) categoriesByIDs(ctx context.Context, ids []string) ([]*model.Category, error) {
	found, err := r.loaders(ctx).categories.LoadMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Category, len(found))
	for i, c := range found {
		if c != nil {
			out[i] = &model.Category{Category: *c}
		}
	}
	return out, nil
}
