package deploy

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

// TestMakeRunStartsEverySubgraph checks scripts/run.sh (make run) against
// router/router.yaml, as TestRouterConfigMatchesCompose does for compose:
// every subgraph the router routes to is started (a SERVICES line and a
// svc_<name> function), on the address router.yaml defaults to, and
// svc_router points every URL variable of router.yaml (subgraphs, the
// auth service's JWKS and revocation feed) at the addresses run.sh uses.
func TestMakeRunStartsEverySubgraph(t *testing.T) {
	root := repoRoot(t)
	raw, err := os.ReadFile(filepath.Join(root, "scripts", "run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	script := string(raw)
	yaml, err := os.ReadFile(filepath.Join(root, "router", "router.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(root, "router", "router.yaml"), func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatalf("router/router.yaml with no environment: %v", err)
	}

	_, body, ok := strings.Cut(script, "\nsvc_router() {")
	if !ok {
		t.Fatal("scripts/run.sh has no svc_router function")
	}
	svcRouter, _, _ := strings.Cut(body, "\n}")

	for _, s := range cfg.Subgraphs {
		t.Run(s.Name, func(t *testing.T) {
			upper := strings.ToUpper(s.Name)
			if !regexp.MustCompile(`(?m)^\s*"` + s.Name + ` \$` + upper + `_ADDR"`).MatchString(script) {
				t.Errorf(`SERVICES has no "%s $%s_ADDR" line`, s.Name, upper)
			}
			if !strings.Contains(script, "\nsvc_"+s.Name+"() {") {
				t.Errorf("no svc_%s function", s.Name)
			}
			u, err := url.Parse(s.RoutingURL)
			if err != nil {
				t.Fatal(err)
			}
			def := regexp.MustCompile(upper + `_ADDR=\$\{` + upper + `_ADDR:-([^}]+)\}`).FindStringSubmatch(script)
			if def == nil || def[1] != u.Host {
				t.Errorf("run.sh's default %s_ADDR is %v, router.yaml's routing_url defaults to %s", upper, def, u.Host)
			}
			if !strings.Contains(svcRouter, upper+"_URL=http://$"+upper+"_ADDR/graphql") {
				t.Errorf("svc_router does not export %s_URL=http://$%s_ADDR/graphql", upper, upper)
			}
		})
	}

	// Every ${X_URL...} router.yaml reads is set by svc_router, so make run
	// never falls back to a default that points elsewhere.
	for _, m := range regexp.MustCompile(`\$\{([A-Z0-9_]+_URL)(:-[^}]*)?\}`).FindAllStringSubmatch(string(yaml), -1) {
		if !regexp.MustCompile(`\b` + m[1] + `=`).MatchString(svcRouter) {
			t.Errorf("router.yaml reads ${%s}, which svc_router does not set", m[1])
		}
	}
}
