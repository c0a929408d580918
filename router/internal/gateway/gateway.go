// Package gateway turns a supergraph into a running executor on
// graphql-go-tools: one GraphQL data source per subgraph, configured from the
// planner metadata the schema/supergraph package derives, a bounded cache of
// prepared operations and plans, and the engine's resolver for execution.
//
// We drive the planner and resolver ourselves instead of using the engine's
// ExecutionEngine so that we own the caches (bounded, measured), can switch
// single-flight off, hook metrics into every subgraph fetch and authorise
// fields per request.
package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/introspection_datasource"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/graphqlerrors"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"

	"github.com/nexus-commerce/nexus/router/internal/limits"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// Options configures a Gateway.
type Options struct {
	// Supergraph is the parsed supergraph to serve.
	Supergraph *supergraph.Supergraph
	// URLs overrides subgraph routing URLs by subgraph name (from the
	// router config, so one supergraph file works in every environment).
	URLs map[string]string
	// SubgraphTimeout bounds every subgraph fetch. Default 10s.
	SubgraphTimeout time.Duration
	// SubgraphTimeouts overrides SubgraphTimeout per subgraph name.
	SubgraphTimeouts map[string]time.Duration
	// DisableSingleFlight turns off the sharing of identical in-flight
	// requests (inbound and subgraph fetches). Sharing is on by default.
	DisableSingleFlight bool
	// PlanCacheSize bounds each of the operation and plan caches. Default 1024.
	PlanCacheSize int
	// DisableIntrospection refuses __schema and __type (not __typename).
	DisableIntrospection bool
	// MaskSubgraphErrors replaces subgraph error messages and extensions
	// with a generic error naming the subgraph (production mode), so
	// internal details never reach clients.
	MaskSubgraphErrors bool
	// Limits refuses operations that are too large (depth, aliases, root
	// fields, tokens, estimated cost); zero values turn a limit off.
	Limits limits.Config
	// Cost weighs fields for the cost limit (@cost/@listSize); nil uses
	// the defaults.
	Cost *limits.CostModel
	// Subscriptions says how to subscribe to each subgraph (by name); a
	// subgraph not listed gets WebSocket at its routing URL, the
	// subprotocol negotiated.
	Subscriptions map[string]SubgraphSubscription
	// RestrictQueryPlans lets only callers with QueryPlanScope ask for
	// query plans (production mode); see QueryPlanAllowed.
	RestrictQueryPlans bool
	// ShowPlanErrors shows clients the planner's message when a valid
	// operation cannot be planned (QUERY_PLAN_FAILED); otherwise they are
	// pointed to the log, which always has it (development mode sets it).
	ShowPlanErrors bool
	// ResumeTimeout is how long a group keeps subscribing again to a
	// @resumable subscription whose upstream was lost before it ends its
	// clients with SUBGRAPH_UNAVAILABLE; 0 means 5 minutes.
	ResumeTimeout time.Duration
	// Metrics receives request, fetch and cache metrics; nil records nothing.
	Metrics *metrics.Metrics
	// Log receives engine diagnostics.
	Log *slog.Logger
}

// Gateway executes operations against the subgraphs of one supergraph.
// It is safe for concurrent use; a new supergraph means a new Gateway.
type Gateway struct {
	opts   Options
	schema *graphql.Schema
	// engine is what the planner plans against (see New); schema when the
	// supergraph has no @inaccessible element.
	engine   *graphql.Schema
	sg       *supergraph.Supergraph
	planCfg  plan.Configuration
	resolver *resolve.Resolver
	cache    *caches
	hooks    *fetchHooks
	rules    rules
	ctx      context.Context
	cancel   context.CancelFunc
	// inflight counts executions running on this gateway, so a reload can
	// retire it only after they finish.
	inflight atomic.Int64

	// subMu guards the subscription count: Retire keeps the gateway open
	// while subscriptions run on it, and once closing is set no new one
	// starts here (idle is closed when the last one ends).
	subMu   sync.Mutex
	subs    int
	closing bool
	idle    chan struct{}
	// groups are the running subscriptions by what makes their results
	// identical (see group), each key's newest group, the one that may
	// admit identical clients; running holds every group until it ends
	// (SubscriptionGroups). Both guarded by subMu.
	groups   map[groupKey]*group
	running  map[*group]struct{}
	groupSeq uint64
	// families are the resumable groups by family (converge.go), guarded
	// by subMu.
	families map[groupKey]*family

	// inbound shares executions between identical concurrent queries.
	inbound inbound
	// panicHook, set only by tests, is called where a goroutine of the
	// given recovery kind starts, to prove it recovers.
	panicHook func(kind string)
}

