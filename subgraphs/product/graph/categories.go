package graph

import (
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
	"github.com/nexus-commerce/nexus/subgraphs/product/images"
)

// categories wraps domain categories in their GraphQL view, keeping order.
func categories(cats []product.Category) []*model.Category {
	out := make([]*model.Category, len(cats))
	for i := range cats {
		out[i] = &model.Category{Category: cats[i]}
	}
	return out
}

// categoryImagePath is the stored image path of c, or its generated
// placeholder when the catalog has none, so imageUrl is never empty.
func categoryImagePath(c product.Category) string {
	if c.ImageURL != "" {
		return c.ImageURL
	}
	return images.CategoryPrefix + c.Slug + ".svg"
}
