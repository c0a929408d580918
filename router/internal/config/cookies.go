package config

import (
	"fmt"
	"net/http"
	"net/netip"
	"slices"
	"strings"
)

// CookieRule forwards one client cookie to some subgraphs and lets those
// subgraphs set it (package cookie has the rules: CSRF header, origin,
// HTTP only).
type CookieRule struct {
	// Name is the cookie's name, e.g. nexus_session.
	Name string `yaml:"name"`
	// Subgraphs are the subgraphs (subgraphs[].name) that receive the
	// cookie and whose Set-Cookie for it reaches the client.
	Subgraphs []string `yaml:"subgraphs"`
}

// CSRF guards cookie forwarding: a configured cookie is forwarded (and
// Set-Cookie passed back) only when the request carries Header with any
// non-empty value and its Origin, when sent, is the router's own origin or
// one cors.allow_origins lists (not "*").
type CSRF struct {
	// Header is the request header. Default X-Nexus-CSRF.
	Header string `yaml:"header"`
}

// DefaultCSRFHeader is csrf.header's default.
const DefaultCSRFHeader = "X-Nexus-CSRF"

// validateCookies names the rule and subgraph at fault.
func (c *Config) validateCookies() []error {
	var errs []error
	names := map[string]int{}
	for i, r := range c.Cookies {
		key := fmt.Sprintf("cookies[%d]", i)
		if err := (&http.Cookie{Name: r.Name, Value: "x"}).Valid(); r.Name == "" || err != nil {
			errs = append(errs, fmt.Errorf("%s.name: %q is not a cookie name (letters, digits and !#$%%&'*+-.^_`|~ only)", key, r.Name))
		}
		if j, dup := names[r.Name]; dup && r.Name != "" {
			errs = append(errs, fmt.Errorf("%s.name: %q is also cookies[%d].name; list its subgraphs once", key, r.Name, j))
		}
		names[r.Name] = i
		if len(r.Subgraphs) == 0 {
			errs = append(errs, fmt.Errorf("%s.subgraphs: name at least one subgraph", key))
		}
		for j, s := range r.Subgraphs {
			if _, ok := c.Subgraph(s); !ok {
				errs = append(errs, fmt.Errorf("%s.subgraphs[%d]: %q is not a subgraph of this config (subgraphs: %s)", key, j, s, strings.Join(c.subgraphNames(), ", ")))
			}
		}
	}
	if strings.ContainsAny(c.CSRF.Header, " :\t\r\n") || c.CSRF.Header == "" {
		errs = append(errs, fmt.Errorf("csrf.header: %q is not a header name", c.CSRF.Header))
	}
	return errs
}

func (c *Config) subgraphNames() []string {
	out := make([]string, 0, len(c.Subgraphs))
	for _, s := range c.Subgraphs {
		out = append(out, s.Name)
	}
	slices.Sort(out)
	return out
}

// TrustedProxyPrefixes parses trusted_proxies (validated): CIDRs, or single
// addresses as /32 and /128.
func (c *Config) TrustedProxyPrefixes() []netip.Prefix {
	out := make([]netip.Prefix, 0, len(c.TrustedProxies))
	for _, s := range c.TrustedProxies {
		if p, err := parsePrefix(s); err == nil {
			out = append(out, p)
		}
	}
	return out
}

func parsePrefix(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		return p.Masked(), err
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()), nil
}

func (c *Config) validateTrustedProxies() []error {
	var errs []error
	for i, s := range c.TrustedProxies {
		if _, err := parsePrefix(strings.TrimSpace(s)); err != nil {
			errs = append(errs, fmt.Errorf("trusted_proxies[%d]: %q is not a CIDR (10.0.0.0/8) or an IP address", i, s))
		}
	}
	return errs
}
