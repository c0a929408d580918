package subscriptions

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// adjustStock adds one unit: every event of a product then has a stock of
// its own, which is how subscribers' deliveries are matched to commits.
const adjustStock = `mutation Bench($id: ID!) { adjustStock(id: $id, delta: 1, reason: "subscription benchmark") { product { id stock } } }`

// writer commits admin mutations straight to the product subgraph, as the
// router would forward them: with the admin scope in a router-signed
// X-Nexus-Claims header. Going around the router keeps the router's CPU
// figure about subscription fan-out alone.
type writer struct {
	url    string
	secret []byte
	hc     *http.Client
}

// commit is one committed stock change.
type commit struct {
	product  int   // index into the hot products
	stock    int64 // stock after the change
	returned int64 // Unix ns when the mutation's answer arrived
	took     time.Duration
}

// adjust commits delta +1 on product id and returns the new stock.
func (w *writer) adjust(ctx context.Context, id string) (int64, time.Duration, error) {
	tok, err := kitauth.Sign(&kitauth.Claims{Subject: "subscription-benchmark", Scopes: []string{"admin"}}, w.secret, time.Now())
	if err != nil {
		return 0, 0, err
	}
	body, _ := json.Marshal(map[string]any{"query": adjustStock, "variables": map[string]any{"id": id}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(kitauth.HeaderName, tok)
	start := time.Now()
	resp, err := w.hc.Do(req)
	if err != nil {
		return 0, 0, fmt.Errorf("adjustStock %s: %w", id, err)
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("adjustStock %s: %w", id, err)
	}
	var out struct {
		Data *struct {
			AdjustStock struct {
				Product struct {
					ID    string `json:"id"`
					Stock int64  `json:"stock"`
				} `json:"product"`
			} `json:"adjustStock"`
		} `json:"data"`
		Errors json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return 0, 0, fmt.Errorf("adjustStock %s: HTTP %d, not JSON: %.300s", id, resp.StatusCode, raw)
	}
	if out.Data == nil || (len(out.Errors) > 0 && string(out.Errors) != "null") {
		return 0, 0, fmt.Errorf("adjustStock %s: HTTP %d: %.500s", id, resp.StatusCode, raw)
	}
	if got := out.Data.AdjustStock.Product.ID; got != id {
		return 0, 0, fmt.Errorf("adjustStock %s: answered for product %q", id, got)
	}
	return out.Data.AdjustStock.Product.Stock, took, nil
}
