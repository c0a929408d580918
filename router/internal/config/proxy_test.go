package config

import (
	"strings"
	"testing"
)

func TestProxyRoutes(t *testing.T) {
	base := func(p ...ProxyRoute) *Config {
		c := &Config{Subgraphs: []Subgraph{{Name: "product", RoutingURL: "http://product:4001/graphql", SchemaFile: "p.graphqls"}}, Proxy: p}
		c.Defaults()
		return c
	}
	tests := []struct {
		name  string
		route ProxyRoute
		want  string // "" = valid
	}{
		{"subgraph", ProxyRoute{Path: "/images/", Subgraph: "product"}, ""},
		{"url", ProxyRoute{Path: "/files/v1/", URL: "https://cdn.internal:8443"}, ""},
		{"no trailing slash", ProxyRoute{Path: "/images", Subgraph: "product"}, "proxy[0].path"},
		{"dot segment", ProxyRoute{Path: "/a/../b/", Subgraph: "product"}, "proxy[0].path"},
		{"root", ProxyRoute{Path: "/", Subgraph: "product"}, "proxy[0].path"},
		{"graphql path", ProxyRoute{Path: "/graphql/", Subgraph: "product"}, "overlaps the router's own /graphql"},
		{"metrics", ProxyRoute{Path: "/metrics/", Subgraph: "product"}, "overlaps"},
		{"unknown subgraph", ProxyRoute{Path: "/images/", Subgraph: "orders"}, `"orders" is not listed`},
		{"both upstreams", ProxyRoute{Path: "/images/", Subgraph: "product", URL: "http://x"}, "exactly one of subgraph and url"},
		{"neither", ProxyRoute{Path: "/images/"}, "exactly one of subgraph and url"},
		{"url with path", ProxyRoute{Path: "/images/", URL: "http://product:4001/images"}, "proxy[0].url"},
		{"url with credentials", ProxyRoute{Path: "/images/", URL: "http://u:p@product:4001"}, "proxy[0].url"},
		{"negative", ProxyRoute{Path: "/images/", Subgraph: "product", MaxBytes: -1}, "must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := base(tt.route).Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate: %v, want %q", err, tt.want)
			}
		})
	}
	t.Run("duplicate", func(t *testing.T) {
		r := ProxyRoute{Path: "/images/", Subgraph: "product"}
		if err := base(r, r).Validate(); err == nil || !strings.Contains(err.Error(), "is also proxy[0].path") {
			t.Fatalf("Validate: %v", err)
		}
	})
	t.Run("defaults and upstream", func(t *testing.T) {
		c := base(ProxyRoute{Path: "/images/", Subgraph: "product"})
		p := c.Proxy[0]
		if p.Timeout != DefaultProxyTimeout || p.MaxBytes != DefaultProxyMaxBytes || p.CacheControl != DefaultProxyCacheControl {
			t.Fatalf("defaults: %+v", p)
		}
		u, err := c.ProxyUpstream(p)
		if err != nil || u.String() != "http://product:4001" {
			t.Fatalf("upstream %v, %v", u, err)
		}
	})
}
