package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// proxyPath is a prefix of plain segments: /images/, /files/v1/.
var proxyPath = regexp.MustCompile(`^(/[A-Za-z0-9._~-]+)+/$`)

// validateProxy checks the proxy routes: well-formed, distinct prefixes
// that take none of the router's own paths, each with one upstream.
func (c *Config) validateProxy() []error {
	var errs []error
	own := []string{c.GraphQLPath, c.Metrics.Path, "/healthz", "/readyz", "/graphiql/"}
	seen := map[string]int{}
	for i, p := range c.Proxy {
		key := fmt.Sprintf("proxy[%d]", i)
		switch {
		case !proxyPath.MatchString(p.Path) || strings.Contains(p.Path, "/./") || strings.Contains(p.Path, "/../"):
			errs = append(errs, fmt.Errorf("%s.path: %q must be a prefix like /images/ (starting and ending with /, plain segments)", key, p.Path))
		default:
			for _, o := range own {
				if o != "" && (strings.HasPrefix(o, p.Path) || strings.HasPrefix(p.Path, strings.TrimSuffix(o, "/")+"/")) {
					errs = append(errs, fmt.Errorf("%s.path: %q overlaps the router's own %s", key, p.Path, o))
				}
			}
		}
		if j, dup := seen[p.Path]; dup {
			errs = append(errs, fmt.Errorf("%s.path: %q is also proxy[%d].path", key, p.Path, j))
		}
		seen[p.Path] = i
		switch {
		case (p.Subgraph == "") == (p.URL == ""):
			errs = append(errs, fmt.Errorf("%s: set exactly one of subgraph and url", key))
		case p.Subgraph != "":
			if _, ok := c.Subgraph(p.Subgraph); !ok {
				errs = append(errs, fmt.Errorf("%s.subgraph: %q is not listed under subgraphs", key, p.Subgraph))
			}
		default:
			if u, err := url.Parse(p.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
				strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.User != nil {
				errs = append(errs, fmt.Errorf("%s.url: %q must be an http(s) origin like http://product:4001", key, p.URL))
			}
		}
		if p.Timeout < 0 || p.MaxBytes < 0 {
			errs = append(errs, fmt.Errorf("%s: timeout and max_bytes must not be negative", key))
		}
	}
	return errs
}

// ProxyUpstream is the origin (scheme://host) route i proxies to: its url,
// or its subgraph's routing_url without the path.
func (c *Config) ProxyUpstream(p ProxyRoute) (*url.URL, error) {
	raw := p.URL
	if p.Subgraph != "" {
		s, ok := c.Subgraph(p.Subgraph)
		if !ok {
			return nil, fmt.Errorf("proxy %s: subgraph %q is not listed under subgraphs", p.Path, p.Subgraph)
		}
		raw = s.RoutingURL
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("proxy %s: upstream %q is not a URL", p.Path, raw)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
}
