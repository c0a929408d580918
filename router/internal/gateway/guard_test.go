package gateway

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// A panic while preparing is INTERNAL_SERVER_ERROR for that request alone,
// logged with its request id and counted; the refusal is cached for
// panicRetry (one stack trace per document, not one per request) and
// prepared again after it.
func TestPreparePanicIsARequestError(t *testing.T) {
	g := realGateway(t)
	var logs bytes.Buffer
	g.opts.Log = slog.New(slog.NewTextHandler(&logs, nil))
	g.opts.Metrics = metrics.New()
	plans := g.cache.plans
	g.cache.plans = nil // planning now dereferences nil: a stand-in for an engine panic
	ctx := WithRequestID(context.Background(), "req-panic-1")
	run := func() error {
		var out bytes.Buffer
		return g.ExecuteWith(ctx, &graphql.Request{Query: `{ categories { id } }`}, &out, ExecOptions{AllowMutation: true, QueryPlanOnly: true})
	}
	panics := func() float64 { return testutil.ToFloat64(g.opts.Metrics.Panics.WithLabelValues(recovery.KindPrepare)) }

	err := run()
	var re *RequestError
	if !errors.As(err, &re) || re.Code != "INTERNAL_SERVER_ERROR" || err.Error() != "internal error" {
		t.Fatalf("err = %v, want INTERNAL_SERVER_ERROR saying only \"internal error\"", err)
	}
	if panics() != 1 || !strings.Contains(logs.String(), "req-panic-1") || !strings.Contains(logs.String(), "kind=prepare") {
		t.Fatalf("panics = %v, log %q", panics(), logs.String())
	}
	if err := run(); !errors.As(err, &re) || re.Code != "INTERNAL_SERVER_ERROR" || panics() != 1 {
		t.Fatalf("within panicRetry: err %v, panics %v (want the cached refusal, no new panic)", err, panics())
	}
	// Past panicRetry the text is prepared again: with the cause gone, it runs.
	key := requestKey(`{ categories { id } }`, "", nil)
	p, _ := g.cache.ops.Get(key)
	p.retryAt = time.Now().Add(-time.Second)
	g.cache.plans = plans
	if err := run(); err != nil {
		t.Fatalf("after panicRetry: %v", err)
	}
}
