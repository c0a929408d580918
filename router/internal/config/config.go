// Package config holds the router's configuration: where it listens, which
// supergraph it serves and how it reaches each subgraph. It is loaded once in
// main from a YAML file, environment variables and flags, validated, and
// passed down; nothing else in the router reads the environment.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/nexus-commerce/nexus/router/internal/auth"
	"github.com/nexus-commerce/nexus/router/internal/limits"
)

// Config is the whole router configuration. Zero values mean "use the
// default"; Defaults fills them in and Validate checks the result.
type Config struct {
	// Listen is the TCP address of the HTTP server. Default 127.0.0.1:4000.
	Listen string `yaml:"listen"`
	// GraphQLPath is where GraphQL (and GraphiQL for browsers) is served. Default /graphql.
	GraphQLPath string `yaml:"graphql_path"`
	// Supergraph is a supergraph SDL file (Apollo join spec). When empty the
	// router composes one from Subgraphs at start.
	Supergraph string `yaml:"supergraph"`
	// Subgraphs lists the services to compose and, when Supergraph is set,
	// overrides routing URLs by name.
	Subgraphs []Subgraph `yaml:"subgraphs"`
	// Mode is production (the default: subgraph error details masked,
	// introspection and GraphiQL off unless turned on) or development.
	Mode string `yaml:"mode"`
	// GraphiQL turns the bundled GraphiQL page on browser GETs on or off.
	// Default on in development, off in production.
	GraphiQL *bool `yaml:"graphiql"`
	// Introspection allows __schema and __type queries. Default on in
	// development, off in production.
	Introspection *bool `yaml:"introspection"`
	// MaskSubgraphErrors hides subgraph error messages and extensions from
	// clients. Default on in production, off in development.
	MaskSubgraphErrors *bool `yaml:"mask_subgraph_errors"`
	// OverrideLabels turns on progressive @override labels (custom labels
	// such as "beta", or an exact "percent(N)"): a labelled field resolves
	// from the overriding subgraph only while its label is on.
	// "percent(100)" is always on. Reloading with another list moves the
	// fields without a restart.
	OverrideLabels []string `yaml:"override_labels"`
	// Auth verifies JWTs (JWKS URLs or static keys); off when no key
	// source is configured, and then every request is anonymous.
	Auth auth.Config `yaml:"auth"`
	// Metrics serves Prometheus metrics.
	Metrics Metrics `yaml:"metrics"`
	// PersistedOperations configures trusted documents and APQ.
	PersistedOperations PersistedOperations `yaml:"persisted_operations"`
	// Watch reloads the config file and the supergraph file when they
	// change (polled every Interval). SIGHUP always reloads.
	Watch Watch `yaml:"watch"`
	// Limits bounds what a single request may cost.
	Limits Limits `yaml:"limits"`
	// CORS lets browser apps on other origins call the router. Off (same
	// origin only) unless cors.allow_origins lists origins.
	CORS CORS `yaml:"cors"`
	// ShutdownTimeout is how long in-flight requests may take to finish on shutdown. Default 15s.
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"`
	// Engine tunes query planning and execution.
	Engine Engine `yaml:"engine"`
	// Subscriptions tunes the WebSocket and SSE front end.
	Subscriptions Subscriptions `yaml:"subscriptions"`
	// Proxy serves files that subgraphs own (product images) under the
	// router's origin, so the router is the only public door: each route
	// streams GET and HEAD requests under its path prefix to a subgraph.
	// Routes are fixed at start (a reload does not change them).
	Proxy []ProxyRoute `yaml:"proxy"`
	// Web serves the built storefront (web/dist) at /: off unless web.dir
	// is set. Fixed at start (a reload does not change it).
	Web Web `yaml:"web"`
	// Cookies lists the client cookies the router forwards, each to the
	// subgraphs named with it, and lets those subgraphs set (Set-Cookie)
	// on GraphQL over HTTP. Empty: no cookie reaches a subgraph and every
	// Set-Cookie is dropped.
	Cookies []CookieRule `yaml:"cookies"`
	// CSRF is the check a request must pass for Cookies to apply.
	CSRF CSRF `yaml:"csrf"`
	// TrustedProxies are the CIDRs (or addresses) whose X-Forwarded-For
	// the router believes when it tells subgraphs the client's address
	// (X-Forwarded-For, one address). Default none: the connection's
	// remote address is the client.
	TrustedProxies []string `yaml:"trusted_proxies"`

	// dir is the directory of the config file; relative paths resolve against it.
	dir string
}

