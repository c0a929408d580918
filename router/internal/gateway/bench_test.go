package gateway_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/testenv/reviews"
)

// BenchmarkIdenticalQueries measures concurrent identical queries, which
// share executions (inbound single-flight), against the same load with
// sharing off: `go test -run - -bench IdenticalQueries ./internal/gateway/`.
func BenchmarkIdenticalQueries(b *testing.B) {
	for _, bb := range []struct {
		name, query, want string
		off               bool
	}{
		{"typename/shared", `{__typename}`, `{"data":{"__typename":"Query"}}`, false},
		{"typename/unshared", `{__typename}`, `{"data":{"__typename":"Query"}}`, true},
		{"fetch/shared", `{ recentlyReviewed }`, `{"data":{"recentlyReviewed":["p1","p2","p3"]}}`, false},
		{"fetch/unshared", `{ recentlyReviewed }`, `{"data":{"recentlyReviewed":["p1","p2","p3"]}}`, true},
	} {
		b.Run(bb.name, func(b *testing.B) {
			gw := newGatewayWith(b, &reviews.Resolver{}, gateway.Options{DisableSingleFlight: bb.off})
			o := gateway.ExecOptions{AllowMutation: true}
			b.SetParallelism(16)
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var buf bytes.Buffer
				req := &graphql.Request{Query: bb.query}
				for pb.Next() {
					buf.Reset()
					if err := gw.ExecuteWith(context.Background(), req, &buf, o); err != nil || buf.String() != bb.want {
						b.Errorf("got %s, %v", buf.String(), err)
						return
					}
				}
			})
		})
	}
}
