package graph_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// code returns the error codes of a response, in order ("" when none).
func codes(out response) string {
	var cs []string
	for _, e := range out.Errors {
		c, _ := e.Extensions["code"].(string)
		cs = append(cs, c)
	}
	return strings.Join(cs, ",")
}

// TestReviewAuthorization: every review mutation and the moderation list
// against an anonymous caller, another customer, the author and an admin.
// Refusals change nothing.
func TestReviewAuthorization(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, 1)
	pid := e.products[0]
	author, other, adm, anon := customer(), customer(), admin(), caller{}
	rid := e.write(t, author, pid, 4)
	vars := map[string]any{"p": pid, "r": rid}
	const (
		write   = `mutation($p: ID!) { writeReview(input: {productId: $p, rating: 5, title: "Great", body: "Great shoe", authorName: "Bo"}) { id } }`
		update  = `mutation($r: ID!) { updateReview(input: {id: $r, rating: 2, title: "Meh", body: "Changed my mind", authorName: "Al"}) { rating } }`
		vote    = `mutation($r: ID!) { voteReviewHelpful(id: $r, helpful: true) { helpfulCount viewerFoundHelpful } }`
		hide    = `mutation($r: ID!) { hideReview(id: $r, reason: "Off-topic") { status } }`
		restore = `mutation($r: ID!) { restoreReview(id: $r, reason: "Appeal accepted") { status } }`
		del     = `mutation($r: ID!) { deleteReview(id: $r) { id } }`
		list    = `query { reviews { totalCount } }`
	)
	tests := []struct {
		name  string
		who   caller
		query string
		code  string // "" for success
	}{
		{"anonymous writes", anon, write, "UNAUTHENTICATED"},
		{"anonymous edits", anon, update, "UNAUTHENTICATED"},
		{"anonymous votes", anon, vote, "UNAUTHENTICATED"},
		{"anonymous deletes", anon, del, "UNAUTHENTICATED"},
		{"anonymous hides", anon, hide, "UNAUTHENTICATED"},
		{"anonymous restores", anon, restore, "UNAUTHENTICATED"},
		{"anonymous lists for moderation", anon, list, "UNAUTHENTICATED"},
		{"another customer edits", other, update, "NOT_FOUND"},
		{"another customer deletes", other, del, "NOT_FOUND"},
		{"another customer hides", other, hide, "FORBIDDEN"},
		{"another customer restores", other, restore, "FORBIDDEN"},
		{"another customer lists for moderation", other, list, "FORBIDDEN"},
		{"the author hides", author, hide, "FORBIDDEN"},
		{"the author votes", author, vote, "INVALID"},
		{"the author writes again", author, write, "CONFLICT"},
		{"an admin edits", adm, update, "NOT_FOUND"},
		{"an admin lists", adm, list, ""},
		{"another customer votes", other, vote, ""},
		{"another customer writes", other, write, ""},
		{"the author edits", author, update, ""},
		{"an admin hides", adm, hide, ""},
		{"an admin restores", adm, restore, ""},
		{"the author deletes", author, del, ""},
	}
	state := func() string {
		var s string
		if err := e.db.QueryRow(`SELECT concat_ws('/', (SELECT count(*) FROM product.reviews), (SELECT count(*) FROM product.review_votes),
			(SELECT count(*) FROM product.outbox), (SELECT string_agg(rating || status || coalesce(moderation_reason, ''), ',') FROM product.reviews))`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, tt := range tests {
		before := state()
		out := e.as(t, tt.who, tt.query, vars)
		if got := codes(out); got != tt.code {
			t.Fatalf("%s: codes %q, want %q (%+v)", tt.name, got, tt.code, out.Errors)
		}
		if tt.code != "" && state() != before {
			t.Fatalf("%s: refused, yet changed %s -> %s", tt.name, before, state())
		}
	}
	// An admin deletes anyone's review.
	rid = e.write(t, author, pid, 3)
	if out := e.as(t, adm, del, map[string]any{"r": rid}); codes(out) != "" {
		t.Fatalf("admin delete: %+v", out.Errors)
	}
	// Every invalid field of a write is its own error.
	out := e.as(t, other, `mutation($p: ID!) { writeReview(input: {productId: $p, rating: 9, title: " ", body: "", authorName: "x"}) { id } }`, vars)
	var fields []string
	for _, er := range out.Errors {
		f, _ := er.Extensions["field"].(string)
		fields = append(fields, er.Extensions["code"].(string)+":"+f)
	}
	slices.Sort(fields)
	if want := []string{"INVALID:input.body", "INVALID:input.rating", "INVALID:input.title"}; !slices.Equal(fields, want) {
		t.Fatalf("fields %v, want %v", fields, want)
	}
}

// reviewView is what the visibility test reads of a review.
type reviewView struct {
	ID               string  `json:"id"`
	Status           string  `json:"status"`
	ModerationReason *string `json:"moderationReason"`
	ViewerIsAuthor   bool    `json:"viewerIsAuthor"`
}

// TestModerationReasonVisibility: a hidden review leaves the shoppers'
// list and the rating; its author still sees it (list and viewerReview)
// with the reason, admins see the reason in the moderation list, nobody
// else sees it (entity lookups included); once restored, the reason is
// null for everyone.
func TestModerationReasonVisibility(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, 1)
	pid := e.products[0]
	author, other, adm := customer(), customer(), admin()
	rid := e.write(t, author, pid, 1)
	e.write(t, other, pid, 5)
	e.must(t, adm, `mutation($r: ID!) { hideReview(id: $r, reason: "Contains a phone number") { id } }`, map[string]any{"r": rid}, nil)

	const page = `query($p: ID!) { product(id: $p) { rating reviewCount
		reviews { totalCount edges { node { id status moderationReason viewerIsAuthor } } }
		viewerReview { id status moderationReason viewerIsAuthor } } }`
	type view struct {
		Product struct {
			Rating      float64
			ReviewCount int
			Reviews     struct {
				TotalCount int
				Edges      []struct{ Node reviewView }
			}
			ViewerReview *reviewView
		}
	}
	read := func(c caller) view {
		var v view
		e.must(t, c, page, map[string]any{"p": pid}, &v)
		return v
	}
	reason := "Contains a phone number"
	for name, c := range map[string]caller{"anonymous": {}, "other": other, "admin": adm} {
		v := read(c)
		if v.Product.Rating != 5 || v.Product.ReviewCount != 1 || v.Product.Reviews.TotalCount != 1 || v.Product.Reviews.Edges[0].Node.ID == rid {
			t.Fatalf("%s sees %+v", name, v)
		}
	}
	v := read(author)
	mine := v.Product.ViewerReview
	if v.Product.Reviews.TotalCount != 2 || mine == nil || mine.ID != rid || mine.Status != "HIDDEN" || !mine.ViewerIsAuthor ||
		mine.ModerationReason == nil || *mine.ModerationReason != reason {
		t.Fatalf("author sees %+v / %+v", v.Product.Reviews, mine)
	}
	var mod struct {
		Reviews struct{ Edges []struct{ Node reviewView } }
	}
	e.must(t, adm, `query { reviews(filter: {status: HIDDEN}) { edges { node { id status moderationReason viewerIsAuthor } } } }`, nil, &mod)
	if len(mod.Reviews.Edges) != 1 || mod.Reviews.Edges[0].Node.ModerationReason == nil || *mod.Reviews.Edges[0].Node.ModerationReason != reason {
		t.Fatalf("moderation list %+v", mod)
	}
	entity := `query($r: ID!) { _entities(representations: [{__typename: "Review", id: $r}]) { ... on Review { id moderationReason } } }`
	for name, c := range map[string]caller{"anonymous": {}, "other": other, "author": author, "admin": adm} {
		var ent struct {
			Entities []*reviewView `json:"_entities"`
		}
		e.must(t, c, entity, map[string]any{"r": rid}, &ent)
		visible := name == "author" || name == "admin"
		if got := ent.Entities[0] != nil; got != visible || (visible && *ent.Entities[0].ModerationReason != reason) {
			b, _ := json.Marshal(ent)
			t.Fatalf("%s: entity %s", name, b)
		}
	}
	e.must(t, adm, `mutation($r: ID!) { restoreReview(id: $r, reason: "Number removed") { id } }`, map[string]any{"r": rid}, nil)
	for name, c := range map[string]caller{"anonymous": {}, "author": author, "admin": adm} {
		v := read(c)
		if v.Product.Rating != 3 || v.Product.Reviews.TotalCount != 2 {
			t.Fatalf("%s after restore: %+v", name, v)
		}
		for _, ed := range v.Product.Reviews.Edges {
			if ed.Node.ModerationReason != nil {
				t.Fatalf("%s sees a reason on a visible review: %+v", name, ed.Node)
			}
		}
	}
}

