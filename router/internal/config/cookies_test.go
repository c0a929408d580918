package config

import (
	"strings"
	"testing"
)

func TestCookiesAndProxiesValidate(t *testing.T) {
	const base = "subgraphs:\n  - {name: auth, routing_url: http://127.0.0.1:4002/graphql, schema_file: a.graphqls}\n  - {name: product, routing_url: http://127.0.0.1:4001/graphql, schema_file: p.graphqls}\n"
	cases := []struct {
		name, yaml string
		errs       []string // each must appear; none: valid
	}{
		{name: "session cookie", yaml: "cookies:\n  - {name: nexus_session, subgraphs: [auth]}\ncsrf: {header: X-Shop-CSRF}\ntrusted_proxies: [10.0.0.0/8, 192.168.1.1, '::1']\n"},
		{name: "unknown subgraph", yaml: "cookies:\n  - {name: nexus_session, subgraphs: [auht]}\n",
			errs: []string{`cookies[0].subgraphs[0]: "auht" is not a subgraph of this config (subgraphs: auth, product)`}},
		{name: "bad name", yaml: "cookies:\n  - {name: 'bad name;', subgraphs: [auth]}\n", errs: []string{`cookies[0].name: "bad name;" is not a cookie name`}},
		{name: "empty name and no subgraphs", yaml: "cookies:\n  - {name: ''}\n", errs: []string{"cookies[0].name", "cookies[0].subgraphs: name at least one subgraph"}},
		{name: "listed twice", yaml: "cookies:\n  - {name: s, subgraphs: [auth]}\n  - {name: s, subgraphs: [product]}\n", errs: []string{`cookies[1].name: "s" is also cookies[0].name`}},
		{name: "bad csrf header", yaml: "csrf: {header: 'X CSRF'}\n", errs: []string{`csrf.header: "X CSRF" is not a header name`}},
		{name: "bad proxy", yaml: "trusted_proxies: [10.0.0.0/33, proxy.local]\n", errs: []string{"trusted_proxies[0]", `trusted_proxies[1]: "proxy.local" is not a CIDR`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Read(write(t, base+tc.yaml), env(nil))
			if err != nil {
				t.Fatal(err)
			}
			err = c.Validate()
			if len(tc.errs) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatal("valid, want errors")
			}
			for _, want := range tc.errs {
				if !strings.Contains(err.Error(), want) {
					t.Fatalf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestCookieDefaultsAndPrefixes(t *testing.T) {
	c, err := Read(write(t, "subgraphs:\n  - {name: auth, routing_url: http://h/graphql, schema_file: a}\ntrusted_proxies: [10.1.2.3/8, 192.168.1.1, '::1']\n"), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.CSRF.Header != "X-Nexus-CSRF" {
		t.Fatalf("csrf.header default %q", c.CSRF.Header)
	}
	var got []string
	for _, p := range c.TrustedProxyPrefixes() {
		got = append(got, p.String())
	}
	if strings.Join(got, " ") != "10.0.0.0/8 192.168.1.1/32 ::1/128" {
		t.Fatalf("prefixes %v", got)
	}
}

// TestRepositoryConfig: router/router.yaml verifies the auth service's
// tokens (JWKS, issuer nexus-auth, audience nexus), follows its
// revocation feed, forwards only the session cookie only to auth, and has
// no static development key.
func TestRepositoryConfig(t *testing.T) {
	c, err := Load("../../router.yaml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	a := c.Auth
	if len(a.StaticKeys) != 0 || len(a.JWKSURLs) != 1 || a.JWKSURLs[0] != "http://127.0.0.1:4002/.well-known/jwks.json" ||
		a.Issuer != "nexus-auth" || strings.Join(a.Audience, ",") != "nexus" || a.RevocationsURL != "http://127.0.0.1:4002/revocations" {
		t.Fatalf("auth: %+v", a)
	}
	if len(c.Cookies) != 1 || c.Cookies[0].Name != "nexus_session" || strings.Join(c.Cookies[0].Subgraphs, ",") != "auth" || c.CSRF.Header != "X-Nexus-CSRF" {
		t.Fatalf("cookies %+v csrf %+v", c.Cookies, c.CSRF)
	}
	for name, url := range map[string]string{"auth": "http://127.0.0.1:4002/graphql", "customer": "http://127.0.0.1:4003/graphql"} {
		if s, ok := c.Subgraph(name); !ok || s.RoutingURL != url {
			t.Fatalf("subgraph %s: %+v", name, s)
		}
	}
	c, err = Load("../../router.yaml", env(map[string]string{"AUTH_REVOCATIONS_URL": "", "AUTH_JWKS_URL": "https://auth.example.com/.well-known/jwks.json"}))
	if err != nil || c.Auth.RevocationsURL != "http://127.0.0.1:4002/revocations" || c.Auth.JWKSURLs[0] != "https://auth.example.com/.well-known/jwks.json" {
		// ${VAR:-default} uses the default for an empty variable too.
		t.Fatalf("overrides: %+v %v", c.Auth, err)
	}
}
