package proxy

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// upstream records what the proxy sent and answers per path.
type upstream struct {
	mu   sync.Mutex
	seen []*http.Request
	srv  *httptest.Server
}

func newUpstream(t *testing.T) *upstream {
	u := &upstream{}
	u.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.mu.Lock()
		u.seen = append(u.seen, r.Clone(r.Context()))
		u.mu.Unlock()
		switch r.URL.Path {
		case "/f/ok.txt":
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Set-Cookie", "session=upstream")
			w.Header().Set("X-Internal-Host", "product-7.internal")
			w.Header().Set("Server", "gqlgen")
			_, _ = io.WriteString(w, "hello")
		case "/f/big.bin": // 2 KiB with a Content-Length
			w.Header().Set("Content-Length", "2048")
			_, _ = w.Write(make([]byte, 2048))
		case "/f/stream.bin": // 2 KiB streamed without a length
			for range 2 {
				_, _ = w.Write(make([]byte, 1024))
				w.(http.Flusher).Flush()
			}
		case "/f/broken":
			http.Error(w, "pq: relation images does not exist", http.StatusInternalServerError)
		case "/f/redirect":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data", http.StatusFound)
		case "/f/slow":
			<-r.Context().Done()
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(u.srv.Close)
	return u
}

func (u *upstream) last(t *testing.T) *http.Request {
	t.Helper()
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.seen) == 0 {
		t.Fatal("the upstream got no request")
	}
	return u.seen[len(u.seen)-1]
}

func proxyTo(t *testing.T, u *upstream, maxBytes int64, timeout time.Duration) *httptest.Server {
	origin, _ := url.Parse(u.srv.URL)
	h := New(Route{Prefix: "/f/", Upstream: origin, Timeout: timeout, MaxBytes: maxBytes, CacheControl: "public, max-age=60"}, nil, nil)
	front := httptest.NewServer(h)
	t.Cleanup(front.Close)
	return front
}

// Only the allow-listed headers cross the proxy, in either direction.
func TestNoHeaderLeaks(t *testing.T) {
	u := newUpstream(t)
	front := proxyTo(t, u, 1<<20, 5*time.Second)
	req, _ := http.NewRequest(http.MethodGet, front.URL+"/f/ok.txt?token=abc", nil)
	for k, v := range map[string]string{
		"Authorization": "Bearer secret-token", "Cookie": "session=client", "X-Nexus-Claims": "forged",
		"X-Forwarded-For": "10.0.0.1", "If-None-Match": `"v0"`, "X-Request-ID": "req-1",
	} {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "hello" {
		t.Fatalf("%d %q", resp.StatusCode, body)
	}
	got := u.last(t)
	for _, k := range []string{"Authorization", "Cookie", "X-Nexus-Claims", "X-Forwarded-For"} {
		if v := got.Header.Get(k); v != "" {
			t.Errorf("%s reached the upstream: %q", k, v)
		}
	}
	if got.Header.Get("If-None-Match") != `"v0"` || got.Header.Get("X-Request-ID") != "req-1" {
		t.Errorf("caching or tracing headers lost: %v", got.Header)
	}
	if got.URL.RawQuery != "" {
		t.Errorf("query string forwarded: %q", got.URL.RawQuery)
	}
	for _, k := range []string{"Set-Cookie", "X-Internal-Host", "Server"} {
		if v := resp.Header.Get(k); v != "" {
			t.Errorf("%s reached the client: %q", k, v)
		}
	}
	if resp.Header.Get("ETag") != `"v1"` || resp.Header.Get("Cache-Control") != "public, max-age=60" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("caching headers: %v", resp.Header)
	}
}

// Failures upstream become bare gateway errors (no upstream text), large
// files are refused or cut off, redirects are not followed, and a slow
// upstream is bounded by the route's timeout.
func TestUpstreamFailures(t *testing.T) {
	u := newUpstream(t)
	front := proxyTo(t, u, 1024, 300*time.Millisecond)
	tests := []struct {
		path   string
		status int
	}{
		{"/f/broken", http.StatusBadGateway},
		{"/f/big.bin", http.StatusBadGateway},
		{"/f/redirect", http.StatusBadGateway},
		{"/f/missing", http.StatusNotFound},
		{"/f/slow", http.StatusGatewayTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(front.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || strings.Contains(string(body), "pq:") || strings.Contains(string(body), "169.254") {
				t.Fatalf("%d %q, want %d", resp.StatusCode, body, tt.status)
			}
		})
	}
	t.Run("streamed past max_bytes", func(t *testing.T) {
		resp, err := http.Get(front.URL + "/f/stream.bin")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		n, err := io.Copy(io.Discard, resp.Body)
		if err == nil || n > 1025 {
			t.Fatalf("read %d bytes, err %v: want the connection cut at the limit", n, err)
		}
	})
}

func TestCheckPath(t *testing.T) {
	tests := []struct {
		target string
		status int
	}{
		{"/f/a/b.svg", 0},
		{"/f/a-b_c~d.e", 0},
		{"/f/", 404},
		{"/f/a/", 404},
		{"/f//a", 404},
		{"/f/a/../b", 404},
		{"/f/./a", 404},
		{"/f/%2e%2e/a", 400},
		{"/f/a%2Fb", 400},
		{"/f/a b", 400},
		{"/f/a\\b", 400},
		{"/f/" + strings.Repeat("a", maxPathBytes), 400},
		{"/g/a", 404},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "http://x"+strings.ReplaceAll(tt.target, " ", "%20"), nil)
			if strings.Contains(tt.target, " ") {
				r.RequestURI = tt.target
			}
			if _, status := checkPath(r, "/f/"); status != tt.status {
				t.Fatalf("status %d, want %d", status, tt.status)
			}
		})
	}
}
