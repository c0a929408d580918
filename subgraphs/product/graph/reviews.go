package graph

import (
	"context"
	"errors"

	"github.com/google/uuid"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// Page sizes when the client passes null, matching the SDL defaults.
const (
	defaultReviewPage      = 10
	defaultAdminReviewPage = 20
)

// viewerID is the signed-in caller's user id (the verified token's
// subject), "" for an anonymous caller.
func viewerID(ctx context.Context) string {
	if c := kitauth.ClaimsFrom(ctx); c != nil && uuid.Validate(c.Subject) == nil {
		return c.Subject
	}
	return ""
}

// reviewer returns the review store and the caller's user id, or
// UNAUTHENTICATED for an anonymous caller (the router checks
// @authenticated first; the subgraph may be reached directly).
func (r *Resolver) reviewer(ctx context.Context) (product.ReviewStore, string, error) {
	id := viewerID(ctx)
	if id == "" {
		return nil, "", product.Errorf(product.Unauthenticated, "", "sign in to write, edit, delete or vote on reviews")
	}
	if r.Reviews == nil {
		return nil, "", product.InternalError("review mutation", errors.New("graph.Resolver.Reviews is not set"))
	}
	return r.Reviews, id, nil
}

// moderator is reviewer for the admins' fields (requireAdmin: anonymous
// UNAUTHENTICATED, others FORBIDDEN), checked before any argument.
func (r *Resolver) moderator(ctx context.Context) (product.ReviewStore, string, error) {
	if err := requireAdmin(ctx); err != nil {
		return nil, "", err
	}
	if r.Reviews == nil {
		return nil, "", product.InternalError("review moderation", errors.New("graph.Resolver.Reviews is not set"))
	}
	return r.Reviews, kitauth.ClaimsFrom(ctx).Subject, nil
}

// reviewResult wraps a mutation's outcome, reporting every invalid field.
func reviewResult(ctx context.Context, rv product.Review, err error) (*model.Review, error) {
	if err != nil {
		return nil, fail(ctx, err)
	}
	return &model.Review{Review: rv}, nil
}

func (r *Resolver) writeReview(ctx context.Context, in model.WriteReviewInput) (*model.Review, error) {
	st, me, err := r.reviewer(ctx)
	if err != nil {
		return nil, err
	}
	rv, err := st.WriteReview(ctx, me, product.ReviewInput{ProductID: in.ProductID, Rating: in.Rating,
		Title: in.Title, Body: in.Body, AuthorName: in.AuthorName})
	return reviewResult(ctx, rv, err)
}

func (r *Resolver) updateReview(ctx context.Context, in model.UpdateReviewInput) (*model.Review, error) {
	st, me, err := r.reviewer(ctx)
	if err != nil {
		return nil, err
	}
	rv, err := st.UpdateReview(ctx, me, in.ID, product.ReviewInput{Rating: in.Rating,
		Title: in.Title, Body: in.Body, AuthorName: in.AuthorName})
	return reviewResult(ctx, rv, err)
}

func (r *Resolver) deleteReview(ctx context.Context, id string) (*model.Review, error) {
	st, me, err := r.reviewer(ctx)
	if err != nil {
		return nil, err
	}
	rv, err := st.DeleteReview(ctx, me, id, kitauth.HasScope(ctx, AdminScope))
	return reviewResult(ctx, rv, err)
}

func (r *Resolver) voteReviewHelpful(ctx context.Context, id string, helpful bool) (*model.Review, error) {
	st, me, err := r.reviewer(ctx)
	if err != nil {
		return nil, err
	}
	rv, err := st.VoteHelpful(ctx, me, id, helpful)
	return reviewResult(ctx, rv, err)
}

func (r *Resolver) setReviewStatus(ctx context.Context, id string, status product.ReviewStatus, reason string) (*model.Review, error) {
	st, me, err := r.moderator(ctx)
	if err != nil {
		return nil, err
	}
	rv, err := st.SetReviewStatus(ctx, me, id, status, reason)
	return reviewResult(ctx, rv, err)
}

// productReviews runs Product.reviews: the product's visible reviews plus
// the caller's own.
func (r *Resolver) productReviews(ctx context.Context, p *model.Product, first *int, after *string, sort *model.ReviewSort) (*model.ReviewConnection, error) {
	params := product.ReviewListParams{First: defaultReviewPage, ProductID: p.ID, ViewerID: viewerID(ctx), After: deref(after)}
	if first != nil {
		params.First = *first
	}
	if sort != nil {
		params.Sort = product.ReviewSort(*sort)
	}
	return r.reviewPage(ctx, params, &p.Product)
}

// adminReviews runs Query.reviews, the moderation list (admins only).
func (r *Resolver) adminReviews(ctx context.Context, first *int, after *string, f *model.ReviewFilter) (*model.ReviewConnection, error) {
	if _, _, err := r.moderator(ctx); err != nil {
		return nil, err
	}
	params := product.ReviewListParams{First: defaultAdminReviewPage, Admin: true, After: deref(after)}
	if first != nil {
		params.First = *first
	}
	if f != nil {
		params.ProductID = deref(f.ProductID)
		if f.Status != nil {
			params.Status = product.ReviewStatus(*f.Status)
		}
		if f.Rating != nil {
			if *f.Rating < 1 || *f.Rating > 5 { // the store reads 0 as "no filter"
				return nil, product.Errorf(product.Invalid, "filter.rating", "must be between 1 and 5 stars, got %d", *f.Rating)
			}
			params.Rating = *f.Rating
		}
	}
	return r.reviewPage(ctx, params, nil)
}

// reviewPage validates, reads a page and announces its reviews to the
// loaders; known is the product all of them belong to, when known.
func (r *Resolver) reviewPage(ctx context.Context, params product.ReviewListParams, known *product.Product) (*model.ReviewConnection, error) {
	if err := params.Validate(); err != nil {
		return nil, fail(ctx, err)
	}
	if r.Reviews == nil {
		return nil, product.InternalError("reviews", errors.New("graph.Resolver.Reviews is not set"))
	}
	page, err := r.Reviews.Reviews(ctx, params)
	if err != nil {
		return nil, fail(ctx, err)
	}
	r.reviewLoaders(ctx).expectReviews(page.Reviews, known)
	c := &model.ReviewConnection{
		Edges:      make([]*model.ReviewEdge, len(page.Reviews)),
		TotalCount: page.TotalCount,
		PageInfo:   &model.PageInfo{HasNextPage: page.HasNextPage, HasPreviousPage: params.After != ""},
	}
	for i := range page.Reviews {
		c.Edges[i] = &model.ReviewEdge{Cursor: page.Cursors[i], Node: &model.Review{Review: page.Reviews[i]}}
	}
	if n := len(page.Cursors); n > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &page.Cursors[0], &page.Cursors[n-1]
	}
	return c, nil
}