// Subgraph is one federated service.
type Subgraph struct {
	// Name identifies the subgraph in the supergraph (join__Graph) and in errors.
	Name string `yaml:"name"`
	// RoutingURL is the subgraph's GraphQL endpoint the router sends fetches to.
	RoutingURL string `yaml:"routing_url"`
	// SchemaFile is the subgraph's SDL file, relative to the config file.
	SchemaFile string `yaml:"schema_file"`
	// Subscription says how the router forwards subscriptions to this
	// subgraph. Default: WebSocket (graphql-transport-ws, falling back to
	// graphql-ws) at the routing URL.
	Subscription SubgraphSubscription `yaml:"subscription"`
	// Timeout bounds one fetch to this subgraph; default limits.subgraph_timeout.
	Timeout time.Duration `yaml:"timeout"`
	// Introspect fetches the SDL live from the subgraph's `_service { sdl }`
	// instead of reading SchemaFile.
	Introspect bool `yaml:"introspect"`
}

// SubgraphSubscription is how subscriptions reach one subgraph.
type SubgraphSubscription struct {
	// Protocol is ws (default) or sse.
	Protocol string `yaml:"protocol"`
	// URL overrides the routing URL for subscriptions (e.g. a ws:// URL).
	URL string `yaml:"url"`
	// WSSubprotocol pins graphql-transport-ws or graphql-ws (default: try both).
	WSSubprotocol string `yaml:"ws_subprotocol"`
	// SSEMethod is POST (default; gqlgen accepts only POST) or GET.
	SSEMethod string `yaml:"sse_method"`
}

// Subscriptions tunes the client-facing subscription front end.
type Subscriptions struct {
	// KeepAlive is the interval of keep-alive messages. Default 15s.
	KeepAlive time.Duration `yaml:"keepalive"`
	// InitTimeout is how long a WebSocket client may take to send
	// connection_init (then close 4408). Default 10s.
	InitTimeout time.Duration `yaml:"init_timeout"`
	// BufferMessages and BufferBytes bound each client's send buffer; a
	// client that falls further behind is closed with 4013. Defaults 256
	// and 1 MiB.
	BufferMessages int `yaml:"buffer_messages"`
	BufferBytes    int `yaml:"buffer_bytes"`
	// MaxPerConnection limits the subscriptions of one WebSocket. Default 100.
	MaxPerConnection int `yaml:"max_per_connection"`
	// WriteTimeout bounds one write call (at most 32 KiB) to a client: a
	// client that takes nothing for this long is closed with 4013 "slow
	// consumer: not reading" (an SSE stream ends). Default 10s.
	WriteTimeout time.Duration `yaml:"write_timeout"`
	// SocketBufferBytes fixes the kernel send buffer (SO_SNDBUF) of each
	// WebSocket connection instead of letting it autotune to megabytes, so
	// a client that stops reading is noticed after a known amount of
	// data. Default 131072 (128 KiB; Linux doubles it).
	SocketBufferBytes int `yaml:"socket_buffer_bytes"`
	// PaceTimeout is how long a replaying stream waits for its client to
	// take what is buffered, once its send buffer is half full, before
	// the client is closed with 4013 "slow consumer: not reading". Live
	// streams never wait. Default 2s.
	PaceTimeout time.Duration `yaml:"pace_timeout"`
	// RequirePong closes a graphql-transport-ws connection that has not
	// answered a ping by the next one (close 1008), freeing what a client
	// that vanished without closing holds. Default on.
	RequirePong *bool `yaml:"require_pong"`
	// ResumeTimeout is how long the router keeps subscribing again to a
	// resumable subscription (@resumable) whose subgraph connection was
	// lost, from the last cursor it delivered, before it gives up and ends
	// the subscription with SUBGRAPH_UNAVAILABLE. Default 5m.
	ResumeTimeout time.Duration `yaml:"resume_timeout"`
}

