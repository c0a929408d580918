package hostile

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// adjust is a harmless admin mutation of the product subgraph: it moves
// one product's stock by $delta.
const adjust = `mutation Adjust($id: ID!, $delta: Int!) { adjustStock(id: $id, delta: $delta, reason: "hostile suite") { product { stock } } }`

// mutationsOverGET: GET never runs a mutation, also not with Accept:
// text/event-stream (finding 6: that ran adjustStock with an admin
// token). The stock is read before and after to prove nothing ran, and a
// POST of the same mutation shows it would have.
func (s *stack) mutationsOverGET(t *testing.T) {
	id, before := s.firstProductStock(t)
	vars, _ := json.Marshal(map[string]any{"id": id, "delta": 7})
	qs := "?" + url.Values{"query": {adjust}, "variables": {string(vars)}}.Encode()
	admin := bearer(s.admin(t))

	t.Run("GET with Accept: text/event-stream", func(t *testing.T) {
		r := s.sse(t, http.MethodGet, nil, qs, admin)
		expect(t, r.reply, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
		if allow := r.Header.Get("Allow"); !strings.Contains(allow, "POST") || strings.Contains(allow, "GET") {
			t.Fatalf("Allow: %q, want POST only", allow)
		}
	})
	t.Run("plain GET", func(t *testing.T) {
		h := map[string]string{"Authorization": admin["Authorization"], "Accept": "application/json"}
		r := s.do(t, request{method: http.MethodGet, path: "/graphql" + qs, header: h})
		expect(t, r, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
	})
	if _, after := s.firstProductStock(t); after != before {
		t.Fatalf("stock of %s went from %d to %d: a mutation ran over GET", id, before, after)
	}
	t.Run("the same mutation over POST runs (the check above can fail)", func(t *testing.T) {
		for _, delta := range []int{7, -7} {
			r := s.query(t, adjust, map[string]any{"id": id, "delta": delta}, admin)
			if r.Status != http.StatusOK || len(r.Errors) > 0 {
				t.Fatalf("POST adjustStock %+d: HTTP %d %s", delta, r.Status, clip(r.Raw))
			}
			if _, got := s.firstProductStock(t); got != before+max(delta, 0) {
				t.Fatalf("stock after adjustStock %+d = %d, want %d", delta, got, before+max(delta, 0))
			}
		}
	})
	s.stillAnswers(t)
}

// firstProductStock returns the cheapest product's id and stock.
func (s *stack) firstProductStock(t *testing.T) (string, int) {
	t.Helper()
	r := s.query(t, `{ products(first: 1, sort: PRICE_ASC) { edges { node { id stock } } } }`, nil, nil)
	var d struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID    string `json:"id"`
					Stock int    `json:"stock"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"products"`
	}
	if r.Status != http.StatusOK || json.Unmarshal(r.Data, &d) != nil || len(d.Products.Edges) != 1 {
		t.Fatalf("products: HTTP %d %s", r.Status, clip(r.Raw))
	}
	return d.Products.Edges[0].Node.ID, d.Products.Edges[0].Node.Stock
}
