package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// reviewable returns a store over an empty catalog with n products.
func reviewable(t *testing.T, n int) (*Store, []string) {
	t.Helper()
	s, f, _ := writable(t)
	ids := make([]string, n)
	for i := range ids {
		f.Name, f.Slug, f.SKU = fmt.Sprintf("Shoe %d", i), fmt.Sprintf("shoe-%d", i), fmt.Sprintf("NX-%d", i)
		p, err := s.CreateProduct(context.Background(), product.NewProduct{ProductFields: f})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	return s, ids
}

func review(productID string, rating int) product.ReviewInput {
	return product.ReviewInput{ProductID: productID, Rating: rating, Title: "Good shoe", Body: "Comfortable.\nWould buy again.", AuthorName: "Ada"}
}

// reviewState is what a review write may change.
type reviewState struct {
	Reviews, Votes, Outbox, Helpful int
	Rating                          float64
	Count                           int
}

func stateOf(t *testing.T, s *Store, productID string) reviewState {
	t.Helper()
	var st reviewState
	err := s.db.QueryRowx(`SELECT (SELECT count(*) FROM product.reviews), (SELECT count(*) FROM product.review_votes),
		(SELECT count(*) FROM product.outbox), (SELECT coalesce(sum(helpful_count), 0) FROM product.reviews),
		p.rating, p.review_count FROM product.products p WHERE p.id = $1`, productID).
		Scan(&st.Reviews, &st.Votes, &st.Outbox, &st.Helpful, &st.Rating, &st.Count)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestReviewLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 1)
	pid := ids[0]
	ada, bob, admin := uuid.NewString(), uuid.NewString(), uuid.NewString()

	in := review(pid, 4)
	in.Title, in.AuthorName = "  Good shoe  ", " Ada "
	a, err := s.WriteReview(ctx, ada, in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Good shoe" || a.AuthorName != "Ada" || a.Status != product.ReviewVisible || a.AuthorID != ada ||
		a.HelpfulCount != 0 || a.VerifiedPurchase || !a.CreatedAt.Equal(a.UpdatedAt) {
		t.Fatalf("written %+v", a)
	}
	b, err := s.WriteReview(ctx, bob, review(pid, 1))
	if err != nil {
		t.Fatal(err)
	}
	if st := stateOf(t, s, pid); st.Rating != 2.5 || st.Count != 2 {
		t.Fatalf("after two reviews %+v", st)
	}
	_, err = s.WriteReview(ctx, ada, review(pid, 5))
	wantErr(t, err, product.Conflict, "input.productId")

	// Only the author edits; the edit recomputes the rating.
	_, err = s.UpdateReview(ctx, bob, a.ID, review(pid, 5))
	wantErr(t, err, product.NotFound, "input.id")
	a2, err := s.UpdateReview(ctx, ada, a.ID, review(pid, 5))
	if err != nil || a2.Rating != 5 || a2.UpdatedAt.Before(a2.CreatedAt) {
		t.Fatalf("update = %+v, %v", a2, err)
	}
	if st := stateOf(t, s, pid); st.Rating != 3 || st.Count != 2 {
		t.Fatalf("after edit %+v", st)
	}

	// Votes: idempotent, not on one's own review.
	for range 2 {
		if v, err := s.VoteHelpful(ctx, bob, a.ID, true); err != nil || v.HelpfulCount != 1 {
			t.Fatalf("vote = %+v, %v", v, err)
		}
	}
	_, err = s.VoteHelpful(ctx, ada, a.ID, true)
	wantErr(t, err, product.Invalid, "id")
	if voted, err := s.HelpfulVotes(ctx, bob, []string{a.ID, b.ID, "nope"}); err != nil || !slices.Equal(voted, []bool{true, false, false}) {
		t.Fatalf("HelpfulVotes = %v, %v", voted, err)
	}

	// Hiding takes the review out of the rating and the shoppers' list,
	// not out of its author's; voting on it is NOT_FOUND.
	h, err := s.SetReviewStatus(ctx, admin, b.ID, product.ReviewHidden, "  spam  ")
	if err != nil || h.Status != product.ReviewHidden || *h.ModerationReason != "spam" {
		t.Fatalf("hide = %+v, %v", h, err)
	}
	if st := stateOf(t, s, pid); st.Rating != 5 || st.Count != 1 {
		t.Fatalf("after hide %+v", st)
	}
	_, err = s.VoteHelpful(ctx, ada, b.ID, true)
	wantErr(t, err, product.NotFound, "id")
	for viewer, want := range map[string]int{"": 1, ada: 1, bob: 2} {
		page, err := s.Reviews(ctx, product.ReviewListParams{First: 10, ProductID: pid, ViewerID: viewer})
		if err != nil || page.TotalCount != want || len(page.Reviews) != want {
			t.Fatalf("viewer %q sees %+v, %v; want %d", viewer, page, err, want)
		}
	}
	if mine, err := s.ViewerReviews(ctx, bob, []string{pid, pid}); err != nil || mine[0] == nil || mine[1] == nil || mine[0].ID != b.ID {
		t.Fatalf("ViewerReviews = %v, %v", mine, err)
	}
	if d, err := s.RatingDistributions(ctx, []string{pid, uuid.NewString()}); err != nil || d[0] != [5]int{0, 0, 0, 0, 1} || d[1] != [5]int{} {
		t.Fatalf("RatingDistributions = %v, %v", d, err)
	}
	// Editing a hidden review keeps it hidden.
	if e, err := s.UpdateReview(ctx, bob, b.ID, review(pid, 2)); err != nil || e.Status != product.ReviewHidden {
		t.Fatalf("edit of hidden = %+v, %v", e, err)
	}
	if _, err := s.SetReviewStatus(ctx, admin, b.ID, product.ReviewVisible, "appeal accepted"); err != nil {
		t.Fatal(err)
	}
	if st := stateOf(t, s, pid); st.Rating != 3.5 || st.Count != 2 {
		t.Fatalf("after restore %+v", st)
	}

	// Delete: the author's own, or any as admin; votes go with it.
	_, err = s.DeleteReview(ctx, bob, a.ID, false)
	wantErr(t, err, product.NotFound, "id")
	if d, err := s.DeleteReview(ctx, admin, a.ID, true); err != nil || d.ID != a.ID || d.HelpfulCount != 1 {
		t.Fatalf("admin delete = %+v, %v", d, err)
	}
	if _, err := s.DeleteReview(ctx, bob, b.ID, false); err != nil {
		t.Fatal(err)
	}
	if st := stateOf(t, s, pid); st != (reviewState{Outbox: st.Outbox}) {
		t.Fatalf("after deleting all %+v", st)
	}

	// One event per change, in order, carrying the product's new figures.
	var evs []outboxEvent
	if err := s.db.Select(&evs, `SELECT type, aggregate_id, payload FROM product.outbox WHERE type LIKE 'review.%' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, e := range evs {
		types = append(types, e.Type)
	}
	want := []string{"review.created", "review.created", "review.updated", "review.hidden", "review.updated", "review.restored", "review.deleted", "review.deleted"}
	if !slices.Equal(types, want) {
		t.Fatalf("events %v, want %v", types, want)
	}
	var last map[string]any
	if err := json.Unmarshal(evs[6].Payload, &last); err != nil {
		t.Fatal(err)
	}
	if evs[6].AggregateID != a.ID || last["productId"] != pid || last["productRating"] != 2.0 || last["productReviewCount"] != 1.0 ||
		last["rating"] != 5.0 || last["status"] != "VISIBLE" || last["authorId"] != nil {
		t.Fatalf("review.deleted payload %s", evs[6].Payload)
	}
}

// TestReviewValidation: every invalid field is named, nothing is written;
// markup is stored verbatim (clients escape it); NUL, other control
// characters, invalid UTF-8 and 10 MB bodies are refused.
func TestReviewValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 1)
	pid, me := ids[0], uuid.NewString()
	fields := func(err error) []string {
		var out []string
		for _, e := range product.FieldErrors(err) {
			if e.Code != product.Invalid {
				t.Fatalf("error %v has code %s", e, e.Code)
			}
			out = append(out, e.Field)
		}
		slices.Sort(out)
		return out
	}
	huge := strings.Repeat("a", 10<<20)
	tests := []struct {
		name string
		in   product.ReviewInput
		want []string
	}{
		{"everything wrong", product.ReviewInput{ProductID: "x", Rating: 0, Title: " ", Body: "", AuthorName: "\t"},
			[]string{"input.authorName", "input.body", "input.productId", "input.rating", "input.title"}},
		{"too many stars", product.ReviewInput{ProductID: pid, Rating: 6, Title: "t", Body: "b", AuthorName: "a"}, []string{"input.rating"}},
		{"NUL in body", product.ReviewInput{ProductID: pid, Rating: 3, Title: "t", Body: "a\x00b", AuthorName: "a"}, []string{"input.body"}},
		{"newline in title", product.ReviewInput{ProductID: pid, Rating: 3, Title: "a\nb", Body: "b", AuthorName: "a"}, []string{"input.title"}},
		{"escape in name", product.ReviewInput{ProductID: pid, Rating: 3, Title: "t", Body: "b", AuthorName: "a\x1b[31m"}, []string{"input.authorName"}},
		{"invalid UTF-8", product.ReviewInput{ProductID: pid, Rating: 3, Title: "t\xff", Body: "b", AuthorName: "a"}, []string{"input.title"}},
		{"10 MB body", product.ReviewInput{ProductID: pid, Rating: 3, Title: "t", Body: huge, AuthorName: "a"}, []string{"input.body"}},
		{"long title", product.ReviewInput{ProductID: pid, Rating: 3, Title: strings.Repeat("é", 121), Body: "b", AuthorName: "a"}, []string{"input.title"}},
		{"long name", product.ReviewInput{ProductID: pid, Rating: 3, Title: "t", Body: "b", AuthorName: strings.Repeat("n", 61)}, []string{"input.authorName"}},
	}
	before := stateOf(t, s, pid)
	for _, tt := range tests {
		_, err := s.WriteReview(ctx, me, tt.in)
		if got := fields(err); !slices.Equal(got, tt.want) {
			t.Errorf("%s: fields %v, want %v (%v)", tt.name, got, tt.want, err)
		}
	}
	_, err := s.WriteReview(ctx, me, review(uuid.NewString(), 3))
	wantErr(t, err, product.NotFound, "input.productId")
	_, err = s.WriteReview(ctx, "not-a-user", review(pid, 3))
	wantErr(t, err, product.Unauthenticated, "")
	if after := stateOf(t, s, pid); after != before {
		t.Fatalf("refused writes changed %+v -> %+v", before, after)
	}

	// Limits are in characters, after trimming; markup is text.
	hostile := product.ReviewInput{ProductID: pid, Rating: 1, Title: strings.Repeat("é", 120),
		Body: "  <script>alert('x')</script> & <b>bold</b>\n\ttabbed " + strings.Repeat("ü", 4900) + "  ", AuthorName: `"><img src=x onerror=alert(1)>`}
	rv, err := s.WriteReview(ctx, me, hostile)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ReviewsByIDs(ctx, []string{rv.ID})
	if err != nil || got[0] == nil {
		t.Fatal(err)
	}
	if got[0].Body != strings.TrimSpace(hostile.Body) || got[0].AuthorName != hostile.AuthorName || got[0].Title != hostile.Title {
		t.Fatalf("stored %q / %q, want them verbatim", got[0].Body[:40], got[0].AuthorName)
	}
	// An edit is validated the same way and refused whole.
	bad := hostile
	bad.Rating, bad.Body = 9, "ok"
	_, err = s.UpdateReview(ctx, me, rv.ID, bad)
	if f := fields(err); !slices.Equal(f, []string{"input.rating"}) {
		t.Fatalf("edit fields %v", f)
	}
	_, err = s.SetReviewStatus(ctx, uuid.NewString(), rv.ID, product.ReviewHidden, " ")
	wantErr(t, err, product.Invalid, "reason")
	_, err = s.SetReviewStatus(ctx, uuid.NewString(), rv.ID, product.ReviewHidden, strings.Repeat("r", 501))
	wantErr(t, err, product.Invalid, "reason")
	if got, _ := s.ReviewsByIDs(ctx, []string{rv.ID}); got[0].Rating != 1 || got[0].Status != product.ReviewVisible {
		t.Fatalf("refused edits changed the review: %+v", got[0])
	}
	for _, id := range []string{"", "nope", uuid.NewString(), "'; DROP TABLE product.reviews; --"} {
		_, err := s.DeleteReview(ctx, me, id, false)
		wantErr(t, err, product.NotFound, "id")
		_, err = s.VoteHelpful(ctx, uuid.NewString(), id, true)
		wantErr(t, err, product.NotFound, "id")
		_, err = s.UpdateReview(ctx, me, id, review(pid, 3))
		wantErr(t, err, product.NotFound, "input.id")
	}
}

// TestReviewsOfADeletedProduct: once a product is deleted its reviews are
// gone for everyone but the deleting hand: no new review, edit, vote,
// moderation or lookup; the moderation list skips them; a delete (by its
// author or an admin) still works, so nothing is stuck.
func TestReviewsOfADeletedProduct(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := reviewable(t, 1)
	author, admin := uuid.NewString(), uuid.NewString()
	a, err := s.WriteReview(ctx, author, review(ids[0], 4))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.WriteReview(ctx, uuid.NewString(), review(ids[0], 2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteProduct(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	_, err = s.WriteReview(ctx, uuid.NewString(), review(ids[0], 5))
	wantErr(t, err, product.NotFound, "input.productId")
	_, err = s.UpdateReview(ctx, author, a.ID, review(ids[0], 1))
	wantErr(t, err, product.NotFound, "input.id")
	_, err = s.VoteHelpful(ctx, admin, a.ID, true)
	wantErr(t, err, product.NotFound, "id")
	_, err = s.SetReviewStatus(ctx, admin, a.ID, product.ReviewHidden, "gone")
	wantErr(t, err, product.NotFound, "id")
	if got, err := s.ReviewsByIDs(ctx, []string{a.ID}); err != nil || got[0] != nil {
		t.Fatalf("ReviewsByIDs = %v, %v", got, err)
	}
	if page, err := s.Reviews(ctx, product.ReviewListParams{First: 10, Admin: true}); err != nil || page.TotalCount != 0 {
		t.Fatalf("moderation list %+v, %v", page, err)
	}
	if _, err := s.DeleteReview(ctx, author, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteReview(ctx, admin, b.ID, true); err != nil {
		t.Fatal(err)
	}
}
