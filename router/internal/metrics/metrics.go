// Package metrics holds the router's Prometheus collectors. Each Metrics has
// its own registry so tests (and several routers in one process) never share
// counters; /metrics serves exactly one registry.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Latency buckets in seconds: a federated request is usually a few
// milliseconds; the tail up to the request timeout still lands in a bucket.
var buckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// Metrics are the router's collectors.
type Metrics struct {
	reg *prometheus.Registry

	// Requests counts GraphQL requests by operation type and outcome
	// (ok, request_error, partial, error).
	Requests *prometheus.CounterVec
	// RequestDuration is the whole request latency by operation type.
	RequestDuration *prometheus.HistogramVec
	// InFlight is the number of GraphQL requests being served.
	InFlight prometheus.Gauge
	// SharedResponses counts requests answered with the response of an
	// identical request executing at the same time (inbound single-flight).
	SharedResponses prometheus.Counter
	// SubgraphFetches counts subgraph fetches by subgraph and outcome (ok, error).
	SubgraphFetches *prometheus.CounterVec
	// SubgraphDuration is the subgraph fetch latency by subgraph.
	SubgraphDuration *prometheus.HistogramVec
	// PlanCache counts plan cache lookups by result (hit, miss) and cache
	// (operation: parsed+validated+planned by request text; plan: by
	// normalised operation).
	PlanCache *prometheus.CounterVec
	// PlanCacheEvictions counts entries dropped to respect the bound.
	PlanCacheEvictions *prometheus.CounterVec
	// PlanCacheSize is the current number of entries.
	PlanCacheSize *prometheus.GaugeVec
	// Reloads counts configuration/supergraph reloads by result (ok, error).
	Reloads *prometheus.CounterVec
	// Panics counts panics recovered on request, subscription and
	// connection goroutines by goroutine kind (see package recovery); each
	// one failed only the request that caused it.
	Panics *prometheus.CounterVec
	// SubscriptionGroupsMerged counts subscription groups merged into
	// another group of their family once both had delivered the same
	// cursor (gateway converge.go): each merge is one upstream
	// subscription fewer.
	SubscriptionGroupsMerged prometheus.Counter
}

// New registers every collector (plus the Go and process collectors) on a
// fresh registry.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		reg: reg,
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nexus_router_requests_total", Help: "GraphQL requests by operation type and outcome.",
		}, []string{"operation_type", "outcome"}),
		RequestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "nexus_router_request_duration_seconds", Help: "GraphQL request latency.", Buckets: buckets,
		}, []string{"operation_type"}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "nexus_router_requests_in_flight", Help: "GraphQL requests being served.",
		}),
		SharedResponses: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "nexus_router_requests_shared_total", Help: "GraphQL requests answered with the response of an identical request in flight (single-flight).",
		}),
		SubgraphFetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nexus_router_subgraph_fetches_total", Help: "Subgraph fetches by subgraph and outcome.",
		}, []string{"subgraph", "outcome"}),
		SubgraphDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "nexus_router_subgraph_fetch_duration_seconds", Help: "Subgraph fetch latency.", Buckets: buckets,
		}, []string{"subgraph"}),
		PlanCache: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nexus_router_plan_cache_lookups_total", Help: "Plan cache lookups by cache and result.",
		}, []string{"cache", "result"}),
		PlanCacheEvictions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nexus_router_plan_cache_evictions_total", Help: "Plan cache entries evicted to respect the size bound.",
		}, []string{"cache"}),
		PlanCacheSize: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "nexus_router_plan_cache_entries", Help: "Plan cache entries.",
		}, []string{"cache"}),
		Reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nexus_router_reloads_total", Help: "Config and supergraph reloads by result.",
		}, []string{"result"}),
		Panics: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "nexus_router_panics_total", Help: "Panics recovered on request, subscription and connection goroutines, by goroutine kind.",
		}, []string{"kind"}),
		SubscriptionGroupsMerged: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "nexus_router_subscription_groups_merged_total", Help: "Subscription groups merged into another group of their family at the same cursor (one upstream subscription fewer each).",
		}),
	}
	reg.MustRegister(m.Requests, m.RequestDuration, m.InFlight, m.SharedResponses, m.SubgraphFetches, m.SubgraphDuration,
		m.PlanCache, m.PlanCacheEvictions, m.PlanCacheSize, m.Reloads, m.Panics, m.SubscriptionGroupsMerged,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry is the registry the collectors live on.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// SubscriptionStats is what the subscription front end reports.
type SubscriptionStats struct {
	// Connections are open WebSocket connections and SSE streams.
	Connections int64
	// Active are subscriptions running on them.
	Active int64
	// SlowBufferFull and SlowNotReading count clients disconnected as
	// slow consumers (WebSocket close code 4013), by reason: their send
	// buffer filled on a live stream, or they took nothing for the write
	// timeout (or a replay's pace timeout).
	SlowBufferFull, SlowNotReading int64
}

// WatchSubscriptions publishes the subscription front end's state, read
// from stats at each scrape: nexus_router_subscription_connections,
// nexus_router_subscriptions_active and
// nexus_router_subscription_slow_consumers_total{reason="buffer_full"|"not_reading"}.
func (m *Metrics) WatchSubscriptions(stats func() SubscriptionStats) {
	const slowName = "nexus_router_subscription_slow_consumers_total"
	const slowHelp = "Subscription clients disconnected as slow consumers (close code 4013): reason buffer_full, their send buffer filled on a live stream; not_reading, they took nothing for the write timeout (or a replay's pace timeout)."
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "nexus_router_subscription_connections", Help: "Open subscription connections (WebSocket and SSE).",
		}, func() float64 { return float64(stats().Connections) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "nexus_router_subscriptions_active", Help: "Subscriptions running.",
		}, func() float64 { return float64(stats().Active) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: slowName, Help: slowHelp, ConstLabels: prometheus.Labels{"reason": "buffer_full"},
		}, func() float64 { return float64(stats().SlowBufferFull) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: slowName, Help: slowHelp, ConstLabels: prometheus.Labels{"reason": "not_reading"},
		}, func() float64 { return float64(stats().SlowNotReading) }),
	)
}

// WatchRevocations publishes the JWT revocation feed's state, read from
// stats at each scrape: nexus_router_auth_revocation_cursor (the feed
// cursor applied last; -1 before the first state or without a feed) and
// nexus_router_auth_revocations (entries held: disabled or revoked users
// and revoked sessions). Tests wait for a cursor on the first gauge.
func (m *Metrics) WatchRevocations(stats func() (cursor int64, entries int)) {
	m.reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "nexus_router_auth_revocation_cursor", Help: "Cursor of the auth revocation feed applied last (-1: none yet, or no feed).",
		}, func() float64 { c, _ := stats(); return float64(c) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "nexus_router_auth_revocations", Help: "Revocation entries held (disabled or revoked users, revoked sessions).",
		}, func() float64 { _, n := stats(); return float64(n) }),
	)
}