// ProxyRoute is one path prefix the router proxies to a subgraph
// (package proxy): GET and HEAD only, streamed, with caching headers
// passed through; no client header but a few caching ones reaches the
// subgraph and no subgraph header but the content and caching ones
// reaches the client.
type ProxyRoute struct {
	// Path is the prefix, starting and ending with / (e.g. /images/); the
	// request path is sent to the subgraph unchanged.
	Path string `yaml:"path"`
	// Subgraph names a subgraphs: entry; its routing_url's scheme and host
	// are the upstream. Exactly one of Subgraph and URL is set.
	Subgraph string `yaml:"subgraph"`
	// URL is an explicit upstream origin (http(s)://host:port, no path).
	URL string `yaml:"url"`
	// Timeout bounds one proxied request, body included. Default 30s.
	Timeout time.Duration `yaml:"timeout"`
	// MaxBytes bounds one file; larger ones are refused (502) or cut off.
	// Default 10 MiB.
	MaxBytes int64 `yaml:"max_bytes"`
	// CacheControl is sent when the subgraph sends none. Default
	// "public, max-age=3600".
	CacheControl string `yaml:"cache_control"`
}

// Proxy defaults.
const (
	DefaultProxyTimeout      = 30 * time.Second
	DefaultProxyMaxBytes     = 10 << 20
	DefaultProxyCacheControl = "public, max-age=3600"
)

// Modes.
const (
	ModeProduction  = "production"
	ModeDevelopment = "development"
)

// Metrics configures the Prometheus endpoint.
type Metrics struct {
	// Enabled serves metrics. Default on.
	Enabled *bool `yaml:"enabled"`
	// Path on the router's listener. Default /metrics.
	Path string `yaml:"path"`
}

// PersistedOperations configures trusted documents (a manifest of
// operations clients may send by id) and automatic persisted queries.
type PersistedOperations struct {
	// File is a persisted-query manifest (Apollo's
	// apollo-persisted-query-manifest JSON, or a plain {"id": "query"} map).
	File string `yaml:"file"`
	// Safelist refuses every operation that is not in File (by id or by
	// exact body), APQ registrations included.
	Safelist bool `yaml:"safelist"`
	// APQ enables automatic persisted queries (sha256 hashes registered by
	// clients at run time). Default on unless safelist is set.
	APQ *bool `yaml:"apq"`
	// APQCacheSize bounds the APQ store. Default 10000.
	APQCacheSize int `yaml:"apq_cache_size"`
}

// Watch configures hot reload.
type Watch struct {
	// Enabled polls the files for changes. Default off.
	Enabled bool `yaml:"enabled"`
	// Interval between polls. Default 2s.
	Interval time.Duration `yaml:"interval"`
}

// Engine tunes query planning and execution.
type Engine struct {
	// SingleFlight shares one subgraph fetch between identical in-flight
	// fetches (same subgraph, same body, same forwarded headers). Default on.
	SingleFlight *bool `yaml:"single_flight"`
	// PlanCacheSize bounds the number of cached query plans (LRU by
	// normalised operation and variable shape). Default 1024.
	PlanCacheSize int `yaml:"plan_cache_size"`
}

