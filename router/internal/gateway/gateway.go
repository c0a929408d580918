// Package gateway turns a supergraph into a running graphql-go-tools
// execution engine: one GraphQL data source per subgraph, configured from
// the planner metadata the schema/supergraph package derives, and executes
// client operations against it.
package gateway

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/jensneuse/abstractlogger"
	"github.com/wundergraph/graphql-go-tools/execution/engine"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

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
	// Log receives engine diagnostics.
	Log *slog.Logger
}

// Gateway executes operations against the subgraphs of one supergraph.
// It is safe for concurrent use; a new supergraph means a new Gateway.
type Gateway struct {
	engine *engine.ExecutionEngine
	schema *graphql.Schema
	sg     *supergraph.Supergraph
	cancel context.CancelFunc
}

// New builds the engine. It fails when the supergraph's API schema does not
// parse or a subgraph has no routing URL.
func New(opts Options) (*Gateway, error) {
	if opts.Supergraph == nil {
		return nil, fmt.Errorf("gateway: no supergraph")
	}
	if opts.SubgraphTimeout == 0 {
		opts.SubgraphTimeout = 10 * time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	schema, err := graphql.NewSchemaFromString(opts.Supergraph.APISchema)
	if err != nil {
		return nil, fmt.Errorf("gateway: API schema: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	client := &http.Client{
		Timeout: opts.SubgraphTimeout,
		Transport: &http.Transport{
			MaxIdleConns:        1024,
			MaxIdleConnsPerHost: 1024,
			IdleConnTimeout:     90 * time.Second,
			ForceAttemptHTTP2:   true,
		},
	}
	factory, err := graphql_datasource.NewFactory(ctx, client, graphql_datasource.NewGraphQLSubscriptionClient(ctx,
		graphql_datasource.WithUpgradeClient(client), graphql_datasource.WithStreamingClient(&http.Client{})))
	if err != nil {
		cancel()
		return nil, fmt.Errorf("gateway: %w", err)
	}
	conf := engine.NewConfiguration(schema)
	for _, g := range opts.Supergraph.Graphs {
		url := g.URL
		if u, ok := opts.URLs[g.Name]; ok && u != "" {
			url = u
		}
		if url == "" {
			cancel()
			return nil, fmt.Errorf("gateway: subgraph %q has no routing URL", g.Name)
		}
		ds, err := dataSource(factory, g, url)
		if err != nil {
			cancel()
			return nil, fmt.Errorf("gateway: subgraph %q: %w", g.Name, err)
		}
		conf.AddDataSource(ds)
	}
	for _, fa := range opts.Supergraph.Arguments {
		fc := plan.FieldConfiguration{TypeName: fa.TypeName, FieldName: fa.FieldName}
		for _, a := range fa.ArgumentNames {
			fc.Arguments = append(fc.Arguments, plan.ArgumentConfiguration{Name: a, SourceType: plan.FieldArgumentSource})
		}
		conf.AddFieldConfiguration(fc)
	}
	eng, err := engine.NewExecutionEngine(ctx, abstractlogger.Noop{}, conf, resolve.ResolverOptions{
		MaxConcurrency:                     1024,
		PropagateSubgraphErrors:            true,
		PropagateSubgraphStatusCodes:       true,
		SubgraphErrorPropagationMode:       resolve.SubgraphErrorPropagationModePassThrough,
		RewriteSubgraphErrorPaths:          true,
		AttachServiceNameToErrorExtensions: true,
		AllowedErrorExtensionFields:        []string{"code", "field"},
		DefaultErrorExtensionCode:          "DOWNSTREAM_SERVICE_ERROR",
		AllowedSubgraphErrorFields:         []string{"message", "path", "extensions"},
	})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("gateway: engine: %w", err)
	}
	return &Gateway{engine: eng, schema: schema, sg: opts.Supergraph, cancel: cancel}, nil
}

// dataSource configures one subgraph as a federated GraphQL data source.
func dataSource(factory *graphql_datasource.Factory[graphql_datasource.Configuration], g *supergraph.Graph, url string) (plan.DataSource, error) {
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
		Subscription:        &graphql_datasource.SubscriptionConfiguration{URL: url},
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

// Execute runs one operation and writes the GraphQL response JSON to w.
// Request errors (syntax, validation, variables) are returned as
// RequestError so the HTTP layer can pick the status code.
func (g *Gateway) Execute(ctx context.Context, req *graphql.Request, w io.Writer) error {
	rw := graphql.NewEngineResultWriter()
	if err := g.engine.Execute(ctx, req, &rw); err != nil {
		return &RequestError{Err: err}
	}
	_, err := w.Write(rw.Bytes())
	return err
}

// Close releases the engine's background resources.
func (g *Gateway) Close() { g.cancel() }

// RequestError is an operation the engine refused before executing it.
type RequestError struct{ Err error }

func (e *RequestError) Error() string { return e.Err.Error() }
func (e *RequestError) Unwrap() error { return e.Err }
