package deploy

import (
	"net"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/types"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

// envValue is a service's variable, "" when unset.
func envValue(svc types.ServiceConfig, k string) string {
	if v := svc.Environment[k]; v != nil {
		return *v
	}
	return ""
}

// TestRouterReachesAuthKeysAndRevocations: the router verifies client JWTs
// against the auth service's JWKS and follows its revocation feed, both by
// the auth service's name and the port it listens on inside the network.
func TestRouterReachesAuthKeysAndRevocations(t *testing.T) {
	p, _ := loadCompose(t)
	router, auth := p.Services["router"], p.Services["auth"]
	port := listenPort(t, "auth", auth)
	for k, path := range map[string]string{
		"AUTH_JWKS_URL":        "/.well-known/jwks.json",
		"AUTH_REVOCATIONS_URL": "/revocations",
	} {
		raw := envValue(router, k)
		u, err := url.Parse(raw)
		if err != nil || raw == "" {
			t.Errorf("router %s = %q: want http://auth:%s%s", k, raw, port, path)
			continue
		}
		if u.Hostname() != "auth" || u.Port() != port || u.Path != path {
			t.Errorf("router %s = %s, want http://auth:%s%s", k, raw, port, path)
		}
	}
	if _, ok := router.DependsOn["auth"]; !ok {
		t.Error("router does not depend_on auth (its keys)")
	}
}

// TestRouterConfigVerifiesAuthTokens loads router/router.yaml with the
// router service's environment, as the container does: the JWKS and the
// revocation feed it uses are the auth service's, and the issuer and
// audience it demands are those compose gives the auth service.
func TestRouterConfigVerifiesAuthTokens(t *testing.T) {
	p, root := loadCompose(t)
	router, auth := p.Services["router"], p.Services["auth"]
	cfg, err := config.Load(filepath.Join(root, "router", "router.yaml"), env(router))
	if err != nil {
		t.Fatalf("router/router.yaml with the router service's environment: %v", err)
	}
	if want := envValue(router, "AUTH_JWKS_URL"); !slices.Equal(cfg.Auth.JWKSURLs, []string{want}) {
		t.Errorf("router verifies tokens against %v, want only the auth service's JWKS %s", cfg.Auth.JWKSURLs, want)
	}
	if want := envValue(router, "AUTH_REVOCATIONS_URL"); cfg.Auth.RevocationsURL != want {
		t.Errorf("router follows the revocation feed %q, want %s", cfg.Auth.RevocationsURL, want)
	}
	if cfg.Auth.Issuer != envValue(auth, "AUTH_ISSUER") {
		t.Errorf("router issuer %q, auth issues %q", cfg.Auth.Issuer, envValue(auth, "AUTH_ISSUER"))
	}
	if !slices.Contains(audiences(cfg), envValue(auth, "AUTH_AUDIENCE")) {
		t.Errorf("router audiences %v do not include auth's %q", audiences(cfg), envValue(auth, "AUTH_AUDIENCE"))
	}
}

// TestIssuerAndAudienceAgree: what the auth service writes into tokens is
// what the router demands, by default and when the operator changes it.
func TestIssuerAndAudienceAgree(t *testing.T) {
	check := func(t *testing.T, p *types.Project, iss, aud string) {
		t.Helper()
		router, auth := p.Services["router"], p.Services["auth"]
		if got := envValue(auth, "AUTH_ISSUER"); got != iss {
			t.Errorf("auth AUTH_ISSUER = %q, want %q", got, iss)
		}
		if got := envValue(router, "ROUTER_JWT_ISSUER"); got != iss {
			t.Errorf("router ROUTER_JWT_ISSUER = %q, want %q (auth's)", got, iss)
		}
		if got := envValue(auth, "AUTH_AUDIENCE"); got != aud {
			t.Errorf("auth AUTH_AUDIENCE = %q, want %q", got, aud)
		}
		if got := envValue(router, "ROUTER_JWT_AUDIENCE"); got != aud {
			t.Errorf("router ROUTER_JWT_AUDIENCE = %q, want %q (auth's)", got, aud)
		}
	}
	t.Run("defaults", func(t *testing.T) {
		p, _ := loadCompose(t)
		check(t, p, "nexus-auth", "nexus")
	})
	t.Run("operator's", func(t *testing.T) {
		envs := []string{"AUTH_ISSUER=https://shop.example.com", "AUTH_AUDIENCE=shop-api"}
		for k, v := range testSecrets {
			envs = append(envs, k+"="+v)
		}
		p, _, err := loadComposeWith(t, envs)
		if err != nil {
			t.Fatal(err)
		}
		check(t, p, "https://shop.example.com", "shop-api")
	})
}

// TestAuthMailGoesToMailpit: by default the auth service's SMTP_ADDR is the
// mailpit service's SMTP port, in plain SMTP on the internal network; the
// mail relay's password is optional (compose loads without it).
func TestAuthMailGoesToMailpit(t *testing.T) {
	p, _ := loadCompose(t)
	auth := p.Services["auth"]
	host, port, err := net.SplitHostPort(envValue(auth, "SMTP_ADDR"))
	if err != nil {
		t.Fatalf("auth SMTP_ADDR: %v", err)
	}
	if host != "mailpit" || port != "1025" {
		t.Errorf("auth SMTP_ADDR = %s:%s, want mailpit:1025 (Mailpit's SMTP)", host, port)
	}
	if got := envValue(auth, "SMTP_TLS"); got != "off" {
		t.Errorf("auth SMTP_TLS = %q, want off for Mailpit", got)
	}
	if _, ok := p.Services["mailpit"]; !ok {
		t.Fatal("no mailpit service")
	}

	var envs []string
	for k, v := range testSecrets {
		envs = append(envs, k+"="+v)
	}
	p, _, err = loadComposeWith(t, envs)
	if err != nil {
		t.Fatalf("compose does not load without the optional mail password: %v", err)
	}
	if got := envValue(p.Services["auth"], "SMTP_PASSWORD"); got != "" {
		t.Errorf("SMTP_PASSWORD = %q without the operator setting it", got)
	}
}

// TestImagesArePinned: a service that runs a published image names its
// version, so `docker compose up` on another day runs the same thing.
func TestImagesArePinned(t *testing.T) {
	p, _ := loadCompose(t)
	for name, svc := range p.Services {
		if svc.Build != nil || svc.Image == "" {
			continue
		}
		ref := svc.Image[strings.LastIndex(svc.Image, "/")+1:]
		_, tag, ok := strings.Cut(ref, ":")
		if !ok && !strings.Contains(svc.Image, "@sha256:") {
			t.Errorf("service %s: image %s has no tag", name, svc.Image)
		}
		if tag == "latest" {
			t.Errorf("service %s: image %s is not pinned", name, svc.Image)
		}
	}
}

// TestSubgraphErrorsReachClients: compose runs the router in production
// mode but lets the subgraphs' coded errors through (the storefront maps
// extensions.field and shows sign-in refusals); without the variable,
// production mode still masks them.
func TestSubgraphErrorsReachClients(t *testing.T) {
	p, root := loadCompose(t)
	router := p.Services["router"]
	cfg, err := config.Load(filepath.Join(root, "router", "router.yaml"), env(router))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Mode != "production" || cfg.MaskSubgraphErrors == nil || *cfg.MaskSubgraphErrors {
		t.Errorf("compose router: mode %q, mask_subgraph_errors %v; want production with subgraph errors passed through", cfg.Mode, cfg.MaskSubgraphErrors)
	}
	delete(router.Environment, "ROUTER_MASK_SUBGRAPH_ERRORS")
	cfg, err = config.Load(filepath.Join(root, "router", "router.yaml"), env(router))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.MaskSubgraphErrors == nil || !*cfg.MaskSubgraphErrors {
		t.Errorf("router.yaml without ROUTER_MASK_SUBGRAPH_ERRORS in production: mask %v, want the mode's default (masked)", cfg.MaskSubgraphErrors)
	}
}

func audiences(cfg *config.Config) []string { return []string(cfg.Auth.Audience) }
