package store

import (
	"context"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// TestConcurrentReviews: 20 customers reviewing one product at once all
// succeed and the rating is their exact mean; one customer's two
// simultaneous reviews yield one review and one CONFLICT; concurrent votes
// and withdrawals leave helpful_count equal to the votes.
func TestConcurrentReviews(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 2)

	const n = 20
	var wg sync.WaitGroup
	errs := make([]error, n)
	reviews := make([]product.Review, n)
	sum := 0
	for i := range n {
		sum += i%5 + 1
		wg.Go(func() { reviews[i], errs[i] = s.WriteReview(ctx, uuid.NewString(), review(ids[0], i%5+1)) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("review %d: %v", i, err)
		}
	}
	if st := stateOf(t, s, ids[0]); st.Count != n || st.Rating != float64(sum)/n {
		t.Fatalf("after %d concurrent reviews: %+v, want rating %v", n, st, float64(sum)/n)
	}

	me := uuid.NewString()
	for round := range 5 {
		pid := ids[1]
		var errA, errB error
		var a, b product.Review
		wg.Go(func() { a, errA = s.WriteReview(ctx, me, review(pid, 2)) })
		wg.Go(func() { b, errB = s.WriteReview(ctx, me, review(pid, 4)) })
		wg.Wait()
		if (errA == nil) == (errB == nil) {
			t.Fatalf("round %d: errors %v and %v, want exactly one CONFLICT", round, errA, errB)
		}
		won, err := a, errB
		if errA != nil {
			won, err = b, errA
		}
		wantErr(t, err, product.Conflict, "input.productId")
		if st := stateOf(t, s, pid); st.Count != 1 || st.Rating != float64(won.Rating) {
			t.Fatalf("round %d: %+v after winner %+v", round, st, won)
		}
		if _, err := s.DeleteReview(ctx, me, won.ID, false); err != nil {
			t.Fatal(err)
		}
	}

	// Every voter votes twice and withdraws once, all at once: each voter
	// ends with either vote, and the count matches the votes table.
	target := reviews[0].ID
	voteErrs := make([]error, 30)
	for v := range 10 {
		voter := uuid.NewString()
		for k, helpful := range []bool{true, true, false} {
			wg.Go(func() { _, voteErrs[v*3+k] = s.VoteHelpful(ctx, voter, target, helpful) })
		}
	}
	wg.Wait()
	for _, err := range voteErrs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var votes, helpful int
	if err := s.db.QueryRow(`SELECT (SELECT count(*) FROM product.review_votes WHERE review_id = $1),
		(SELECT helpful_count FROM product.reviews WHERE id = $1)`, target).Scan(&votes, &helpful); err != nil {
		t.Fatal(err)
	}
	if votes != helpful {
		t.Fatalf("helpful_count %d, votes %d", helpful, votes)
	}
}
