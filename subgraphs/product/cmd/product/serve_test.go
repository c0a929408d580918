package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// TestSeedThenServe drives the binary's own entry point: seed (twice, the
// second a no-op), then serve on an ephemeral port, query GraphQL and fetch
// an image over real HTTP, and shut down gracefully on cancellation.
func TestSeedThenServe(t *testing.T) {
	const publicURL = "http://shop.example.test"
	t.Setenv("DATABASE_URL", pgtest.URL(t))
	t.Setenv("HTTP_ADDR", "127.0.0.1:0")
	t.Setenv("PUBLIC_URL", publicURL)
	t.Setenv("LOG_LEVEL", "warn")
	// Direct requests to the subgraph: development mode (production_test.go
	// covers the production gate).
	t.Setenv("NEXUS_MODE", "development")

	for i := range 2 {
		var out bytes.Buffer
		if code := run(t.Context(), []string{"seed"}, &out, &out, hooks{}); code != exitOK {
			t.Fatalf("seed run %d: exit code %d\n%s", i+1, code, out.String())
		}
	}

	ctx, cancel := context.WithCancel(t.Context())
	addrc := make(chan net.Addr, 1)
	done := make(chan int, 1)
	var logs bytes.Buffer
	go func() {
		done <- run(ctx, nil, io.Discard, &logs, hooks{listening: func(a net.Addr) { addrc <- a }})
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case code := <-done:
		t.Fatalf("serve exited with %d before listening:\n%s", code, logs.String())
	}

	for _, path := range []string{"/healthz", "/readyz"} {
		if resp := get(t, base+path); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", path, resp.StatusCode)
		}
	}

	body := `{"query":"{ products(first: 3, sort: PRICE_DESC, filter: {inStock: true}) { totalCount edges { node { name price { amount } images { url isPrimary } } } } }"}`
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var result struct {
		Data struct {
			Products struct {
				TotalCount int `json:"totalCount"`
				Edges      []struct {
					Node struct {
						Name   string `json:"name"`
						Price  struct{ Amount int64 }
						Images []struct {
							URL string `json:"url"`
						} `json:"images"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"products"`
		} `json:"data"`
		Errors []any `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	edges := result.Data.Products.Edges
	if len(result.Errors) > 0 || len(edges) != 3 || result.Data.Products.TotalCount < 3 {
		t.Fatalf("products query: %+v", result)
	}
	if edges[0].Node.Price.Amount < edges[2].Node.Price.Amount {
		t.Errorf("PRICE_DESC returned %d before %d", edges[0].Node.Price.Amount, edges[2].Node.Price.Amount)
	}

	// The image URL is absolute under PUBLIC_URL; fetch it from this server.
	imageURL := edges[0].Node.Images[0].URL
	path, ok := strings.CutPrefix(imageURL, publicURL)
	if !ok {
		t.Fatalf("image URL %q is not under PUBLIC_URL %s", imageURL, publicURL)
	}
	img := get(t, base+path)
	svg, _ := io.ReadAll(img.Body)
	if img.StatusCode != http.StatusOK || img.Header.Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("GET %s: status %d, type %q", path, img.StatusCode, img.Header.Get("Content-Type"))
	}
	var doc struct {
		Title string `xml:"title"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil || doc.Title != edges[0].Node.Name {
		t.Errorf("image title = %q (err %v), want the product name %q", doc.Title, err, edges[0].Node.Name)
	}
	if resp := get(t, base+"/images/products/00000000-0000-0000-0000-000000000000/0.svg"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("image of an unknown product: status %d, want 404", resp.StatusCode)
	}

	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("serve exited with %d after cancellation, want 0 (graceful shutdown)\n%s", code, logs.String())
	}
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}
