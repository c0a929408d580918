package proxy_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestImagesThroughTheRouter runs the real router and the real product
// subgraph: image URLs point at the router's origin, and the image loads
// there with its caching headers; a conditional GET gets 304; HEAD works;
// other methods and hostile paths are refused without reaching the
// subgraph's files.
func TestImagesThroughTheRouter(t *testing.T) {
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		resp := testenv.Post(t, env.RouterURL, `{ products(first: 1) { edges { node { name images { url } category { imageUrl } } } } }`, nil)
		var data struct {
			Products struct {
				Edges []struct {
					Node struct {
						Name     string
						Images   []struct{ URL string }
						Category struct {
							ImageURL string `json:"imageUrl"`
						}
					}
				}
			}
		}
		if err := json.Unmarshal(resp.Data, &data); err != nil || len(resp.Errors) > 0 || len(data.Products.Edges) != 1 {
			t.Fatalf("products: %s %+v", resp.Data, resp.Errors)
		}
		node := data.Products.Edges[0].Node
		if len(node.Images) == 0 {
			t.Fatal("the product has no image")
		}
		image := node.Images[0].URL
		for _, u := range []string{image, node.Category.ImageURL} {
			if !strings.HasPrefix(u, env.Origin+"/images/") {
				t.Fatalf("image URL %q is not under the router's origin %s", u, env.Origin)
			}
		}

		first := do(t, http.MethodGet, image, nil)
		if first.status != http.StatusOK || first.header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(first.body, node.Name) {
			t.Fatalf("GET %s: %d %q %.200s", image, first.status, first.header.Get("Content-Type"), first.body)
		}
		etag := first.header.Get("ETag")
		if etag == "" || first.header.Get("Cache-Control") == "" || first.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("caching headers missing: %v", first.header)
		}

		t.Run("conditional GET", func(t *testing.T) {
			r := do(t, http.MethodGet, image, http.Header{"If-None-Match": {etag}})
			if r.status != http.StatusNotModified || r.body != "" || r.header.Get("ETag") != etag {
				t.Fatalf("If-None-Match: %d %q etag %q", r.status, r.body, r.header.Get("ETag"))
			}
			if r := do(t, http.MethodGet, image, http.Header{"If-None-Match": {`"stale"`}}); r.status != http.StatusOK || r.body != first.body {
				t.Fatalf("stale ETag: %d", r.status)
			}
		})
		t.Run("HEAD", func(t *testing.T) {
			r := do(t, http.MethodHead, image, nil)
			if r.status != http.StatusOK || r.body != "" || r.header.Get("Content-Length") != fmt.Sprint(len(first.body)) || r.header.Get("ETag") != etag {
				t.Fatalf("HEAD: %d %v", r.status, r.header)
			}
		})
		t.Run("other methods", func(t *testing.T) {
			for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions} {
				if r := do(t, m, image, nil); r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "GET, HEAD" {
					t.Errorf("%s: %d allow %q", m, r.status, r.header.Get("Allow"))
				}
			}
		})
		t.Run("unknown image", func(t *testing.T) {
			if r := do(t, http.MethodGet, env.Origin+"/images/products/00000000-0000-0000-0000-000000000000/0.svg", nil); r.status != http.StatusNotFound {
				t.Fatalf("%d", r.status)
			}
		})
		t.Run("hostile paths", func(t *testing.T) {
			addr := strings.TrimPrefix(env.Origin, "http://")
			for _, p := range []string{
				"/images/../graphql",
				"/images/../../../../etc/passwd",
				"/images/products/../../healthz",
				"/images/%2e%2e/graphql",
				"/images/products/..%2f..%2fgraphql",
				"/images//etc/passwd",
				"/images/./products/x/0.svg",
				"/images/products/x/0.svg%00",
				"/images/products\\..\\..\\graphql",
				"/images/",
				"/images/products/",
			} {
				status := raw(t, addr, "GET "+p+" HTTP/1.1")
				if status != http.StatusNotFound && status != http.StatusBadRequest {
					t.Errorf("GET %s: %d, want 404 or 400", p, status)
				}
			}
		})
	})
}

type result struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, method, url string, h http.Header) result {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return result{resp.StatusCode, resp.Header, string(b)}
}

// raw sends a request line exactly as given (no client-side cleaning) and
// returns the status.
func raw(t *testing.T, addr, line string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "%s\r\nHost: %s\r\nConnection: close\r\n\r\n", line, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
