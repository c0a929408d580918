package e2e

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

const conflict = "CONFLICT"

// catalogWorld is what the product rows of the matrix work on: three
// seeded products and A's review of the first, written before the matrix
// runs. A's review and its moderation reason are A's: no other customer
// may see who wrote it or why it was hidden.
type catalogWorld struct {
	p, q, r string // product ids
	reviewA string
	reason  string // the reason the admin hides A's review with
}

func newCatalogWorld(t *testing.T, env *testenv.Identity, a *principal) catalogWorld {
	t.Helper()
	var page struct {
		Edges []struct{ Node struct{ ID string } }
	}
	mustCall(t, env, "", `{ products(first: 3, sort: PRICE_ASC) { edges { node { id } } } }`, nil, "products", &page)
	if len(page.Edges) < 3 {
		t.Fatalf("the seeded catalog has %d products, want 3 or more", len(page.Edges))
	}
	c := catalogWorld{p: page.Edges[0].Node.ID, q: page.Edges[1].Node.ID, r: page.Edges[2].Node.ID,
		reason: "matrix-" + randomName()}
	c.reviewA = writeReview(t, env, a.token, c.p, "A on P")
	return c
}

const reviewMutation = `mutation($p: ID!, $t: String!) { writeReview(input: {productId: $p, rating: 4, title: $t, body: "Matrix review.", authorName: "Matrix"}) { id } }`

func writeReview(t *testing.T, env *testenv.Identity, token, productID, title string) string {
	t.Helper()
	var r struct{ ID string }
	mustCall(t, env, token, reviewMutation, map[string]any{"p": productID, "t": title}, "writeReview", &r)
	return r.ID
}

func reviewOfA(w *world, _ *principal) map[string]any { return map[string]any{"id": w.cat.reviewA} }

// unknownID is a well-formed id of nothing, for the admin-only writes:
// an admin gets NOT_FOUND (nothing changes), anyone else is refused first.
func unknownID(*world, *principal) map[string]any { return map[string]any{"id": uuid.NewString()} }

// productOps are the product subgraph's rows: reviews (customers write and
// edit their own, admins moderate) and the admin-only option and variant
// writes.
var productOps = []op{
	{name: "product { viewerReview }", field: "product", query: `query($p: ID!) { product(id: $p) { viewerReview { id } } }`,
		vars: func(w *world, _ *principal) map[string]any { return map[string]any{"p": w.cat.p} }, want: expect(ok, ok, ok, ok),
		check: func(w *world, p *principal, r gqlResult) string {
			if strings.Contains(r.Raw, w.cat.reviewA) != (p.name == pA) {
				return "viewerReview is not the caller's own: " + r.Raw
			}
			return ""
		}},
	{name: "writeReview(P)", field: "writeReview", query: reviewMutation,
		vars: func(w *world, _ *principal) map[string]any { return map[string]any{"p": w.cat.p, "t": "Second"} },
		want: expect(unauth, conflict, ok, ok)},
	{name: "updateReview(A's)", field: "updateReview", query: `mutation($id: ID!) { updateReview(input: {id: $id, rating: 5, title: "Edited", body: "Edited.", authorName: "Matrix"}) { id rating } }`,
		vars: reviewOfA, want: expect(unauth, ok, miss, miss)},
	{name: "voteReviewHelpful(A's)", field: "voteReviewHelpful", query: `mutation($id: ID!) { voteReviewHelpful(id: $id, helpful: true) { helpfulCount } }`,
		vars: reviewOfA, want: expect(unauth, bad, ok, ok)},
	{name: "hideReview(A's)", field: "hideReview", query: `mutation($id: ID!, $why: String!) { hideReview(id: $id, reason: $why) { status } }`,
		vars: func(w *world, _ *principal) map[string]any {
			return map[string]any{"id": w.cat.reviewA, "why": w.cat.reason}
		},
		want: expect(unauth, forbid, forbid, ok)},
	{name: "product { reviews, viewerReview } (A's hidden)", field: "product",
		query: `query($p: ID!) { product(id: $p) { reviews(first: 50) { edges { node { id moderationReason } } } viewerReview { id status moderationReason } } }`,
		vars:  func(w *world, _ *principal) map[string]any { return map[string]any{"p": w.cat.p} }, want: expect(ok, ok, ok, ok),
		check: func(w *world, p *principal, r gqlResult) string {
			if strings.Contains(r.Raw, w.cat.reason) != (p.name == pA) {
				return "the moderation reason reached the wrong caller: " + r.Raw
			}
			if p.name != pA && strings.Contains(r.Raw, w.cat.reviewA) {
				return "a hidden review is listed to a shopper: " + r.Raw
			}
			return ""
		}},
	{name: "reviews(status: HIDDEN)", field: "reviews", query: `{ reviews(first: 100, filter: {status: HIDDEN}) { edges { node { id moderationReason } } } }`,
		want:  expect(unauth, forbid, forbid, ok),
		check: func(w *world, _ *principal, r gqlResult) string { return contains(w.cat.reviewA)(w, nil, r) }},
	{name: "restoreReview(A's)", field: "restoreReview", query: `mutation($id: ID!) { restoreReview(id: $id, reason: "matrix: restored") { status } }`,
		vars: reviewOfA, want: expect(unauth, forbid, forbid, ok)},
	{name: "deleteReview", field: "deleteReview", query: `mutation($id: ID!) { deleteReview(id: $id) { id } }`,
		vars: func(w *world, p *principal) map[string]any {
			switch p.name {
			case pA: // a review of A's own to delete
				return map[string]any{"id": writeReview(w.t(), w.env, p.token, w.cat.q, "A on Q")}
			case pAdmin: // any review: B's, written for the purpose
				return map[string]any{"id": writeReview(w.t(), w.env, w.p[pB].token, w.cat.r, "B on R")}
			}
			return map[string]any{"id": w.cat.reviewA}
		}, want: expect(unauth, ok, miss, ok)},
	{name: "setProductOptions(unknown)", field: "setProductOptions", query: `mutation($id: ID!) { setProductOptions(input: {productId: $id, version: 1, options: [{name: "Size", values: ["S"]}]}) { id } }`,
		vars: unknownID, want: expect(unauth, forbid, forbid, miss)},
	{name: "generateVariants(unknown)", field: "generateVariants", query: `mutation($id: ID!) { generateVariants(input: {productId: $id, version: 1}) { id } }`,
		vars: unknownID, want: expect(unauth, forbid, forbid, miss)},
	{name: "updateVariant(unknown)", field: "updateVariant", query: `mutation($id: ID!) { updateVariant(input: {id: $id, version: 1, sku: "MATRIX-1"}) { id } }`,
		vars: unknownID, want: expect(unauth, forbid, forbid, miss)},
	{name: "deleteVariant(unknown)", field: "deleteVariant", query: `mutation($id: ID!) { deleteVariant(id: $id) { id } }`,
		vars: unknownID, want: expect(unauth, forbid, forbid, miss)},
	{name: "adjustStock(variantId: unknown)", field: "adjustStock", query: `mutation($id: ID!) { adjustStock(variantId: $id, delta: 1, reason: "matrix") { delta } }`,
		vars: unknownID, want: expect(unauth, forbid, forbid, miss)},
}
