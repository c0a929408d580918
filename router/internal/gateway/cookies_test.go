package gateway

import (
	"net/http"
	"slices"
	"testing"
)

// Cookies go only to the subgraphs they are configured for, the client's
// address to every subgraph, and a request that sends a cookie never
// shares a single-flight key with another — not even one with the same
// cookie and caller.
func TestHeadersCookiesAndClientAddr(t *testing.T) {
	fw := &Forwarder{Header: http.Header{"X-Nexus-Claims": {"anon"}}, Key: "anonymous"}
	cookies := func() *Cookies {
		return &Cookies{Send: map[string]string{"auth": "nexus_session=abc"}, Pass: map[string][]string{"auth": {"nexus_session"}}}
	}
	h := newHeaders(&ExecOptions{Forward: fw, ClientAddr: "203.0.113.7", Cookies: cookies()})
	authH, authHash := h.HeadersForSubgraph("auth")
	prodH, prodHash := h.HeadersForSubgraph("product")
	if authH.Get("Cookie") != "nexus_session=abc" || prodH.Get("Cookie") != "" {
		t.Fatalf("Cookie to auth %q, to product %q", authH.Get("Cookie"), prodH.Get("Cookie"))
	}
	for name, hdr := range map[string]http.Header{"auth": authH, "product": prodH} {
		if hdr.Get("X-Forwarded-For") != "203.0.113.7" || hdr.Get("X-Nexus-Claims") != "anon" {
			t.Fatalf("%s headers %v", name, hdr)
		}
	}
	if fw.Header.Get("Cookie") != "" || fw.Header.Get("X-Forwarded-For") != "" {
		t.Fatal("the shared forwarded headers were written to")
	}
	twin := newHeaders(&ExecOptions{Forward: fw, ClientAddr: "203.0.113.7", Cookies: cookies()})
	if twin.hash == h.hash || authHash != h.hash || prodHash != h.hash {
		t.Fatal("two requests with the same cookie share a single-flight key")
	}
	// Without a cookie the client's address alone does not split keys.
	a := newHeaders(&ExecOptions{Forward: fw, ClientAddr: "203.0.113.7", Cookies: &Cookies{Pass: map[string][]string{"auth": {"nexus_session"}}}})
	b := newHeaders(&ExecOptions{Forward: fw, ClientAddr: "198.51.100.1"})
	if a.hash != b.hash {
		t.Fatal("anonymous requests without cookies no longer share")
	}
	// Nothing but the forwarded identity: no extra headers.
	if hdr, _ := b.withHash(5).HeadersForSubgraph("auth"); hdr.Get("Cookie") != "" || hdr.Get("X-Forwarded-For") != "198.51.100.1" {
		t.Fatalf("withHash lost the client address or added a cookie: %v", hdr)
	}
}

// Only Set-Cookie lines for configured names from their subgraphs are
// kept; malformed ones are dropped.
func TestCookiesCapture(t *testing.T) {
	c := &Cookies{Pass: map[string][]string{"auth": {"nexus_session"}}}
	h := http.Header{}
	h.Add("Set-Cookie", "nexus_session=new; Path=/graphql; HttpOnly; SameSite=Strict; Max-Age=60")
	h.Add("Set-Cookie", "tracking=1; Path=/")
	h.Add("Set-Cookie", "=broken")
	c.capture("auth", h)
	c.capture("product", http.Header{"Set-Cookie": {"nexus_session=forged; Path=/"}})
	got := c.SetCookies()
	want := []string{"nexus_session=new; Path=/graphql; HttpOnly; SameSite=Strict; Max-Age=60"}
	if !slices.Equal(got, want) {
		t.Fatalf("passed %q, want %q", got, want)
	}
	var none *Cookies
	if none.SetCookies() != nil || none.sends() {
		t.Fatal("nil Cookies")
	}
}
