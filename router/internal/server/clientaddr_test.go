package server

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestClientAddr(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	cases := []struct {
		name, remote string
		xff          []string
		trusted      []netip.Prefix
		want         string
	}{
		{"no proxies trusted: remote address, XFF ignored", "203.0.113.9:5555", []string{"1.2.3.4"}, nil, "203.0.113.9"},
		{"untrusted remote: XFF ignored", "203.0.113.9:5555", []string{"1.2.3.4"}, trusted, "203.0.113.9"},
		{"trusted proxy: its client", "10.0.0.2:5555", []string{"198.51.100.4"}, trusted, "198.51.100.4"},
		{"chain: rightmost untrusted", "10.0.0.2:5555", []string{"1.1.1.1, 198.51.100.4", "10.0.0.3"}, trusted, "198.51.100.4"},
		{"all trusted: leftmost", "10.0.0.2:5555", []string{"10.9.9.9, 10.0.0.3"}, trusted, "10.9.9.9"},
		{"garbage stops the walk", "10.0.0.2:5555", []string{"1.1.1.1, not-an-ip, 10.0.0.3"}, trusted, "10.0.0.3"},
		{"trusted proxy, no XFF", "10.0.0.2:5555", nil, trusted, "10.0.0.2"},
		{"IPv6 remote", "[::1]:5555", []string{"2001:db8::1"}, trusted, "2001:db8::1"},
		{"IPv4-mapped remote", "[::ffff:10.0.0.2]:5555", []string{"198.51.100.4"}, trusted, "198.51.100.4"},
		{"unparsable remote", "pipe", nil, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.RemoteAddr = tc.remote
			for _, v := range tc.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := clientAddr(r, tc.trusted); got != tc.want {
				t.Fatalf("clientAddr = %q, want %q", got, tc.want)
			}
		})
	}
}
