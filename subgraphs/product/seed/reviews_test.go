package seed

import (
	"context"
	"testing"
)

// TestDemoReviews: most products have a few reviews with varied ratings,
// and what Load writes is consistent: every product's rating and
// reviewCount are the mean and number of its visible reviews, every
// helpful_count the number of its votes, one review per customer and
// product, and no one votes on their own review.
func TestDemoReviews(t *testing.T) {
	c := Generate(DemoSeed, 600)
	reviewed, stars := 0, map[int]int{}
	for _, p := range c.Products {
		if p.ReviewCount > 0 {
			reviewed++
		}
	}
	for _, rv := range c.Reviews {
		stars[rv.Rating]++
	}
	if reviewed < len(c.Products)*2/3 || len(stars) != 5 {
		t.Fatalf("%d of %d products reviewed, stars %v", reviewed, len(c.Products), stars)
	}
	db := migrated(t)
	if ok, err := Load(context.Background(), db, c); err != nil || !ok {
		t.Fatalf("Load = %v, %v", ok, err)
	}
	var bad []struct {
		ID          string  `db:"id"`
		Rating      float64 `db:"rating"`
		ReviewCount int     `db:"review_count"`
		Mean        float64 `db:"mean"`
		N           int     `db:"n"`
	}
	if err := db.Select(&bad, `SELECT p.id, p.rating, p.review_count,
			coalesce(sum(r.rating) FILTER (WHERE r.status = 'VISIBLE')::float8 / nullif(count(r.id) FILTER (WHERE r.status = 'VISIBLE'), 0), 0) AS mean,
			count(r.id) FILTER (WHERE r.status = 'VISIBLE') AS n
		FROM product.products p LEFT JOIN product.reviews r ON r.product_id = p.id
		GROUP BY p.id HAVING p.rating <> coalesce(sum(r.rating) FILTER (WHERE r.status = 'VISIBLE')::float8 / nullif(count(r.id) FILTER (WHERE r.status = 'VISIBLE'), 0), 0)
			OR p.review_count <> count(r.id) FILTER (WHERE r.status = 'VISIBLE')`); err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Fatalf("%d products whose rating disagrees with their reviews, first %+v", len(bad), bad[0])
	}
	var wrongCounts, ownVotes, reviews, hidden int
	if err := db.QueryRow(`SELECT
		(SELECT count(*) FROM product.reviews r WHERE helpful_count <> (SELECT count(*) FROM product.review_votes v WHERE v.review_id = r.id)),
		(SELECT count(*) FROM product.review_votes v JOIN product.reviews r ON r.id = v.review_id WHERE v.voter_id = r.author_id),
		(SELECT count(*) FROM product.reviews),
		(SELECT count(*) FROM product.reviews WHERE status = 'HIDDEN')`).Scan(&wrongCounts, &ownVotes, &reviews, &hidden); err != nil {
		t.Fatal(err)
	}
	if wrongCounts != 0 || ownVotes != 0 || reviews != len(c.Reviews) || hidden == 0 {
		t.Fatalf("helpful counts wrong: %d, votes on own review: %d, reviews %d of %d, hidden %d", wrongCounts, ownVotes, reviews, len(c.Reviews), hidden)
	}
}
