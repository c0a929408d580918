package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// as posts an operation signed for a user (admin when scopes say so) and
// decodes its data, which must come without errors.
func (s *served) as(t *testing.T, user string, scopes []string, query string, vars map[string]any, dst any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	claims, err := kitauth.Sign(&kitauth.Claims{Subject: user, Scopes: scopes}, []byte(testSecret), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(kitauth.HeaderName, claims)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("errors: %+v", out.Errors)
	}
	if dst != nil {
		if err := json.Unmarshal(out.Data, dst); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReviewEventsReachProductChanged: through the served binary (relay
// and PostgreSQL bus), review events join the catalog stream: catalogEvents
// carries them with the review's product, and productChanged(ids) delivers
// those of the watched products only, each with the product's rating and
// reviewCount as that change left them — what an open product page needs
// to update its rating live.
func TestReviewEventsReachProductChanged(t *testing.T) {
	s := startServe(t)
	var cat struct {
		CreateCategory struct{ ID string } `json:"createCategory"`
	}
	s.mutate(t, `mutation { createCategory(input: {name: "Shoes", slug: "shoes"}) { id } }`, nil, &cat)
	var ids []string
	for _, slug := range []string{"watched", "other"} {
		var p struct {
			CreateProduct struct{ ID string } `json:"createProduct"`
		}
		s.mutate(t, `mutation($c: ID!, $s: String!) { createProduct(input: {name: $s, slug: $s, price: 100, categoryId: $c, sku: $s}) { id } }`,
			map[string]any{"c": cat.CreateCategory.ID, "s": slug}, &p)
		ids = append(ids, p.CreateProduct.ID)
	}
	watched, other := ids[0], ids[1]
	const write = `mutation($p: ID!, $r: Int!) { writeReview(input: {productId: $p, rating: $r, title: "T", body: "B", authorName: "N"}) { id } }`
	var first struct{ WriteReview struct{ ID string } }
	s.as(t, uuid.NewString(), nil, write, map[string]any{"p": watched, "r": 4}, &first)

	// From the oldest event, so nothing races the subscription's start:
	// product.created of the watched product, then its review.
	ws := dialWS(t, s.base)
	ws.subscribe("changes", `subscription($ids: [ID!]) { productChanged(ids: $ids, after: "oldest") {
		type productId product { id rating reviewCount } } }`, map[string]any{"ids": []string{watched}})
	type change struct {
		ProductChanged struct {
			Type, ProductID string
			Product         *struct {
				ID          string
				Rating      float64
				ReviewCount int
			}
		}
	}
	expect := func(typ string, rating float64, count int) {
		t.Helper()
		var c change
		ws.next("changes", &c)
		pc := c.ProductChanged
		if pc.Type != typ || pc.ProductID != watched || pc.Product == nil || pc.Product.ID != watched ||
			pc.Product.Rating != rating || pc.Product.ReviewCount != count {
			t.Fatalf("productChanged %+v, want %s with rating %v of %d", pc, typ, rating, count)
		}
	}
	expect("product.created", 0, 0)
	expect("review.created", 4, 1)

	// A review of another product is not delivered; the next change is
	// the second review of the watched one, then an admin hiding it.
	s.as(t, uuid.NewString(), nil, write, map[string]any{"p": other, "r": 1}, nil)
	var second struct{ WriteReview struct{ ID string } }
	s.as(t, uuid.NewString(), nil, write, map[string]any{"p": watched, "r": 1}, &second)
	expect("review.created", 2.5, 2)
	s.as(t, uuid.NewString(), []string{"admin"}, `mutation($r: ID!) { hideReview(id: $r, reason: "spam") { id } }`,
		map[string]any{"r": second.WriteReview.ID}, nil)
	expect("review.hidden", 4, 1)

	// catalogEvents carries every review event with its product and a
	// payload without the author.
	ws.subscribe("all", `subscription { catalogEvents(after: "oldest") { type aggregateId payload product { id rating } } }`, nil)
	var seen int
	for seen < 3 {
		var ev struct {
			CatalogEvents struct {
				Type, AggregateID, Payload string
				Product                    *struct {
					ID     string
					Rating float64
				}
			}
		}
		ws.next("all", &ev)
		e := ev.CatalogEvents
		if e.Type != "review.created" {
			continue
		}
		var payload map[string]any
		if err := json.Unmarshal([]byte(e.Payload), &payload); err != nil {
			t.Fatal(err)
		}
		if e.Product == nil || e.Product.ID != payload["productId"] || e.Product.Rating != payload["productRating"] ||
			payload["id"] != e.AggregateID || payload["authorId"] != nil || payload["status"] != "VISIBLE" {
			t.Fatalf("catalog event %+v", e)
		}
		seen++
	}
}