// ratingDistribution runs Product.ratingDistribution: five entries, 5 stars first.
func (r *Resolver) ratingDistribution(ctx context.Context, p *model.Product) ([]*model.RatingCount, error) {
	d, err := r.reviewLoaders(ctx).distribution.Load(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*model.RatingCount, 5)
	for i := range out {
		stars := 5 - i
		out[i] = &model.RatingCount{Stars: stars, Count: d[stars-1]}
	}
	return out, nil
}

// viewerReview runs Product.viewerReview: null for anonymous callers.
func (r *Resolver) viewerReview(ctx context.Context, p *model.Product) (*model.Review, error) {
	if viewerID(ctx) == "" {
		return nil, nil
	}
	rv, err := r.reviewLoaders(ctx).viewerReview.Load(ctx, p.ID)
	if err != nil || rv == nil {
		return nil, err
	}
	return &model.Review{Review: *rv}, nil
}

// reviewProduct runs Review.product through the operation's loader.
func (r *Resolver) reviewProduct(ctx context.Context, rv *model.Review) (*model.Product, error) {
	p, err := r.reviewLoaders(ctx).products.Load(ctx, rv.ProductID)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, product.Errorf(product.NotFound, "", "the product of review %s no longer exists", rv.ID)
	}
	return &model.Product{Product: *p}, nil
}

// viewerFoundHelpful runs Review.viewerFoundHelpful (false for anonymous
// callers and on one's own review, which cannot be voted on).
func (r *Resolver) viewerFoundHelpful(ctx context.Context, rv *model.Review) (bool, error) {
	me := viewerID(ctx)
	if me == "" || me == rv.AuthorID {
		return false, nil
	}
	return r.reviewLoaders(ctx).helpful.Load(ctx, rv.ID)
}

// viewerIsAuthor runs Review.viewerIsAuthor.
func viewerIsAuthor(ctx context.Context, rv *model.Review) bool {
	me := viewerID(ctx)
	return me != "" && me == rv.AuthorID
}

// mayModerate reports whether the caller may see rv's moderation details:
// its author and admins.
func mayModerate(ctx context.Context, rv product.Review) bool {
	me := viewerID(ctx)
	return (me != "" && me == rv.AuthorID) || kitauth.HasScope(ctx, AdminScope)
}

// moderationReason runs Review.moderationReason: for the author and
// admins, and only while the review is hidden.
func moderationReason(ctx context.Context, rv *model.Review) *string {
	if rv.Status != product.ReviewHidden || !mayModerate(ctx, rv.Review) {
		return nil
	}
	return rv.ModerationReason
}

// reviewsByIDs resolves Review entities in one query: a hidden review only
// for its author and admins, null otherwise (as for an unknown id).
func (r *Resolver) reviewsByIDs(ctx context.Context, reps []*model.ReviewByIDsInput) ([]*model.Review, error) {
	if r.Reviews == nil {
		return nil, product.InternalError("review entities", errors.New("graph.Resolver.Reviews is not set"))
	}
	ids := make([]string, len(reps))
	for i, rep := range reps {
		ids[i] = rep.ID
	}
	found, err := r.Reviews.ReviewsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Review, len(found))
	var rvs []product.Review
	for i, rv := range found {
		if rv != nil && (rv.Status == product.ReviewVisible || mayModerate(ctx, *rv)) {
			out[i] = &model.Review{Review: *rv}
			rvs = append(rvs, *rv)
		}
	}
	r.reviewLoaders(ctx).expectReviews(rvs, nil)
	return out, nil
}
