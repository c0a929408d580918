package server

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"

	"github.com/nexus-commerce/nexus/router/internal/cookie"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// compiledCookies is the cookie policy of one Options value, built once
// (the CORS origins it trusts change with a reload).
type compiledCookies struct {
	from   *Options
	policy *cookie.Policy
}

// cookies returns the request's cookie exchange with subgraphs for
// GraphQL over HTTP (nil: none). Cross-origin requests qualify only from
// an origin cors.allow_origins lists with allow_credentials on.
func (s *Server) cookies(r *http.Request) *gateway.Cookies {
	o := s.current()
	if len(o.Cookies) == 0 {
		return nil
	}
	c := s.cookiePolicy.Load()
	if c == nil || c.from != o {
		cors := newCORS(o.CORS)
		allow := func(origin string) bool { return cors != nil && cors.credentials && !cors.any && cors.allowed(origin) }
		c = &compiledCookies{from: o, policy: cookie.New(o.Cookies, o.CSRFHeader, allow)}
		s.cookiePolicy.Store(c)
	}
	return c.policy.Request(r)
}

// cookiePolicyCache is the Server's cached compiledCookies.
type cookiePolicyCache = atomic.Pointer[compiledCookies]

// clientAddr is the caller's IP address: the connection's remote address,
// or — when that is a trusted proxy — the rightmost X-Forwarded-For entry
// that is not a trusted proxy itself (the leftmost when all are). An
// unparsable entry stops the walk there: nothing left of it is believed.
func clientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	remote, err := netip.ParseAddr(host)
	if err != nil {
		return ""
	}
	remote = remote.Unmap()
	if !isTrusted(remote, trusted) {
		return remote.String()
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	client := remote
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		client = a.Unmap()
		if !isTrusted(client, trusted) {
			break
		}
	}
	return client.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
