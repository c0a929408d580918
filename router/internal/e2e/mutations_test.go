package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// postAs sends a GraphQL request with a bearer token ("" for none).
func postAs(t *testing.T, url, token, query string, vars map[string]any) testenv.Response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out testenv.Response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("not JSON (HTTP %d): %s", resp.StatusCode, raw)
	}
	out.Status = resp.StatusCode
	return out
}

// TestAdminMutationsThroughTheRouter: the router enforces
// @requiresScopes(admin) before the product subgraph is called, forwards
// the admin's claims so the subgraph's own check passes, and the change is
// visible in the next query.
func TestAdminMutationsThroughTheRouter(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		first := testenv.Post(t, env.RouterURL, `{ products(first: 1, sort: PRICE_ASC) { edges { node { id stock } } } }`, nil)
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
		if err := json.Unmarshal(first.Data, &d); err != nil || len(d.Products.Edges) != 1 {
			t.Fatalf("products: %s %v", first.Data, err)
		}
		id, stock := d.Products.Edges[0].Node.ID, d.Products.Edges[0].Node.Stock
		const adjust = `mutation($id: ID!) { adjustStock(id: $id, delta: 5, reason: "recount") { __typename } }`

		for name, token := range map[string]string{"anonymous": "", "shopper": env.Token(t, "bob", "reviews:read")} {
			r := postAs(t, env.RouterURL, token, adjust, map[string]any{"id": id})
			// Exactly one error, for the field, at its path.
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED_FIELD_OR_TYPE" || !strings.Contains(r.Errors[0].Message, "adjustStock") ||
				len(r.Errors[0].Path) != 1 || r.Errors[0].Path[0] != "adjustStock" {
				t.Fatalf("%s: want the router to refuse adjustStock, got %+v (data %s)", name, r.Errors, r.Data)
			}
		}
		// Refused before the fetch: the stock is unchanged.
		if got := stockOf(t, env, id); got != stock {
			t.Fatalf("stock after refused mutations = %d, want %d", got, stock)
		}

		r := postAs(t, env.RouterURL, env.Token(t, "alice", "admin"), adjust, map[string]any{"id": id})
		if len(r.Errors) > 0 {
			t.Fatalf("admin adjustStock: %+v", r.Errors)
		}
		if got := stockOf(t, env, id); got != stock+5 {
			t.Fatalf("stock after admin adjustStock = %d, want %d", got, stock+5)
		}
	})
}

func stockOf(t *testing.T, env *testenv.Env, id string) int {
	t.Helper()
	r := testenv.Post(t, env.RouterURL, `query($id: ID!) { product(id: $id) { stock } }`, map[string]any{"id": id})
	var d struct {
		Product struct{ Stock int } `json:"product"`
	}
	if err := json.Unmarshal(r.Data, &d); err != nil || len(r.Errors) > 0 {
		t.Fatalf("product(%s): %s %+v", id, r.Data, r.Errors)
	}
	return d.Product.Stock
}
