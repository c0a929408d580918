package hostile

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// bomb is finding 3's document: n fragments, each spreading the previous
// one twice, so `{...Fn}` expands to 2^n fields from under a kilobyte.
// style "spread" spreads directly; "include" and "skip" wrap each spread
// in an inline fragment with that directive.
func bomb(n int, style string) string {
	return fragmentChain(n, style, "Query", "query Bomb { ...F%d }")
}

// fragmentChain is bomb's chain on type typ, used by op (a format with
// one %d, the top fragment's number).
func fragmentChain(n int, style, typ, op string) string {
	var b strings.Builder
	fmt.Fprintf(&b, op, n)
	fmt.Fprintf(&b, "\nfragment F0 on %s { __typename }\n", typ)
	for i := 1; i <= n; i++ {
		spread := fmt.Sprintf("...F%d", i-1)
		switch style {
		case "include":
			spread = fmt.Sprintf("... @include(if: true) { ...F%d }", i-1)
		case "skip":
			spread = fmt.Sprintf("... @skip(if: false) { ...F%d }", i-1)
		}
		fmt.Fprintf(&b, "fragment F%d on %s { %s %s }\n", i, typ, spread, spread)
	}
	return b.String()
}

// fragmentBombs are refused before expansion with FIELD_LIMIT_EXCEEDED
// (limits.max_fields, default 5000) on every transport, alone and three
// at once; before the fix N=20 took GBs and outlived its request.
func (s *stack) fragmentBombs(t *testing.T) {
	for _, c := range []struct {
		n     int
		style string
	}{{16, "spread"}, {17, "spread"}, {20, "spread"}, {20, "include"}, {20, "skip"}} {
		t.Run(fmt.Sprintf("HTTP N=%d %s", c.n, c.style), func(t *testing.T) {
			t.Parallel()
			expect(t, s.query(t, bomb(c.n, c.style), nil, nil), http.StatusOK, "FIELD_LIMIT_EXCEEDED")
			s.stillAnswers(t)
		})
	}
	t.Run("HTTP three N=20 at once", func(t *testing.T) {
		t.Parallel()
		styles := []string{"spread", "include", "skip"}
		replies := make([]reply, len(styles))
		errs := make([]error, len(styles))
		var wg sync.WaitGroup
		for i, st := range styles {
			body, _ := json.Marshal(map[string]any{"query": bomb(20, st)})
			wg.Go(func() { replies[i], errs[i] = s.send(request{body: body}) })
		}
		wg.Wait()
		for i := range styles {
			if errs[i] != nil {
				t.Fatalf("%s: %v", styles[i], errs[i])
			}
			expect(t, replies[i], http.StatusOK, "FIELD_LIMIT_EXCEEDED")
		}
		s.stillAnswers(t)
	})
	t.Run("WebSocket N=20", func(t *testing.T) {
		t.Parallel()
		w := s.dialWS(t, nil)
		w.init(nil)
		w.subscribe("bomb", bomb(20, "include"), nil)
		w.expectError("bomb", "FIELD_LIMIT_EXCEEDED")
		w.expectTypename("after")
		s.stillAnswers(t)
	})
	t.Run("SSE N=20", func(t *testing.T) {
		t.Parallel()
		expectSSEError(t, s.sseQuery(t, bomb(20, "skip"), nil), "FIELD_LIMIT_EXCEEDED")
		s.stillAnswers(t)
	})
	t.Run("a wide document under the limit still runs", func(t *testing.T) {
		t.Parallel()
		// 2^10 = 1024 fields after expansion (3071 selections counting
		// the spreads), under the default 5000 either way; below one root
		// field, as max_root_fields (32) counts unexpanded selections.
		q := fragmentChain(10, "spread", "ProductConnection", "{ products(first: 1) { ...F%d } }")
		r := s.query(t, q, nil, nil)
		if r.Status != http.StatusOK || len(r.Errors) > 0 || string(r.Data) != `{"products":{"__typename":"ProductConnection"}}` {
			t.Fatalf("N=10: HTTP %d %s", r.Status, clip(r.Raw))
		}
	})
}
