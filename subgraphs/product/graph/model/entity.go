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
