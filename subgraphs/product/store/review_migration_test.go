package store

import (
	"context"
	"io/fs"
	"testing"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/migrations"
)

// TestReviewMigrationDownAndUp: 0006 down drops reviews and votes and
// resets every rating to 0 (nothing is left to compute one from); up again
// starts consistent (ratings 0, no reviews) and reviews work again.
func TestReviewMigrationDownAndUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 1)
	rv, err := s.WriteReview(ctx, uuid.NewString(), review(ids[0], 4))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.VoteHelpful(ctx, uuid.NewString(), rv.ID, true); err != nil {
		t.Fatal(err)
	}
	fsys, err := migrations.FS("product")
	if err != nil {
		t.Fatal(err)
	}
	run := func(name string) {
		t.Helper()
		sql, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(string(sql)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	ratings := func() (rated int) {
		t.Helper()
		if err := s.db.Get(&rated, `SELECT count(*) FROM product.products WHERE rating <> 0 OR review_count <> 0`); err != nil {
			t.Fatal(err)
		}
		return rated
	}
	if ratings() != 1 {
		t.Fatal("the review did not rate its product")
	}
	run("0006_reviews.down.sql")
	var tables int
	if err := s.db.Get(&tables, `SELECT count(*) FROM pg_tables WHERE schemaname = 'product' AND tablename IN ('reviews', 'review_votes')`); err != nil {
		t.Fatal(err)
	}
	if tables != 0 || ratings() != 0 {
		t.Fatalf("after down: %d review tables, %d rated products", tables, ratings())
	}
	// A product rated by demo numbers before 0006 is reset by up.
	if _, err := s.db.Exec(`UPDATE product.products SET rating = 4.5, review_count = 12`); err != nil {
		t.Fatal(err)
	}
	run("0006_reviews.up.sql")
	if ratings() != 0 {
		t.Fatal("up left ratings that no review supports")
	}
	if _, err := s.WriteReview(ctx, uuid.NewString(), review(ids[0], 2)); err != nil {
		t.Fatal(err)
	}
	if st := stateOf(t, s, ids[0]); st.Rating != 2 || st.Count != 1 {
		t.Fatalf("after up and a review: %+v", st)
	}
}
