package source

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

func writeConfig(t *testing.T, body string) *config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), "router.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(p, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestComposeFromLiveSubgraph(t *testing.T) {
	srv := httptest.NewServer((&reviews.Resolver{}).Handler())
	defer srv.Close()
	cfg := writeConfig(t, "subgraphs:\n  - name: reviews\n    routing_url: "+srv.URL+"\n    introspect: true\n")
	sg, err := Load(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	g, ok := sg.Graph("reviews")
	if !ok || g.URL != srv.URL || !strings.Contains(sg.APISchema, "recentlyReviewed") {
		t.Fatalf("graph = %+v\nAPI schema:\n%s", g, sg.APISchema)
	}
}

// A production subgraph answers only signed requests: with the shared
// secret set, introspection carries the router's anonymous signature.
func TestIntrospectProductionSubgraph(t *testing.T) {
	const secret = "0123456789abcdef0123456789abcdef"
	srv := httptest.NewServer(kitauth.RequireRouter([]byte(secret), nil)((&reviews.Resolver{}).Handler()))
	defer srv.Close()
	cfg := writeConfig(t, "subgraphs:\n  - name: reviews\n    routing_url: "+srv.URL+"\n    introspect: true\n")
	t.Setenv(kitauth.SecretEnv, "")
	if _, err := Load(context.Background(), cfg); err == nil {
		t.Fatal("an unsigned introspection got through; the test proves nothing")
	}
	t.Setenv(kitauth.SecretEnv, secret)
	if _, err := Load(context.Background(), cfg); err != nil {
		t.Fatalf("signed introspection: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Run("subgraph down", func(t *testing.T) {
		cfg := writeConfig(t, "subgraphs:\n  - name: gone\n    routing_url: http://127.0.0.1:1/graphql\n    introspect: true\n")
		if _, err := Load(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), `subgraph "gone"`) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("missing schema file", func(t *testing.T) {
		cfg := writeConfig(t, "subgraphs:\n  - name: a\n    routing_url: http://127.0.0.1:1/graphql\n    schema_file: nope.graphqls\n")
		if _, err := Load(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), `subgraph "a"`) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("supergraph without a configured subgraph", func(t *testing.T) {
		dir := t.TempDir()
		sdl, err := os.ReadFile("../../../schema/supergraph.graphql")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "sg.graphql"), sdl, 0o600); err != nil {
			t.Fatal(err)
		}
		cfg := writeConfig(t, "supergraph: "+filepath.Join(dir, "sg.graphql")+"\nsubgraphs:\n  - name: inventory\n    routing_url: http://x/graphql\n")
		if _, err := Load(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "does not contain") {
			t.Fatalf("err = %v", err)
		}
	})
}

// TestOverrideLabels moves a progressively overridden field between
// subgraphs by the config's override_labels.
func TestOverrideLabels(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("new.graphqls", `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
type Product @key(fields: "id") { id: ID! price: Int @override(from: "old", label: "beta") }
type Query { newest: Product }`)
	write("old.graphqls", `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Product @key(fields: "id") { id: ID! price: Int }
type Query { oldest: Product }`)
	owner := func(labels string) string {
		t.Helper()
		p := filepath.Join(dir, "router.yaml")
		body := "override_labels: " + labels + "\nsubgraphs:\n" +
			"  - {name: new, routing_url: 'http://127.0.0.1:1/graphql', schema_file: new.graphqls}\n" +
			"  - {name: old, routing_url: 'http://127.0.0.1:2/graphql', schema_file: old.graphqls}\n"
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(p, func(string) (string, bool) { return "", false })
		if err != nil {
			t.Fatal(err)
		}
		sg, err := Load(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		var owners []string
		for _, name := range []string{"new", "old"} {
			g, _ := sg.Graph(name)
			for _, n := range g.RootNodes {
				if n.TypeName == "Product" && slicesContains(n.FieldNames, "price") {
					owners = append(owners, name)
				}
			}
		}
		return strings.Join(owners, ",")
	}
	if got := owner("[]"); got != "old" {
		t.Errorf("label off: price resolved by %q, want old", got)
	}
	if got := owner("[beta]"); got != "new" {
		t.Errorf("label on: price resolved by %q, want new", got)
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
