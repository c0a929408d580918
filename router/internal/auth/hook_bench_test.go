package auth

import (
	"net/http"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// BenchmarkExecHookAnonymous is the per-request cost of signing an
// anonymous request: the shared signature, no HMAC.
func BenchmarkExecHookAnonymous(b *testing.B) {
	hook, err := ExecHook(nil, []byte("router-and-subgraphs-share-this-secret"))
	if err != nil {
		b.Fatal(err)
	}
	r, _ := http.NewRequest(http.MethodPost, "/graphql", nil)
	b.ReportAllocs()
	for b.Loop() {
		var o gateway.ExecOptions
		if err := hook(r, &o); err != nil || o.Forward == nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignAnonymous is what a signature costs (once per 30 s).
func BenchmarkSignAnonymous(b *testing.B) {
	a, err := newAnonymous([]byte("router-and-subgraphs-share-this-secret"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.sign(a.now()); err != nil {
			b.Fatal(err)
		}
	}
}
