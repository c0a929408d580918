package metrics

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// The subscription gauges read the front end's state at every scrape.
func TestWatchSubscriptions(t *testing.T) {
	m := New()
	var conns, active, slow atomic.Int64
	m.WatchSubscriptions(func() SubscriptionStats {
		return SubscriptionStats{Connections: conns.Load(), Active: active.Load(), SlowBufferFull: slow.Load(), SlowNotReading: 2 * slow.Load()}
	})
	scrape := func(want string) {
		t.Helper()
		names := []string{"nexus_router_subscription_connections", "nexus_router_subscriptions_active", "nexus_router_subscription_slow_consumers_total"}
		if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), names...); err != nil {
			t.Fatal(err)
		}
	}
	const tmpl = `# HELP nexus_router_subscription_connections Open subscription connections (WebSocket and SSE).
# TYPE nexus_router_subscription_connections gauge
nexus_router_subscription_connections %d
# HELP nexus_router_subscription_slow_consumers_total Subscription clients disconnected as slow consumers (close code 4013): reason buffer_full, their send buffer filled on a live stream; not_reading, they took nothing for the write timeout (or a replay's pace timeout).
# TYPE nexus_router_subscription_slow_consumers_total counter
nexus_router_subscription_slow_consumers_total{reason="buffer_full"} %d
nexus_router_subscription_slow_consumers_total{reason="not_reading"} %d
# HELP nexus_router_subscriptions_active Subscriptions running.
# TYPE nexus_router_subscriptions_active gauge
nexus_router_subscriptions_active %d
`
	scrape(fmt.Sprintf(tmpl, 0, 0, 0, 0))
	conns.Store(3)
	active.Store(5)
	slow.Store(1)
	scrape(fmt.Sprintf(tmpl, 3, 1, 2, 5)) // connections, slow consumers by reason, active
}
