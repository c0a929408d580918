package gateway_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/graphqlerrors"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// Cached refusals are shared by every request with the same text, so
// ClientErrors must fill codes and drop unknown locations on a copy: the
// cached errors stay as they were, and concurrent callers do not race
// (this test runs under -race in make test).
func TestClientErrorsLeavesTheCachedErrorsAlone(t *testing.T) {
	cached := graphqlerrors.RequestErrors{
		{Message: "unexpected EOF", Locations: []operationreport.Location{{Line: 0, Column: 0}, {Line: 3, Column: 7}}},
		{Message: "already coded", Extensions: &graphqlerrors.Extensions{Code: "X"}},
	}
	var err error = &gateway.RequestError{Err: cached, Code: "GRAPHQL_PARSE_FAILED"}

	var wg sync.WaitGroup
	results := make([]graphqlerrors.RequestErrors, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var re *gateway.RequestError
			if !errors.As(err, &re) {
				t.Error("not a RequestError")
				return
			}
			out, ok := gateway.ClientErrors(re.Err, re.Code)
			if !ok {
				t.Error("ClientErrors: not request errors")
				return
			}
			results[i] = out
		}()
	}
	wg.Wait()

	for _, out := range results {
		if len(out) != 2 {
			t.Fatalf("got %d errors, want 2", len(out))
		}
		if out[0].Extensions == nil || out[0].Extensions.Code != "GRAPHQL_PARSE_FAILED" {
			t.Errorf("first error's code = %+v, want GRAPHQL_PARSE_FAILED", out[0].Extensions)
		}
		if len(out[0].Locations) != 1 || out[0].Locations[0].Line != 3 {
			t.Errorf("first error's locations = %+v, want only 3:7", out[0].Locations)
		}
		if out[1].Extensions.Code != "X" {
			t.Errorf("an error's own code was replaced: %q", out[1].Extensions.Code)
		}
	}
	if cached[0].Extensions != nil {
		t.Errorf("the cached error gained a code: %+v", cached[0].Extensions)
	}
	if len(cached[0].Locations) != 2 || cached[0].Locations[0].Line != 0 || cached[0].Locations[1].Line != 3 {
		t.Errorf("the cached error's locations changed: %+v", cached[0].Locations)
	}
}
