package graph

import (
	"context"
	"errors"
	"sync"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/loader"
)

// variantLoaders are the batch loaders behind Product.options,
// Product.variants, Product.priceRange and ProductVariant.product/price:
// one store call per level of the query, however many products it holds.
type variantLoaders struct {
	variants *loader.Loader[string, []product.Variant] // by product id
	options  *loader.Loader[string, []product.Option]  // by product id
	products *loader.Loader[string, *product.Product]  // by id; nil when unknown
}

// lazyVariantLoaders is the part of an operation's loaders that needs the
// variant store; it is made on first use, so loaders.go stays unaware of it.
type lazyVariantLoaders struct {
	once sync.Once
	l    *variantLoaders
}

func newVariantLoaders(variants product.VariantStore, store product.Store) *variantLoaders {
	l := &variantLoaders{}
	l.variants = loader.New(func(ctx context.Context, ids []string) ([][]product.Variant, error) {
		if variants == nil {
			return nil, errNoVariantStore
		}
		return variants.VariantsByProductIDs(ctx, ids)
	})
	l.options = loader.New(func(ctx context.Context, ids []string) ([][]product.Option, error) {
		if variants == nil {
			return nil, errNoVariantStore
		}
		return variants.OptionsByProductIDs(ctx, ids)
	})
	l.products = loader.New(func(ctx context.Context, ids []string) ([]*product.Product, error) {
		return store.ProductsByIDs(ctx, ids)
	})
	return l
}

var errNoVariantStore = product.InternalError("variants", errors.New("graph.Resolver.Variants is not set"))

// variantLoaders returns the operation's variant loaders.
func (r *Resolver) variantLoaders(ctx context.Context) *variantLoaders {
	l := r.loaders(ctx)
	l.variantsLazy.once.Do(func() { l.variantsLazy.l = newVariantLoaders(r.Variants, r.Store) })
	return l.variantsLazy.l
}

// expectVariantsOf announces the products about to be resolved: their
// variants, options and price ranges then cost one query each for the set,
// and a variant's product costs none.
func (r *Resolver) expectVariantsOf(ctx context.Context, products []product.Product) {
	l := r.variantLoaders(ctx)
	for i := range products {
		l.variants.Expect(products[i].ID)
		l.options.Expect(products[i].ID)
		l.products.Prime(products[i].ID, &products[i])
	}
}

// expectProductsOfVariants announces the products of variants about to be
// resolved (entity lookups, Query.productVariant), for ProductVariant.price.
func (r *Resolver) expectProductsOfVariants(ctx context.Context, variants []*product.Variant) {
	l := r.variantLoaders(ctx)
	for _, v := range variants {
		if v != nil {
			l.products.Expect(v.ProductID)
		}
	}
}