// Limits are the per-request protections. Zero means the default.
type Limits struct {
	// MaxBodyBytes caps the request body. Default 1 MiB.
	MaxBodyBytes int64 `yaml:"max_body_bytes"`
	// MaxDepth caps the selection depth of an operation. Default 16.
	MaxDepth int `yaml:"max_depth"`
	// MaxAliases caps aliased fields in an operation. Default 64.
	MaxAliases int `yaml:"max_aliases"`
	// MaxRootFields caps the root fields of an operation. Default 32.
	MaxRootFields int `yaml:"max_root_fields"`
	// MaxTokens caps the lexer tokens of the query text, checked before
	// parsing. Default 20000.
	MaxTokens int `yaml:"max_tokens"`
	// MaxCost caps the estimated cost (@cost/@listSize). Default 0: off,
	// because a useful budget depends on the schema; measure yours first.
	MaxCost int `yaml:"max_cost"`
	// MaxFields caps the field selections of an operation counted as if
	// every fragment were inlined, before the engine inlines anything:
	// it refuses fragment bombs. Default 5000; 0 turns it off.
	MaxFields *int `yaml:"max_fields"`
	// MaxDirectives caps the directives written in one document. Default
	// 100; 0 turns it off.
	MaxDirectives *int `yaml:"max_directives"`
	// RequestTimeout bounds one whole request. Default 30s.
	RequestTimeout time.Duration `yaml:"request_timeout"`
	// SubgraphTimeout bounds one subgraph fetch. Default 10s.
	SubgraphTimeout time.Duration `yaml:"subgraph_timeout"`
	// BodyReadTimeout bounds reading one request body, from the end of its
	// headers: a body that trickles or never ends (a short Content-Length,
	// an unterminated chunked body) is answered 408 REQUEST_TIMEOUT and its
	// connection closed, instead of holding the connection for ever.
	// Default 10s.
	BodyReadTimeout time.Duration `yaml:"body_read_timeout"`
	// MaxConnectionsPerClient caps the open connections (plain HTTP and
	// WebSocket alike) from one remote IP address, so one client cannot
	// take every descriptor; an excess connection is answered 503
	// TOO_MANY_CONNECTIONS with Retry-After and closed. Default 256; 0 turns
	// the cap off (behind a proxy every client shares its address: raise
	// it or turn it off there). Read it with ConnectionsPerClient.
	MaxConnectionsPerClient *int `yaml:"max_connections_per_client"`
}

// ConnectionsPerClient is MaxConnectionsPerClient with its default (256)
// when unset; 0 means no cap.
func (l Limits) ConnectionsPerClient() int {
	if l.MaxConnectionsPerClient == nil {
		return DefaultConnectionsPerClient
	}
	return *l.MaxConnectionsPerClient
}

// DefaultConnectionsPerClient is limits.max_connections_per_client's default.
const DefaultConnectionsPerClient = 256

// CORS configures cross-origin requests from browsers.
type CORS struct {
	// AllowOrigins lists the origins (scheme://host[:port], no path) that
	// may call the router from a browser; "https://*.example.com" matches
	// any subdomain and "*" any origin. Empty turns CORS off.
	AllowOrigins []string `yaml:"allow_origins"`
	// AllowCredentials lets browsers send cookies and HTTP auth. It cannot
	// be combined with "*": any site could then act as a signed-in user.
	AllowCredentials bool `yaml:"allow_credentials"`
	// MaxAge is how long browsers may cache a preflight answer. Default 5m.
	MaxAge time.Duration `yaml:"max_age"`
}

func (c *CORS) defaults() {
	if c.MaxAge == 0 {
		c.MaxAge = 5 * time.Minute
	}
}

