package gateway_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
)

// TestPlanFailure: a valid operation the planner cannot plan is refused
// with QUERY_PLAN_FAILED (never a validation code or "Internal Error"),
// counted as the router's error, logged with the planner's message and
// the request id for every request that meets it, and shown to the
// client only in development mode (ShowPlanErrors).
func TestPlanFailure(t *testing.T) {
	for _, show := range []bool{false, true} {
		var logs bytes.Buffer
		m := metrics.New()
		gw := newGateway(t, gateway.Options{
			ShowPlanErrors: show,
			Metrics:        m,
			Log:            slog.New(slog.NewTextHandler(&logs, nil)),
		})
		gateway.ForgetDataSources(gw)
		for _, id := range []string{"req-1", "req-2"} {
			ctx := gateway.WithRequestID(context.Background(), id)
			var out bytes.Buffer
			err := gw.ExecuteWith(ctx, &graphql.Request{Query: `{ recentlyReviewed(first: 2) }`}, &out, gateway.ExecOptions{})
			var re *gateway.RequestError
			if !errors.As(err, &re) || re.Code != gateway.CodeQueryPlanFailed {
				t.Fatalf("show=%v: want %s, got %v (%T), wrote %q", show, gateway.CodeQueryPlanFailed, err, err, out.String())
			}
			var pe *gateway.PlanError
			if !errors.As(err, &pe) || pe.Detail == nil || pe.Detail.Error() == "" {
				t.Fatalf("show=%v: the planner's message is lost: %v", show, err)
			}
			msg := re.Err.Error()
			if !strings.HasPrefix(msg, "query planning failed") || strings.Contains(msg, "Internal Error") {
				t.Fatalf("show=%v: client message %q", show, msg)
			}
			if got := strings.Contains(msg, pe.Detail.Error()); got != show {
				t.Fatalf("show=%v: client message %q shows the planner's message: %v", show, msg, got)
			}
			if !strings.Contains(logs.String(), "request_id="+id) || !strings.Contains(logs.String(), "query planning failed") {
				t.Fatalf("show=%v: request %s not logged with its id:\n%s", show, id, logs.String())
			}
		}
		// A refusal of the client's is a request error; this one is ours.
		if n := testutil.ToFloat64(m.Requests.WithLabelValues("query", "error")); n != 2 {
			t.Fatalf("show=%v: %v requests counted as the router's errors, want 2", show, n)
		}
		if n := testutil.ToFloat64(m.Requests.WithLabelValues("query", "request_error")); n != 0 {
			t.Fatalf("show=%v: %v plan failures counted as request errors", show, n)
		}
	}
}