// New builds the executor. It fails when the supergraph's API schema does
// not parse or a subgraph has no routing URL.
func New(opts Options) (*Gateway, error) {
	if opts.Supergraph == nil {
		return nil, fmt.Errorf("gateway: no supergraph")
	}
	if opts.SubgraphTimeout == 0 {
		opts.SubgraphTimeout = 10 * time.Second
	}
	if opts.ResumeTimeout <= 0 {
		opts.ResumeTimeout = 5 * time.Minute
	}
	if opts.PlanCacheSize <= 0 {
		opts.PlanCacheSize = 1024
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	schema, err := graphql.NewSchemaFromString(opts.Supergraph.APISchema)
	if err != nil {
		return nil, fmt.Errorf("gateway: API schema: %w", err)
	}
	// The planner plans against the engine schema: the API schema with
	// the @inaccessible elements a @requires or key may need fetched.
	engine := schema
	if es := opts.Supergraph.EngineSchema; es != "" && es != opts.Supergraph.APISchema {
		if engine, err = graphql.NewSchemaFromString(es); err != nil {
			return nil, fmt.Errorf("gateway: engine schema: %w", err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	fail := func(err error) (*Gateway, error) { cancel(); return nil, err }

	cfg := plan.Configuration{
		DefaultFlushIntervalMillis: 1000,
		// Field dependencies and fetch reasons are only needed by features we
		// do not use; skipping them makes planning cheaper.
		DisableIncludeFieldDependencies:   true,
		DisableCalculateFieldDependencies: true,
	}
	transport := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        1024,
		MaxIdleConnsPerHost: 1024,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   true,
	}
	for _, g := range opts.Supergraph.Graphs {
		url := g.URL
		if u, ok := opts.URLs[g.Name]; ok && u != "" {
			url = u
		}
		if url == "" {
			return fail(fmt.Errorf("gateway: subgraph %q has no routing URL", g.Name))
		}
		timeout := opts.SubgraphTimeout
		if t, ok := opts.SubgraphTimeouts[g.Name]; ok && t > 0 {
			timeout = t
		}
		client := &http.Client{Timeout: timeout, Transport: &recordingTransport{next: transport, service: g.Name}}
		factory, err := graphql_datasource.NewFactory(ctx, client, graphql_datasource.NewGraphQLSubscriptionClient(ctx,
			graphql_datasource.WithUpgradeClient(client), graphql_datasource.WithStreamingClient(&http.Client{Transport: transport}),
			// Marks a lost connection (not an error the subgraph sent) so
			// the group can tell them apart (see upstreamLost).
			graphql_datasource.WithDefaultErrorExtensionCode(codeUpstreamLost)))
		if err != nil {
			return fail(fmt.Errorf("gateway: %w", err))
		}
		sub, err := subscriptionConfiguration(opts.Subscriptions[g.Name], url)
		if err != nil {
			return fail(fmt.Errorf("gateway: subgraph %q: %w", g.Name, err))
		}
		ds, err := dataSource(factory, g, url, sub)
		if err != nil {
			return fail(fmt.Errorf("gateway: subgraph %q: %w", g.Name, err))
		}
		cfg.DataSources = append(cfg.DataSources, ds)
	}
	for _, fa := range opts.Supergraph.Arguments {
		fc := plan.FieldConfiguration{TypeName: fa.TypeName, FieldName: fa.FieldName}
		for _, a := range fa.ArgumentNames {
			fc.Arguments = append(fc.Arguments, plan.ArgumentConfiguration{Name: a, SourceType: plan.FieldArgumentSource})
		}
		cfg.Fields = append(cfg.Fields, fc)
	}
	cfg.Fields = withAuthorization(cfg.Fields, opts.Supergraph.Authorization)
	if opts.Cost == nil {
		opts.Cost = costModel(opts.Supergraph.Costs)
	}
	intro, err := introspection_datasource.NewIntrospectionConfigFactory(schema.Document())
	if err != nil {
		return fail(fmt.Errorf("gateway: introspection: %w", err))
	}
	cfg.DataSources = append(cfg.DataSources, intro.BuildDataSourceConfigurations()...)
	cfg.Fields = append(cfg.Fields, intro.BuildFieldConfigurations()...)

	mode := resolve.SubgraphErrorPropagationModePassThrough
	if opts.MaskSubgraphErrors {
		mode = resolve.SubgraphErrorPropagationModeWrapped
	}
	resolver := resolve.New(ctx, resolve.ResolverOptions{
		MaxConcurrency:               1024,
		PropagateSubgraphErrors:      true,
		PropagateSubgraphStatusCodes: !opts.MaskSubgraphErrors,
		SubgraphErrorPropagationMode: mode,
		RewriteSubgraphErrorPaths:    true,
		// Subgraph error locations point into the request the router sent the
		// subgraph, not into the client's document: they would only mislead.
		OmitSubgraphErrorLocations:         true,
		OmitSubgraphErrorExtensions:        opts.MaskSubgraphErrors,
		AttachServiceNameToErrorExtensions: true,
		// code and field (the input path of an INVALID error), and
		// retryAfter (seconds, with TOO_MANY_REQUESTS from auth's
		// throttling); anything else a subgraph adds stays behind.
		AllowedErrorExtensionFields: []string{"code", "field", "retryAfter"},
		DefaultErrorExtensionCode:   "DOWNSTREAM_SERVICE_ERROR",
		AllowedSubgraphErrorFields:  []string{"message", "path", "extensions"},
	})
	gw := &Gateway{
		opts:     opts,
		schema:   schema,
		engine:   engine,
		sg:       opts.Supergraph,
		planCfg:  cfg,
		resolver: resolver,
		ctx:      ctx,
		cancel:   cancel,
		cache:    newCaches(opts.PlanCacheSize, opts.Metrics),
		hooks:    &fetchHooks{m: opts.Metrics},
		rules:    newRules(opts.Supergraph.Authorization),
	}
	resolver.SetAsyncErrorWriter(asyncErrors{g: gw})
	return gw, nil
}

// dataSource configures one subgraph as a federated GraphQL data source.
func dataSource(factory *graphql_datasource.Factory[graphql_datasource.Configuration], g *supergraph.Graph, url string, sub *graphql_datasource.SubscriptionConfiguration) (plan.DataSource, error) {
	sdl := g.SDL
	if sdl == "" {
		return nil, fmt.Errorf("empty schema")
	}
	schemaCfg, err := graphql_datasource.NewSchemaConfiguration(sdl, &graphql_datasource.FederationConfiguration{Enabled: true, ServiceSDL: sdl})
	if err != nil {
		return nil, err
	}
	cfg, err := graphql_datasource.NewConfiguration(graphql_datasource.ConfigurationInput{
		Fetch:               &graphql_datasource.FetchConfiguration{URL: url, Method: http.MethodPost},
		Subscription:        sub,
		SchemaConfiguration: schemaCfg,
	})
	if err != nil {
		return nil, err
	}
	return plan.NewDataSourceConfigurationWithName(g.Name, g.Name, factory, metadata(g), cfg)
}

// metadata converts the planner-neutral supergraph metadata into the
// planner's own types.
func metadata(g *supergraph.Graph) *plan.DataSourceMetadata {
	conv := func(in []supergraph.TypeFields) plan.TypeFields {
		out := make(plan.TypeFields, len(in))
		for i, t := range in {
			out[i] = plan.TypeField{TypeName: t.TypeName, FieldNames: t.FieldNames, ExternalFieldNames: t.ExternalFieldNames}
		}
		return out
	}
	sets := func(in []supergraph.FieldSet) plan.FederationFieldConfigurations {
		out := make(plan.FederationFieldConfigurations, len(in))
		for i, s := range in {
			out[i] = plan.FederationFieldConfiguration{TypeName: s.TypeName, FieldName: s.FieldName, SelectionSet: s.SelectionSet, DisableEntityResolver: !s.Resolvable}
		}
		return out
	}
	ifaces := func(in []supergraph.EntityInterface) []plan.EntityInterfaceConfiguration {
		out := make([]plan.EntityInterfaceConfiguration, len(in))
		for i, e := range in {
			out[i] = plan.EntityInterfaceConfiguration{InterfaceTypeName: e.InterfaceTypeName, ConcreteTypeNames: e.ConcreteTypeNames}
		}
		return out
	}
	return &plan.DataSourceMetadata{
		RootNodes:  conv(g.RootNodes),
		ChildNodes: conv(g.ChildNodes),
		FederationMetaData: plan.FederationMetaData{
			Keys:             sets(g.Keys),
			Requires:         sets(g.Requires),
			Provides:         sets(g.Provides),
			EntityInterfaces: ifaces(g.EntityInterfaces),
			InterfaceObjects: ifaces(g.InterfaceObjects),
		},
	}
}

// Schema is the client-facing schema operations are validated against.
func (g *Gateway) Schema() *graphql.Schema { return g.schema }

// Supergraph is the supergraph this gateway serves.
func (g *Gateway) Supergraph() *supergraph.Supergraph { return g.sg }

// Close releases the resolver's background resources at once; requests
// still running on this gateway fail. Use Retire after a reload.
func (g *Gateway) Close() { g.cancel() }

// Retire closes this gateway once nothing runs on it. Call it after
// swapping in a new gateway: requests that started on this one finish on
// it (or are cut off when ctx ends), and subscriptions keep streaming from
// it for as long as their clients stay — a reload never drops them. No
// new subscription starts here once Retire is called.
func (g *Gateway) Retire(ctx context.Context) {
	g.subMu.Lock()
	g.closing = true
	var idle chan struct{}
	if g.subs > 0 {
		idle = make(chan struct{})
		g.idle = idle
	}
	g.subMu.Unlock()

	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	drained := true
	for drained && g.inflight.Load() > 0 {
		select {
		case <-ctx.Done():
			drained = false
		case <-t.C:
		}
	}
	if idle != nil {
		<-idle
	}
	if !drained && g.inflight.Load() > 0 {
		g.opts.Log.Warn("retiring gateway with requests still running", "requests", g.inflight.Load())
	}
	g.cancel()
}

// InFlight is the number of executions running on this gateway.
func (g *Gateway) InFlight() int64 { return g.inflight.Load() }

// RequestError is an operation refused before execution (syntax,
// validation, variables, limits). Code is the extensions.code clients see.
type RequestError struct {
	Err  error
	Code string
}

func (e *RequestError) Error() string { return e.Err.Error() }
func (e *RequestError) Unwrap() error { return e.Err }

// ClientErrors is err as the GraphQL errors a client sees: messages and
// locations kept, locations the parser could not place (line 0) dropped,
// and code filling extensions.code of errors that carry none. Refusals are
// cached and handed to every request with the same text concurrently, so
// the result is always a fresh copy; err is never modified. When err holds
// no request errors, ok is false.
func ClientErrors(err error, code string) (out graphqlerrors.RequestErrors, ok bool) {
	var errs graphqlerrors.Errors
	if !errors.As(err, &errs) {
		errs = graphqlerrors.RequestErrorsFromError(err)
	}
	shared, ok := errs.(graphqlerrors.RequestErrors)
	if !ok {
		return nil, false
	}
	out = make(graphqlerrors.RequestErrors, len(shared))
	for i, e := range shared {
		out[i] = e
		if code != "" && e.Extensions == nil {
			out[i].Extensions = &graphqlerrors.Extensions{Code: code}
		}
		out[i].Locations = slices.DeleteFunc(slices.Clone(e.Locations), func(l operationreport.Location) bool {
			// GraphQL locations are 1-based; the parser reports an
			// unexpected end of input at 0:0, meaning "unknown".
			return l.Line == 0
		})
	}
	return out, true
}

// fetchHooks records every subgraph fetch's latency and outcome.
type fetchHooks struct{ m *metrics.Metrics }

type fetchStartKey struct{}

// OnLoad and OnFinished run on the engine's fetch goroutines: a panic in
// them fails their execution (see fault), not the process.
func (h *fetchHooks) OnLoad(ctx context.Context, _ resolve.DataSourceInfo) (out context.Context) {
	defer func() {
		if faultFrom(ctx).recovered(recover()) {
			out = ctx
		}
	}()
	if h.m == nil {
		return ctx
	}
	return context.WithValue(ctx, fetchStartKey{}, time.Now())
}

func (h *fetchHooks) OnFinished(ctx context.Context, ds resolve.DataSourceInfo, info *resolve.ResponseInfo) {
	defer func() { faultFrom(ctx).recovered(recover()) }()
	if h.m == nil {
		return
	}
	if start, ok := ctx.Value(fetchStartKey{}).(time.Time); ok {
		h.m.SubgraphDuration.WithLabelValues(ds.Name).Observe(time.Since(start).Seconds())
	}
	outcome := "ok"
	if info == nil || info.Err != nil || info.StatusCode >= 400 {
		outcome = "error"
	}
	h.m.SubgraphFetches.WithLabelValues(ds.Name, outcome).Inc()
}