// validate names each bad origin by its index, as browsers send origins
// exactly and a path or trailing slash would never match.
func (c *CORS) validate() []error {
	var errs []error
	for i, o := range c.AllowOrigins {
		key := fmt.Sprintf("cors.allow_origins[%d]", i)
		if o == "*" {
			if c.AllowCredentials {
				errs = append(errs, fmt.Errorf("%s: \"*\" cannot be combined with cors.allow_credentials; list the origins", key))
			}
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not an origin like https://shop.example.com (scheme and host, no path or trailing slash)", key, o))
			continue
		}
		if strings.Contains(strings.TrimPrefix(u.Host, "*."), "*") {
			errs = append(errs, fmt.Errorf("%s: %q may only use * as the first label, e.g. https://*.example.com", key, o))
		}
	}
	if c.MaxAge < 0 {
		errs = append(errs, fmt.Errorf("cors.max_age: %s must not be negative", c.MaxAge))
	}
	return errs
}

// Operation is the per-operation part of the limits, as the gateway checks it.
// MaxFields and MaxDirectives are 0 (off) when unset; Defaults sets them.
func (l Limits) Operation() limits.Config {
	c := limits.Config{MaxDepth: l.MaxDepth, MaxAliases: l.MaxAliases, MaxRootFields: l.MaxRootFields, MaxTokens: l.MaxTokens, MaxCost: l.MaxCost}
	if l.MaxFields != nil {
		c.MaxFields = *l.MaxFields
	}
	if l.MaxDirectives != nil {
		c.MaxDirectives = *l.MaxDirectives
	}
	return c
}

// Load reads a YAML config file (Read) and validates it.
func Load(path string, lookup func(string) (string, bool)) (*Config, error) {
	c, err := Read(path, lookup)
	if err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// Read reads a YAML config file, expanding ${VAR} and ${VAR:-default} with
// lookup (os.LookupEnv in main, a fixed map in tests), and applies
// defaults, without validating: the router applies its flags first and
// validates the result. Unknown keys are refused here. Relative file paths
// in the config resolve against the file's directory so the router can be
// started from anywhere.
func Read(path string, lookup func(string) (string, bool)) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	expanded, err := Expand(string(raw), lookup)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader([]byte(expanded)))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	abs, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	c.dir = abs
	c.Defaults()
	return &c, nil
}

// Defaults fills every unset field with its documented default.
func (c *Config) Defaults() {
	if c.Listen == "" {
		c.Listen = "127.0.0.1:4000"
	}
	if c.GraphQLPath == "" {
		c.GraphQLPath = "/graphql"
	}
	if c.Mode == "" {
		c.Mode = ModeProduction
	}
	c.Auth.Defaults()
	dev := c.Mode == ModeDevelopment
	boolDefault := func(p **bool, v bool) {
		if *p == nil {
			*p = &v
		}
	}
	boolDefault(&c.GraphiQL, dev)
	boolDefault(&c.Introspection, dev)
	boolDefault(&c.MaskSubgraphErrors, !dev)
	boolDefault(&c.Metrics.Enabled, true)
	boolDefault(&c.Subscriptions.RequirePong, true)
	if c.Subscriptions.ResumeTimeout == 0 {
		c.Subscriptions.ResumeTimeout = 5 * time.Minute
	}
	if c.Subscriptions.SocketBufferBytes == 0 {
		c.Subscriptions.SocketBufferBytes = 128 << 10
	}
	if c.Subscriptions.PaceTimeout == 0 {
		c.Subscriptions.PaceTimeout = 2 * time.Second
	}
	if c.Metrics.Path == "" {
		c.Metrics.Path = "/metrics"
	}
	boolDefault(&c.PersistedOperations.APQ, !c.PersistedOperations.Safelist)
	if c.PersistedOperations.APQCacheSize == 0 {
		c.PersistedOperations.APQCacheSize = 10000
	}
	if c.Watch.Interval == 0 {
		c.Watch.Interval = 2 * time.Second
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = 15 * time.Second
	}
	if c.Engine.SingleFlight == nil {
		on := true
		c.Engine.SingleFlight = &on
	}
	if c.Engine.PlanCacheSize == 0 {
		c.Engine.PlanCacheSize = 1024
	}
	if c.Limits.MaxBodyBytes == 0 {
		c.Limits.MaxBodyBytes = 1 << 20
	}
	if c.Limits.MaxDepth == 0 {
		c.Limits.MaxDepth = 16
	}
	if c.Limits.MaxAliases == 0 {
		c.Limits.MaxAliases = 64
	}
	if c.Limits.MaxRootFields == 0 {
		c.Limits.MaxRootFields = 32
	}
	if c.Limits.MaxTokens == 0 {
		c.Limits.MaxTokens = 20000
	}
	intDefault := func(p **int, v int) {
		if *p == nil {
			*p = &v
		}
	}
	intDefault(&c.Limits.MaxFields, 5000)
	intDefault(&c.Limits.MaxDirectives, 100)
	if c.Limits.RequestTimeout == 0 {
		c.Limits.RequestTimeout = 30 * time.Second
	}
	if c.Limits.SubgraphTimeout == 0 {
		c.Limits.SubgraphTimeout = 10 * time.Second
	}
	if c.Limits.BodyReadTimeout == 0 {
		c.Limits.BodyReadTimeout = 10 * time.Second
	}
	if c.Limits.MaxConnectionsPerClient == nil {
		n := DefaultConnectionsPerClient
		c.Limits.MaxConnectionsPerClient = &n
	}
	c.CORS.defaults()
	if c.CSRF.Header == "" {
		c.CSRF.Header = DefaultCSRFHeader
	}
	for i := range c.Proxy {
		p := &c.Proxy[i]
		if p.Timeout == 0 {
			p.Timeout = DefaultProxyTimeout
		}
		if p.MaxBytes == 0 {
			p.MaxBytes = DefaultProxyMaxBytes
		}
		if p.CacheControl == "" {
			p.CacheControl = DefaultProxyCacheControl
		}
	}
}

