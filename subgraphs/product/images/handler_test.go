package images

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// names is a fixed catalog standing in for the product store's lookup.
func names(_ context.Context, id string) (string, bool, error) {
	switch id {
	case "p-1":
		return "Linen Shirt", true, nil
	case "evil":
		return `</title><script>alert("pwned")</script>`, true, nil
	case "broken":
		return "", false, errors.New("connection refused")
	}
	return "", false, nil
}

func get(t *testing.T, h http.Handler, method, path string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestHandlerServesPictures(t *testing.T) {
	h := New(names, nil)
	tests := []struct {
		path, wantTitle string
	}{
		{"/images/products/p-1/0.svg", "Linen Shirt"},
		{"/images/products/p-1/7.svg", "Linen Shirt"},
		{"/images/products/evil/0.svg", `</title><script>alert("pwned")</script>`},
		{"/images/categories/home-and-garden.svg", "Home And Garden"},
		{"/images/categories/toys.svg", "Toys"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp := get(t, h, http.MethodGet, tt.path, nil)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200: %s", resp.StatusCode, body)
			}
			for k, want := range map[string]string{
				"Content-Type":           "image/svg+xml",
				"Cache-Control":          CacheControl,
				"X-Content-Type-Options": "nosniff",
			} {
				if got := resp.Header.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
			if etag := resp.Header.Get("ETag"); !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
				t.Errorf("ETag = %q, want a strong quoted tag", etag)
			}
			p := parseSVG(t, body)
			if p.title != tt.wantTitle {
				t.Errorf("title = %q, want %q", p.title, tt.wantTitle)
			}
			if strings.Contains(string(body), "<script") {
				t.Errorf("body carries an unescaped script element:\n%s", body)
			}
		})
	}
}

func TestHandlerRejects(t *testing.T) {
	h := New(names, nil)
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/images/products/unknown/0.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/broken/0.svg", http.StatusInternalServerError},
		{http.MethodGet, "/images/products/p-1/01.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/p-1/-1.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/p-1/100.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/p-1/0.png", http.StatusNotFound},
		{http.MethodGet, "/images/products/p-1/0.svg/x", http.StatusNotFound},
		{http.MethodGet, "/images/products/p-1/.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/p-1", http.StatusNotFound},
		{http.MethodGet, "/images/products//0.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/p.1/0.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/%3Cb%3E/0.svg", http.StatusNotFound},
		{http.MethodGet, "/images/products/" + strings.Repeat("a", 65) + "/0.svg", http.StatusNotFound},
		{http.MethodGet, "/images/categories/Toys.svg", http.StatusNotFound},
		{http.MethodGet, "/images/categories/toys--x.svg", http.StatusNotFound},
		{http.MethodGet, "/images/categories/a/b.svg", http.StatusNotFound},
		{http.MethodGet, "/images/categories/.svg", http.StatusNotFound},
		{http.MethodGet, "/images/categories/toys", http.StatusNotFound},
		{http.MethodGet, "/images/other/x.svg", http.StatusNotFound},
		{http.MethodPost, "/images/products/p-1/0.svg", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			resp := get(t, h, tt.method, tt.path, nil)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.want {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tt.want)
			}
			if strings.Contains(string(body), "connection refused") {
				t.Error("internal error text leaked to the client")
			}
		})
	}
}

func TestHandlerRevalidation(t *testing.T) {
	h := New(nil, nil)
	const path = "/images/products/any-id/3.svg"
	first := get(t, h, http.MethodGet, path, nil)
	etag := first.Header.Get("ETag")
	if first.StatusCode != http.StatusOK || etag == "" {
		t.Fatalf("first response: status %d, ETag %q", first.StatusCode, etag)
	}
	again := get(t, h, http.MethodGet, path, http.Header{"If-None-Match": {etag}})
	if again.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation status = %d, want 304", again.StatusCode)
	}
	head := get(t, h, http.MethodHead, path, nil)
	body, _ := io.ReadAll(head.Body)
	if head.StatusCode != http.StatusOK || len(body) != 0 || head.Header.Get("ETag") != etag {
		t.Errorf("HEAD: status %d, %d body bytes, ETag %q; want 200, none, %q",
			head.StatusCode, len(body), head.Header.Get("ETag"), etag)
	}
	other := get(t, h, http.MethodGet, "/images/products/any-id/4.svg", nil)
	if other.Header.Get("ETag") == etag {
		t.Error("two different pictures share an ETag")
	}
}
