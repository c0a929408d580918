package reviews

import (
	_ "embed"
	"net/http/httptest"
	"testing"

	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// SDL is the subgraph's schema (schema.graphqls, which gqlgen generates from).
//
//go:embed schema.graphqls
var SDL string

// Supergraph serves r on an ephemeral port for the rest of the test and
// returns the supergraph composed from it alone: the real subgraph behind
// a gateway or server under test, in packages that cannot use testenv
// (testenv imports them).
func (r *Resolver) Supergraph(t testing.TB) *supergraph.Supergraph {
	t.Helper()
	sub := httptest.NewServer(r.Handler())
	t.Cleanup(sub.Close)
	out, err := compose.Compose([]compose.Subgraph{{Name: "reviews", URL: sub.URL, SDL: SDL}})
	if err != nil {
		t.Fatalf("compose the reviews subgraph: %v", err)
	}
	sg, err := supergraph.Parse(out)
	if err != nil {
		t.Fatalf("parse the reviews supergraph: %v", err)
	}
	return sg
}
