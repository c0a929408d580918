package graph

import (
	"context"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/loader"
)

// loaders are the batch loaders of one operation. Each fetch announces the
// keys the next level of the tree will ask for (parents, children), so a
// query costs one store call per level however many objects a level holds.
type loaders struct {
	categories *loader.Loader[string, *product.Category]  // by id; nil when unknown
	children   *loader.Loader[string, []product.Category] // by parent id
	// variantsLazy: see variant_loaders.go.
	variantsLazy lazyVariantLoaders
	reviews      reviewLoaders // review fields of products and reviews
}

// newLoaders returns empty loaders reading through store; one set per operation.
func newLoaders(store product.Store) *loaders {
	l := &loaders{}
	l.categories = loader.New(func(ctx context.Context, ids []string) ([]*product.Category, error) {
		cats, err := store.CategoriesByIDs(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, c := range cats {
			if c != nil {
				l.expectAround(*c)
			}
		}
		return cats, nil
	})
	l.children = loader.New(func(ctx context.Context, parentIDs []string) ([][]product.Category, error) {
		lists, err := store.ChildCategories(ctx, parentIDs)
		if err != nil {
			return nil, err
		}
		for _, list := range lists {
			l.prime(list)
		}
		return lists, nil
	})
	return l
}

// expectAround announces the keys a category's parent and children fields
// would load, so those fields batch across every category of a level.
func (l *loaders) expectAround(c product.Category) {
	if c.ParentID != nil {
		l.categories.Expect(*c.ParentID)
	}
	l.children.Expect(c.ID)
}

// prime records categories obtained from a list query, so resolving them
// (as a parent, say) costs nothing, and announces their own relatives.
func (l *loaders) prime(cats []product.Category) {
	for i := range cats {
		l.categories.Prime(cats[i].ID, &cats[i])
		l.expectAround(cats[i])
	}
}

// expectCategoriesOf announces the categories of products about to be
// resolved, so Product.category costs one query for the whole set.
func (l *loaders) expectCategoriesOf(products []product.Product) {
	for i := range products {
		l.categories.Expect(products[i].CategoryID)
	}
	l.reviews.expectProducts(products)
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loaders returns the operation's loaders. Outside NewSchema (a resolver
// called directly) it returns fresh ones: correct, just not shared.
func (r *Resolver) loaders(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store)
}

// primeTree records the whole category list: every parent and every child
// list is then known, so walking the tree costs no further query.
func (l *loaders) primeTree(all []product.Category) {
	kids := make(map[string][]product.Category, len(all))
	for i := range all {
		l.categories.Prime(all[i].ID, &all[i])
		if p := all[i].ParentID; p != nil {
			kids[*p] = append(kids[*p], all[i])
		}
	}
	for _, c := range all {
		l.children.Prime(c.ID, kids[c.ID])
	}
}
