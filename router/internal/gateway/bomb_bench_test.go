package gateway

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func bombText(n int, wrap string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{...F%d}", n)
	b.WriteString("fragment F0 on Query{__typename}")
	for k := 1; k <= n; k++ {
		s := fmt.Sprintf(wrap, k-1)
		fmt.Fprintf(&b, "fragment F%d on Query{%s %s}", k, s, s)
	}
	return b.String()
}

// BenchmarkPrepareBomb is the whole prepare path (tokens, parse, limits)
// refusing the fragment bombs with the default limits, uncached:
// go test -run '^$' -bench PrepareBomb -benchmem ./internal/gateway.
// Before the limits moved ahead of normalisation, N=16 took 19 s and
// 440 MB, N=20 over 3 GB.
func BenchmarkPrepareBomb(b *testing.B) {
	g := realGateway(b)
	for _, n := range []int{16, 17, 20} {
		for _, kind := range []struct{ name, wrap string }{{"spread", "...F%d"}, {"include", "...@include(if:true){...F%d}"}, {"skip", "...@skip(if:false){...F%d}"}} {
			q := bombText(n, kind.wrap)
			b.Run(fmt.Sprintf("N=%d/%s/%dB", n, kind.name, len(q)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if p := g.prepareUncached(context.Background(), q, "", nil); p.err == nil || p.err.Code != "FIELD_LIMIT_EXCEEDED" {
						b.Fatalf("not refused: %+v", p.err)
					}
				}
			})
		}
	}
}