// Validate reports every problem at once, each naming the offending key.
func (c *Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		errs = append(errs, fmt.Errorf("listen: %q is not host:port", c.Listen))
	}
	if !strings.HasPrefix(c.GraphQLPath, "/") {
		errs = append(errs, fmt.Errorf("graphql_path: %q must start with /", c.GraphQLPath))
	}
	if c.Supergraph == "" && len(c.Subgraphs) == 0 {
		errs = append(errs, errors.New("subgraphs: at least one subgraph (or a supergraph file) is required"))
	}
	seen := map[string]bool{}
	for i, s := range c.Subgraphs {
		key := fmt.Sprintf("subgraphs[%d]", i)
		switch {
		case s.Name == "":
			errs = append(errs, fmt.Errorf("%s.name: required", key))
		case seen[s.Name]:
			errs = append(errs, fmt.Errorf("%s.name: %q is listed twice", key, s.Name))
		}
		seen[s.Name] = true
		if u, err := url.Parse(s.RoutingURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("%s.routing_url: %q is not an http(s) URL", key, s.RoutingURL))
		}
		if c.Supergraph == "" && s.SchemaFile == "" && !s.Introspect {
			errs = append(errs, fmt.Errorf("%s: set schema_file or introspect: true", key))
		}
		switch s.Subscription.Protocol {
		case "", "ws", "sse":
		default:
			errs = append(errs, fmt.Errorf("%s.subscription.protocol: %q must be ws or sse", key, s.Subscription.Protocol))
		}
		switch s.Subscription.WSSubprotocol {
		case "", "graphql-transport-ws", "graphql-ws":
		default:
			errs = append(errs, fmt.Errorf("%s.subscription.ws_subprotocol: %q must be graphql-transport-ws or graphql-ws", key, s.Subscription.WSSubprotocol))
		}
		switch s.Subscription.SSEMethod {
		case "", "POST", "GET":
		default:
			errs = append(errs, fmt.Errorf("%s.subscription.sse_method: %q must be POST or GET", key, s.Subscription.SSEMethod))
		}
		if u := s.Subscription.URL; u != "" {
			if p, err := url.Parse(u); err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https" && p.Scheme != "ws" && p.Scheme != "wss") {
				errs = append(errs, fmt.Errorf("%s.subscription.url: %q is not an http(s) or ws(s) URL", key, u))
			}
		}
		if s.Timeout < 0 {
			errs = append(errs, fmt.Errorf("%s.timeout: must not be negative", key))
		}
		if s.SchemaFile != "" && s.Introspect {
			errs = append(errs, fmt.Errorf("%s: schema_file and introspect are exclusive", key))
		}
	}
	if c.Limits.MaxBodyBytes < 0 || c.Limits.RequestTimeout < 0 || c.Limits.SubgraphTimeout < 0 {
		errs = append(errs, errors.New("limits: values must not be negative"))
	}
	if c.Limits.BodyReadTimeout < 0 {
		errs = append(errs, fmt.Errorf("limits.body_read_timeout: %s must not be negative", c.Limits.BodyReadTimeout))
	}
	if n := c.Limits.ConnectionsPerClient(); n < 0 {
		errs = append(errs, fmt.Errorf("limits.max_connections_per_client: %d must not be negative (0 turns the cap off)", n))
	}
	if err := c.Limits.Operation().Validate(); err != nil {
		errs = append(errs, err)
	}
	if c.Auth.Enabled() {
		if err := c.Auth.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	if c.Mode != ModeProduction && c.Mode != ModeDevelopment {
		errs = append(errs, fmt.Errorf("mode: %q must be production or development", c.Mode))
	}
	if !strings.HasPrefix(c.Metrics.Path, "/") || c.Metrics.Path == c.GraphQLPath {
		errs = append(errs, fmt.Errorf("metrics.path: %q must start with / and differ from graphql_path", c.Metrics.Path))
	}
	if c.PersistedOperations.Safelist && c.PersistedOperations.File == "" {
		errs = append(errs, errors.New("persisted_operations.safelist: needs persisted_operations.file"))
	}
	if c.PersistedOperations.APQCacheSize < 0 {
		errs = append(errs, errors.New("persisted_operations.apq_cache_size: must not be negative"))
	}
	if c.Watch.Interval < 100*time.Millisecond {
		errs = append(errs, fmt.Errorf("watch.interval: %s is too short (minimum 100ms)", c.Watch.Interval))
	}
	if c.Subscriptions.KeepAlive < 0 || c.Subscriptions.InitTimeout < 0 || c.Subscriptions.BufferMessages < 0 ||
		c.Subscriptions.BufferBytes < 0 || c.Subscriptions.MaxPerConnection < 0 || c.Subscriptions.WriteTimeout < 0 || c.Subscriptions.ResumeTimeout < 0 ||
		c.Subscriptions.SocketBufferBytes < 0 || c.Subscriptions.PaceTimeout < 0 {
		errs = append(errs, errors.New("subscriptions: values must not be negative (0 means the default)"))
	}
	if c.Engine.PlanCacheSize < 0 {
		errs = append(errs, fmt.Errorf("engine.plan_cache_size: %d must not be negative", c.Engine.PlanCacheSize))
	}
	errs = append(errs, c.CORS.validate()...)
	errs = append(errs, c.validateProxy()...)
	errs = append(errs, c.validateWeb()...)
	errs = append(errs, c.validateCookies()...)
	errs = append(errs, c.validateTrustedProxies()...)
	return errors.Join(errs...)
}

// Path resolves a path from the config file against the file's directory.
func (c *Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) || c.dir == "" {
		return p
	}
	return filepath.Join(c.dir, p)
}

// Subgraph returns the configured subgraph with that name.
func (c *Config) Subgraph(name string) (Subgraph, bool) {
	for _, s := range c.Subgraphs {
		if s.Name == name {
			return s, true
		}
	}
	return Subgraph{}, false
}
