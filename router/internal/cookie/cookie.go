// Package cookie is the router's cookie policy: which client cookies reach
// which subgraphs, which Set-Cookie headers from subgraphs reach the
// client, and the CSRF check that guards both. It is configured (router
// config cookies: and csrf:), never hard-coded: the session cookie of the
// auth subgraph is one entry. The rules:
//
//   - only the configured cookie names are forwarded, each only to its
//     subgraphs, and only on GraphQL over HTTP (never on WebSocket or SSE
//     subscriptions, which do not ask this package);
//   - only when the request carries the CSRF header (any non-empty value:
//     a cross-site form or a simple fetch cannot set one) and its Origin,
//     when sent, is the router's own or one CORS allows; otherwise no
//     cookie is forwarded and no Set-Cookie passes, and the operation still
//     runs (the subgraph answers as for a client without a session);
//   - Set-Cookie from a configured subgraph for one of its names reaches
//     the client; every other Set-Cookie is dropped (gateway.Cookies).
//
// Cookie values are never logged.
package cookie

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// DefaultCSRFHeader is the CSRF header when the config names none.
const DefaultCSRFHeader = "X-Nexus-CSRF"

// Rule forwards the cookie Name to Subgraphs and lets those subgraphs set it.
type Rule struct {
	Name      string
	Subgraphs []string
}

// Policy decides each request's cookie exchange. It is immutable and safe
// for concurrent use; a nil *Policy forwards nothing.
type Policy struct {
	rules      []Rule
	pass       map[string][]string // subgraph -> names it may set
	csrfHeader string
	// allowOrigin reports whether CORS lets a browser on origin call the
	// router with credentials.
	allowOrigin func(origin string) bool
}

// New builds a Policy from validated rules; csrfHeader "" means
// DefaultCSRFHeader, allowOrigin nil allows only the router's own origin.
// No rules: nil (nothing forwarded).
func New(rules []Rule, csrfHeader string, allowOrigin func(string) bool) *Policy {
	if len(rules) == 0 {
		return nil
	}
	if csrfHeader == "" {
		csrfHeader = DefaultCSRFHeader
	}
	if allowOrigin == nil {
		allowOrigin = func(string) bool { return false }
	}
	p := &Policy{rules: rules, pass: map[string][]string{}, csrfHeader: http.CanonicalHeaderKey(csrfHeader), allowOrigin: allowOrigin}
	for _, r := range rules {
		for _, s := range r.Subgraphs {
			p.pass[s] = append(p.pass[s], r.Name)
		}
	}
	return p
}

// CSRFHeader is the header a request must carry for cookies to be
// forwarded (CORS preflights must allow it).
func (p *Policy) CSRFHeader() string {
	if p == nil {
		return ""
	}
	return p.csrfHeader
}

// Request returns r's cookie exchange, or nil when r may not exchange
// cookies (no CSRF header, a foreign Origin, or no policy). A request that
// passes the check but carries none of the cookies still gets an exchange,
// so a subgraph can set one (signing in).
func (p *Policy) Request(r *http.Request) *gateway.Cookies {
	if p == nil || !p.Trusted(r) {
		return nil
	}
	c := &gateway.Cookies{Pass: p.pass}
	for _, rule := range p.rules {
		values := r.CookiesNamed(rule.Name)
		if len(values) == 0 {
			continue
		}
		var b strings.Builder
		for i, v := range values {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(v.Name)
			b.WriteByte('=')
			b.WriteString(v.Value)
		}
		for _, s := range rule.Subgraphs {
			if c.Send == nil {
				c.Send = map[string]string{}
			}
			if prev := c.Send[s]; prev != "" {
				c.Send[s] = prev + "; " + b.String()
			} else {
				c.Send[s] = b.String()
			}
		}
	}
	return c
}

// Trusted reports whether r passes the CSRF check: the CSRF header is set
// (non-empty) and the Origin header, when present, is the router's own
// origin (same host as the request) or one CORS allows. "null" and
// malformed origins fail.
func (p *Policy) Trusted(r *http.Request) bool {
	if strings.TrimSpace(r.Header.Get(p.csrfHeader)) == "" {
		return false
	}
	origins := r.Header.Values("Origin")
	switch len(origins) {
	case 0:
		return true
	case 1:
	default:
		return false
	}
	origin := origins[0]
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.Path != "" || u.User != nil {
		return false
	}
	// Behind a TLS-terminating proxy the router sees http while the
	// browser says https: the host (and port) decides.
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	return p.allowOrigin(origin)
}
