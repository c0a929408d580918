package graph

import (
	"context"
	"errors"
	"sync"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/loader"
)

// reviewLoaders are an operation's batch loaders behind the review fields
// (Product.ratingDistribution and viewerReview, Review.viewerFoundHelpful
// and product): a page of products or reviews costs one query per field,
// not one per object. The zero value is ready; the loaders are made on
// first use, and the stores and viewer are bound by the first resolver
// that loads (every Load comes from a resolver, after bind).
type reviewLoaders struct {
	once sync.Once
	set  *reviewLoaderSet
}

type reviewLoaderSet struct {
	mu     sync.Mutex
	src    *Resolver
	viewer string

	distribution *loader.Loader[string, [5]int]           // by product id
	viewerReview *loader.Loader[string, *product.Review]  // by product id
	helpful      *loader.Loader[string, bool]             // by review id
	products     *loader.Loader[string, *product.Product] // by product id
}

func (rl *reviewLoaders) get() *reviewLoaderSet {
	rl.once.Do(func() {
		s := &reviewLoaderSet{}
		s.distribution = loader.New(func(ctx context.Context, ids []string) ([][5]int, error) {
			st, _, err := s.source()
			if err != nil {
				return nil, err
			}
			return st.Reviews.RatingDistributions(ctx, ids)
		})
		s.viewerReview = loader.New(func(ctx context.Context, ids []string) ([]*product.Review, error) {
			st, viewer, err := s.source()
			if err != nil {
				return nil, err
			}
			return st.Reviews.ViewerReviews(ctx, viewer, ids)
		})
		s.helpful = loader.New(func(ctx context.Context, ids []string) ([]bool, error) {
			st, viewer, err := s.source()
			if err != nil {
				return nil, err
			}
			return st.Reviews.HelpfulVotes(ctx, viewer, ids)
		})
		s.products = loader.New(func(ctx context.Context, ids []string) ([]*product.Product, error) {
			st, _, err := s.source()
			if err != nil {
				return nil, err
			}
			return st.Store.ProductsByIDs(ctx, ids)
		})
		rl.set = s
	})
	return rl.set
}

// bind records where the loaders read from and who is asking.
func (s *reviewLoaderSet) bind(r *Resolver, viewer string) *reviewLoaderSet {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.src == nil {
		s.src, s.viewer = r, viewer
	}
	return s
}

func (s *reviewLoaderSet) source() (*Resolver, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.src == nil || s.src.Reviews == nil {
		return nil, "", product.InternalError("review loaders", errors.New("graph.Resolver.Reviews is not set"))
	}
	return s.src, s.viewer, nil
}

// expectProducts announces products whose review fields may be asked for
// next; announcing costs nothing when no such field is selected.
func (rl *reviewLoaders) expectProducts(ps []product.Product) {
	s := rl.get()
	for i := range ps {
		s.distribution.Expect(ps[i].ID)
		s.viewerReview.Expect(ps[i].ID)
	}
}

// expectReviews announces a page of reviews: their helpful votes and
// their products (primed when the caller already has it).
func (s *reviewLoaderSet) expectReviews(rvs []product.Review, known *product.Product) {
	for _, rv := range rvs {
		s.helpful.Expect(rv.ID)
		if known != nil && rv.ProductID == known.ID {
			continue
		}
		s.products.Expect(rv.ProductID)
	}
	if known != nil {
		cp := *known
		s.products.Prime(known.ID, &cp)
	}
}

// reviewLoaders returns the operation's review loaders bound to r and the
// caller.
func (r *Resolver) reviewLoaders(ctx context.Context) *reviewLoaderSet {
	return r.loaders(ctx).reviews.get().bind(r, viewerID(ctx))
}
