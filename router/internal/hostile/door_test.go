package hostile

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// onlyDoor: the router is the platform's single public origin. A
// subgraph refuses GraphQL that does not carry the router's signature
// (403 FORBIDDEN) in production mode, and the product images load
// through the router with caching headers.
func (s *stack) onlyDoor(t *testing.T) {
	t.Run("direct POST to the product subgraph", func(t *testing.T) {
		t.Parallel()
		for name, claims := range map[string]string{
			"unsigned":      "",
			"forged claims": s.admin(t), // a client's own JWT in the header
		} {
			req, _ := http.NewRequest(http.MethodPost, s.env.ProductURL, strings.NewReader(`{"query":"{ products(first: 1) { totalCount } }"}`))
			req.Header.Set("Content-Type", "application/json")
			if claims != "" {
				req.Header.Set("X-Nexus-Claims", claims)
			}
			resp, err := httpClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var r reply
			_ = json.Unmarshal(raw, &r)
			if resp.StatusCode != http.StatusForbidden || r.code() != "FORBIDDEN" || bytes.Contains(raw, []byte("totalCount")) {
				t.Fatalf("%s: HTTP %d %s, want 403 FORBIDDEN", name, resp.StatusCode, clip(raw))
			}
		}
		// Health stays open for orchestrators.
		u, _ := url.Parse(s.env.ProductURL)
		resp, err := httpClient.Get(u.Scheme + "://" + u.Host + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("subgraph /healthz: HTTP %d", resp.StatusCode)
		}
		s.stillAnswers(t)
	})
	t.Run("images through the router", func(t *testing.T) {
		t.Parallel()
		r := s.query(t, `{ products(first: 1) { edges { node { images { url } } } } }`, nil, nil)
		var d struct {
			Products struct {
				Edges []struct {
					Node struct {
						Images []struct {
							URL string `json:"url"`
						} `json:"images"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"products"`
		}
		if r.Status != http.StatusOK || json.Unmarshal(r.Data, &d) != nil || len(d.Products.Edges) != 1 || len(d.Products.Edges[0].Node.Images) == 0 {
			t.Fatalf("product images: HTTP %d %s", r.Status, clip(r.Raw))
		}
		img, err := url.Parse(d.Products.Edges[0].Node.Images[0].URL)
		if err != nil || !strings.HasPrefix(img.Path, "/images/") {
			t.Fatalf("image URL %q", d.Products.Edges[0].Node.Images[0].URL)
		}
		resp, err := httpClient.Get(s.origin + img.Path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != http.StatusOK || etag == "" || resp.Header.Get("Cache-Control") == "" || !bytes.Contains(body, []byte("<svg")) {
			t.Fatalf("GET %s through the router: HTTP %d ETag %q Cache-Control %q", img.Path, resp.StatusCode, etag, resp.Header.Get("Cache-Control"))
		}
		req, _ := http.NewRequest(http.MethodGet, s.origin+img.Path, nil)
		req.Header.Set("If-None-Match", etag)
		resp, err = httpClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Fatalf("revalidation with If-None-Match: HTTP %d, want 304", resp.StatusCode)
		}
	})
}
