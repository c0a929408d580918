package golden

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/jsoncmp"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// TestEntityErrorsOfSharedExecutions sends the same failing query many
// times at once: the requests that share another's execution (single-flight
// followers) must get the same exact entity error paths as the one that
// executed, although they made no subgraph request themselves.
func TestEntityErrorsOfSharedExecutions(t *testing.T) {
	env := Start(t)
	sg, err := supergraph.Parse(env.Supergraph)
	if err != nil {
		t.Fatal(err)
	}
	m := metrics.New()
	url := startRouter(t, gateway.Options{Supergraph: sg, SubgraphTimeout: SubgraphTimeout, Metrics: m})

	base := filepath.Join(dir(), "testdata", "cases", "errors", "legacy_non_null_error_in_nested_lists")
	query, err := os.ReadFile(base + ".graphql")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(base + ".golden.json")
	if err != nil {
		t.Fatal(err)
	}
	const concurrent = 24
	for round := 1; round <= 5; round++ {
		got := make([][]byte, concurrent)
		var start, done sync.WaitGroup
		start.Add(1)
		for i := range got {
			done.Add(1)
			go func() {
				defer done.Done()
				start.Wait()
				got[i] = Post(t, url, string(query), nil)
			}()
		}
		start.Done()
		done.Wait()
		for i, g := range got {
			if !jsoncmp.Equal(t, want, g) {
				t.Fatalf("round %d, request %d differs from the golden\nwant %s\ngot  %s", round, i, jsoncmp.Compact(want), jsoncmp.Compact(g))
			}
		}
		if testutil.ToFloat64(m.SharedResponses) > 0 {
			return
		}
	}
	t.Fatal("no request shared another's execution in 5 rounds of 24 concurrent identical requests: followers were not exercised")
}
