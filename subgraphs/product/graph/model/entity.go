package model

import product "github.com/nexus-commerce/nexus/subgraphs/product"

// Product is the GraphQL view of a catalog product: the domain type itself
// (fields are promoted, nothing is copied field by field) plus the marker
// method gqlgen's federation runtime requires of every @key entity. The
// domain package stays free of GraphQL concerns.
type Product struct {
	product.Product
}

// IsEntity marks Product as a member of the federation _Entity union.
func (Product) IsEntity() {}

// Category is the GraphQL view of a catalog category; see Product for why it
// wraps the domain type.
type Category struct {
	product.Category
}

// IsEntity marks Category as a member of the federation _Entity union.
func (Category) IsEntity() {}

// ProductVariant is the GraphQL ProductVariant: the domain variant; fields
// that need the product (price, compareAtPrice, product) have resolvers.
type ProductVariant struct {
	product.Variant
}

func (ProductVariant) IsEntity() {}

// Review is the GraphQL Review: the domain review; viewer-dependent fields
// (viewerIsAuthor, viewerFoundHelpful, moderationReason) have resolvers.
type Review struct {
	product.Review
}

func (Review) IsEntity() {}

// ProductConnection is a page of Query.products; it keeps the listing's
// filter so the facets resolver computes facets only when asked for.
type ProductConnection struct {
	Edges      []*ProductEdge
	PageInfo   *PageInfo
	TotalCount int
	// Filter is the listing's filter, for ProductConnection.facets.
	Filter product.Filter
}