// TestReviewFieldsBatched: a page of products costs one call for every
// rating distribution and one for every viewer review; a page of reviews
// one call for every viewerFoundHelpful.
func TestReviewFieldsBatched(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, 6)
	me := customer()
	var reviewIDs []string
	for i, p := range e.products {
		for k := range 3 {
			reviewIDs = append(reviewIDs, e.write(t, customer(), p, (i+k)%5+1))
		}
		if i%2 == 0 {
			e.write(t, me, p, 5)
		}
	}
	for _, r := range reviewIDs[:2] {
		e.must(t, me, `mutation($r: ID!) { voteReviewHelpful(id: $r, helpful: true) { id } }`, map[string]any{"r": r}, nil)
	}
	e.reviews.reset()
	var list struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID                 string
					ReviewCount        int
					RatingDistribution []struct{ Stars, Count int }
					ViewerReview       *struct{ ID string }
				}
			}
		}
	}
	e.must(t, me, `{ products(first: 10) { edges { node { id reviewCount ratingDistribution { stars count } viewerReview { id } } } } }`, nil, &list)
	if n := len(list.Products.Edges); n != 6 {
		t.Fatalf("%d products", n)
	}
	withMine := 0
	for _, ed := range list.Products.Edges {
		n := ed.Node
		total := 0
		for i, rc := range n.RatingDistribution {
			if rc.Stars != 5-i {
				t.Fatalf("distribution %+v not 5 stars first", n.RatingDistribution)
			}
			total += rc.Count
		}
		if total != n.ReviewCount || len(n.RatingDistribution) != 5 {
			t.Fatalf("product %s: distribution %+v, reviewCount %d", n.ID, n.RatingDistribution, n.ReviewCount)
		}
		if n.ViewerReview != nil {
			withMine++
		}
	}
	if withMine != 3 || e.reviews.n("RatingDistributions") != 1 || e.reviews.n("ViewerReviews") != 1 {
		t.Fatalf("%d viewer reviews; calls %v", withMine, e.reviews.calls)
	}
	e.reviews.reset()
	var one struct {
		Product struct {
			Reviews struct {
				Edges []struct {
					Node struct {
						ID                 string
						ViewerFoundHelpful bool
						ViewerIsAuthor     bool
						Product            struct{ ID string }
					}
				}
			}
		}
	}
	e.must(t, me, `query($p: ID!) { product(id: $p) { reviews(first: 10, sort: MOST_HELPFUL) { edges { node { id viewerFoundHelpful viewerIsAuthor product { id } } } } } }`,
		map[string]any{"p": e.products[0]}, &one)
	edges := one.Product.Reviews.Edges
	if len(edges) != 4 || !edges[0].Node.ViewerFoundHelpful || !edges[1].Node.ViewerFoundHelpful || edges[2].Node.ViewerFoundHelpful {
		t.Fatalf("reviews %+v", edges)
	}
	for _, ed := range edges {
		if ed.Node.Product.ID != e.products[0] {
			t.Fatalf("review product %+v", ed.Node)
		}
	}
	if e.reviews.n("HelpfulVotes") != 1 || e.reviews.n("Reviews") != 1 {
		t.Fatalf("calls %v", e.reviews.calls)
	}
}
