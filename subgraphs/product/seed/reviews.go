package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Vote is one demo customer's helpful vote on a review.
type Vote struct{ ReviewID, VoterID string }

// reviewers are the demo customers who write reviews. Their ids are
// derived from the seed in a namespace of their own, so they never collide
// with the auth service's demo accounts: a shopper who signs in has
// reviewed nothing yet.
var reviewers = []string{
	"Ada L.", "Bruno M.", "Chen W.", "Dana K.", "Elif S.", "Farah N.", "Gus T.", "Hana Y.",
	"Ivan P.", "Jade R.", "Kofi A.", "Lena B.", "Mateo G.", "Nia O.", "Omar F.", "Priya D.",
	"Quinn E.", "Rosa V.", "Sami H.", "Tara C.", "Uma J.", "Viktor Z.", "Wen Q.", "Yusuf I.",
}

// reviewText are titles and bodies by stars (index 0 is 1 star).
var reviewText = [5]struct{ titles, bodies []string }{
	{[]string{"Disappointed", "Would not buy again", "Broke within a week"},
		[]string{"It stopped working after a few days and support was slow to answer.", "Not as described. The finish felt cheap and it arrived scratched."}},
	{[]string{"Not great", "Expected more", "Meh"},
		[]string{"It does the job, barely. For this price I expected better build quality.", "Sizing and fit were off, and the colour is duller than in the photos."}},
	{[]string{"Decent for the price", "Okay overall", "Does what it says"},
		[]string{"Nothing special, nothing wrong. It works as advertised.", "A solid middle-of-the-road choice; a few rough edges."}},
	{[]string{"Very good", "Happy with it", "Great value"},
		[]string{"Well made and arrived quickly. Minor quibbles, but I would recommend it.", "Using it daily for a month now and it holds up nicely."}},
	{[]string{"Excellent!", "Love it", "Exactly what I needed"},
		[]string{"Superb quality and it looks even better in person. Would buy again.", "Five stars: comfortable, sturdy and beautifully finished.\nHighly recommended."}},
}

// reviewedProducts caps the products that get reviews: the newest 10,000
// (every product of the demo catalog). A 100,000-product benchmark catalog
// would otherwise load ~300,000 reviews and ~400,000 votes, minutes of
// foreign-key checks and index updates on a small machine, for data the
// search benchmark never reads; its older products simply have none yet.
const reviewedProducts = 10_000

// generateReviews draws a few reviews for most products (product i from
// its own generator, so a smaller catalog's reviews are a prefix of a
// larger one's) and sets each product's Rating and ReviewCount from its
// visible reviews exactly as the store computes them.
func generateReviews(seed int64, ps []product.Product) ([]product.Review, []Vote) {
	var reviews []product.Review
	var votes []Vote
	for i := range ps {
		p := &ps[i]
		r := rand.New(rand.NewPCG(uint64(seed), uint64(i)^0x7e71e75)) //nolint:gosec // demo data
		p.Rating, p.ReviewCount = 0, 0
		if i >= reviewedProducts || r.IntN(6) == 0 {
			continue // about one product in six has no reviews yet
		}
		quality := 2 + r.IntN(4) // the product's typical stars, 2..5
		authors := r.Perm(len(reviewers))[:1+r.IntN(6)]
		span := max(Epoch.Sub(p.CreatedAt), time.Hour)
		sum := 0
		for k, a := range authors {
			stars := min(5, max(1, quality+r.IntN(3)-1))
			text := reviewText[stars-1]
			created := p.CreatedAt.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Microsecond)
			rv := product.Review{
				ID: id(seed, "review", fmt.Sprintf("%d/%d", i, k)), ProductID: p.ID,
				AuthorID: id(seed, "reviewer", reviewers[a]), AuthorName: reviewers[a], Rating: stars,
				Title: text.titles[r.IntN(len(text.titles))], Body: text.bodies[r.IntN(len(text.bodies))],
				Status: product.ReviewVisible, CreatedAt: created, UpdatedAt: created,
			}
			if r.IntN(40) == 0 {
				reason := "Hidden by the demo data: mentions a competitor's shop."
				rv.Status, rv.ModerationReason = product.ReviewHidden, &reason
			} else {
				for _, v := range r.Perm(len(reviewers))[:r.IntN(4)] {
					if v != a {
						votes = append(votes, Vote{ReviewID: rv.ID, VoterID: id(seed, "reviewer", reviewers[v])})
						rv.HelpfulCount++
					}
				}
				sum += stars
				p.ReviewCount++
			}
			reviews = append(reviews, rv)
		}
		if p.ReviewCount > 0 {
			p.Rating = float64(sum) / float64(p.ReviewCount)
		}
	}
	return reviews, votes
}

// insertReviews copies the reviews and votes in (COPY: a large catalog
// has hundreds of thousands).
func insertReviews(ctx context.Context, tx *sqlx.Tx, reviews []product.Review, votes []Vote) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyInSchema("product", "reviews", "id", "product_id", "author_id", "author_name",
		"rating", "title", "body", "status", "moderation_reason", "helpful_count", "created_at", "updated_at"))
	if err != nil {
		return fmt.Errorf("seed: copy reviews: %w", err)
	}
	for _, rv := range reviews {
		if _, err := stmt.ExecContext(ctx, rv.ID, rv.ProductID, rv.AuthorID, rv.AuthorName, rv.Rating, rv.Title, rv.Body,
			string(rv.Status), rv.ModerationReason, rv.HelpfulCount, rv.CreatedAt, rv.UpdatedAt); err != nil {
			return fmt.Errorf("seed: copy review %s: %w", rv.ID, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("seed: copy reviews: %w", err)
	}
	if err := stmt.Close(); err != nil {
		return fmt.Errorf("seed: copy reviews: %w", err)
	}
	stmt, err = tx.PrepareContext(ctx, pq.CopyInSchema("product", "review_votes", "review_id", "voter_id"))
	if err != nil {
		return fmt.Errorf("seed: copy votes: %w", err)
	}
	for _, v := range votes {
		if _, err := stmt.ExecContext(ctx, v.ReviewID, v.VoterID); err != nil {
			return fmt.Errorf("seed: copy vote: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("seed: copy votes: %w", err)
	}
	return stmt.Close()
}
