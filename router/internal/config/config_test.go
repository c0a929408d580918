package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestExpand(t *testing.T) {
	tests := []struct {
		name, in, want, err string
		env                 map[string]string
	}{
		{name: "plain", in: "a: b", want: "a: b"},
		{name: "set", in: "u: ${U}", env: map[string]string{"U": "x"}, want: "u: x"},
		{name: "default used", in: "u: ${U:-http://h:1/g}", want: "u: http://h:1/g"},
		{name: "default when empty", in: "u: ${U:-d}", env: map[string]string{"U": ""}, want: "u: d"},
		{name: "set beats default", in: "u: ${U:-d}", env: map[string]string{"U": "v"}, want: "u: v"},
		{name: "dollar escape", in: "p: $$HOME", want: "p: $HOME"},
		{name: "lone dollar", in: "p: a$b", want: "p: a$b"},
		{name: "unset", in: "u: ${NOPE}", err: "NOPE is not set"},
		{name: "unterminated", in: "u: ${U", err: "unterminated"},
		{name: "bad name", in: "u: ${1X}", err: "invalid variable name"},
		{name: "comment kept", in: "# use ${VAR}\nu: ${U:-d}", want: "# use ${VAR}\nu: d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Expand(tt.in, env(tt.env))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want containing %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "router.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	p := write(t, `
subgraphs:
  - name: product
    routing_url: ${PRODUCT_URL:-http://127.0.0.1:4001/graphql}
    schema_file: ../schema/product.graphqls
`)
	c, err := Load(p, env(map[string]string{"PRODUCT_URL": "http://product:4001/graphql"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:4000" || c.GraphQLPath != "/graphql" || c.Mode != ModeProduction {
		t.Fatalf("defaults not applied: %+v", c)
	}
	// Production is safe by default: no IDE, no introspection, no
	// subgraph internals in client errors.
	if *c.GraphiQL || *c.Introspection || !*c.MaskSubgraphErrors {
		t.Fatalf("production defaults: graphiql=%v introspection=%v mask=%v", *c.GraphiQL, *c.Introspection, *c.MaskSubgraphErrors)
	}
	if !*c.Metrics.Enabled || c.Metrics.Path != "/metrics" || !*c.Engine.SingleFlight || c.Engine.PlanCacheSize != 1024 {
		t.Fatalf("metrics/engine defaults: %+v %+v", c.Metrics, c.Engine)
	}
	if !*c.PersistedOperations.APQ || c.PersistedOperations.APQCacheSize != 10000 {
		t.Fatalf("persisted operation defaults: %+v", c.PersistedOperations)
	}
	if c.Subscriptions.RequirePong == nil || !*c.Subscriptions.RequirePong {
		t.Fatalf("subscriptions.require_pong defaults to on, got %v", c.Subscriptions.RequirePong)
	}
	if c.Subscriptions.ResumeTimeout != 5*time.Minute {
		t.Fatalf("subscriptions.resume_timeout defaults to 5m, got %v", c.Subscriptions.ResumeTimeout)
	}
	if c.Subscriptions.SocketBufferBytes != 128<<10 || c.Subscriptions.PaceTimeout != 2*time.Second {
		t.Fatalf("subscriptions.socket_buffer_bytes and pace_timeout default to 131072 and 2s, got %d and %v",
			c.Subscriptions.SocketBufferBytes, c.Subscriptions.PaceTimeout)
	}
	s, ok := c.Subgraph("product")
	if !ok || s.RoutingURL != "http://product:4001/graphql" {
		t.Fatalf("subgraph = %+v, %v", s, ok)
	}
	want := filepath.Join(filepath.Dir(filepath.Dir(p)), "schema", "product.graphqls")
	if got := c.Path(s.SchemaFile); got != want {
		t.Fatalf("Path = %q, want %q", got, want)
	}
}

// The transport limits: unset takes the documented defaults, and 0 turns
// the per-client connection cap off rather than meaning "default".
func TestTransportLimits(t *testing.T) {
	tests := []struct {
		name, body string
		timeout    time.Duration
		perClient  int
	}{
		{"defaults", "supergraph: s\n", 10 * time.Second, 256},
		{"explicit", "supergraph: s\nlimits: {body_read_timeout: 2s, max_connections_per_client: 8}\n", 2 * time.Second, 8},
		{"cap off", "supergraph: s\nlimits: {max_connections_per_client: 0}\n", 10 * time.Second, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(write(t, tt.body), env(nil))
			if err != nil {
				t.Fatal(err)
			}
			if c.Limits.BodyReadTimeout != tt.timeout || c.Limits.ConnectionsPerClient() != tt.perClient {
				t.Fatalf("body_read_timeout=%s max_connections_per_client=%d, want %s and %d",
					c.Limits.BodyReadTimeout, c.Limits.ConnectionsPerClient(), tt.timeout, tt.perClient)
			}
		})
	}
}

func TestDevelopmentMode(t *testing.T) {
	c, err := Load(write(t, "mode: development\nsupergraph: s.graphql\nintrospection: false\n"), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	// Development turns the conveniences on, but an explicit setting wins.
	if !*c.GraphiQL || *c.Introspection || *c.MaskSubgraphErrors {
		t.Fatalf("development: graphiql=%v introspection=%v mask=%v", *c.GraphiQL, *c.Introspection, *c.MaskSubgraphErrors)
	}
}

func TestSafelistTurnsAPQOff(t *testing.T) {
	c, err := Load(write(t, "supergraph: s.graphql\npersisted_operations: {file: ops.json, safelist: true}\n"), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if *c.PersistedOperations.APQ {
		t.Fatal("safelist must default APQ off: registering new operations would bypass the list")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, body, err string }{
		{"unknown key", "listn: x\nsupergraph: s.graphql\n", "field listn not found"},
		{"no subgraphs", "listen: 127.0.0.1:1\n", "subgraphs: at least one"},
		{"bad url", "subgraphs: [{name: a, routing_url: 'ftp://x', schema_file: a}]", "subgraphs[0].routing_url"},
		{"no schema", "subgraphs: [{name: a, routing_url: 'http://x/g'}]", "set schema_file or introspect"},
		{"duplicate", "subgraphs: [{name: a, routing_url: 'http://x/g', introspect: true}, {name: a, routing_url: 'http://y/g', introspect: true}]", "listed twice"},
		{"bad listen", "listen: nope\nsupergraph: s\n", "listen:"},
		{"bad path", "graphql_path: graphql\nsupergraph: s\n", "graphql_path"},
		{"bad mode", "mode: staging\nsupergraph: s\n", "mode: \"staging\""},
		{"metrics on graphql path", "metrics: {path: /graphql}\nsupergraph: s\n", "metrics.path"},
		{"safelist without file", "persisted_operations: {safelist: true}\nsupergraph: s\n", "persisted_operations.safelist"},
		{"negative plan cache", "engine: {plan_cache_size: -1}\nsupergraph: s\n", "engine.plan_cache_size"},
		{"negative subgraph timeout", "subgraphs: [{name: a, routing_url: 'http://x/g', introspect: true, timeout: -1s}]", "subgraphs[0].timeout"},
		{"bad subscription protocol", "subgraphs: [{name: a, routing_url: 'http://x/g', introspect: true, subscription: {protocol: mqtt}}]", "subgraphs[0].subscription.protocol"},
		{"bad subscription url", "subgraphs: [{name: a, routing_url: 'http://x/g', introspect: true, subscription: {url: 'ftp://x'}}]", "subgraphs[0].subscription.url"},
		{"negative subscription buffer", "subscriptions: {buffer_messages: -1}\nsupergraph: s\n", "subscriptions:"},
		{"negative resume timeout", "subscriptions: {resume_timeout: -1s}\nsupergraph: s\n", "subscriptions:"},
		{"negative socket buffer", "subscriptions: {socket_buffer_bytes: -1}\nsupergraph: s\n", "subscriptions:"},
		{"negative pace timeout", "subscriptions: {pace_timeout: -1s}\nsupergraph: s\n", "subscriptions:"},
		{"short watch interval", "watch: {enabled: true, interval: 1ms}\nsupergraph: s\n", "watch.interval"},
		{"negative body read timeout", "limits: {body_read_timeout: -1s}\nsupergraph: s\n", "limits.body_read_timeout"},
		{"negative connection cap", "limits: {max_connections_per_client: -1}\nsupergraph: s\n", "limits.max_connections_per_client"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(t, tt.body), env(nil))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("err = %v, want containing %q", err, tt.err)
			}
		})
	}
}

// max_fields and max_directives default on; an explicit 0 turns them off
// (unlike the older limits, where 0 means the default).
func TestFieldAndDirectiveLimits(t *testing.T) {
	tests := []struct {
		name, body         string
		fields, directives int
	}{
		{"defaults", "supergraph: s.graphql\n", 5000, 100},
		{"set", "supergraph: s.graphql\nlimits: {max_fields: 10, max_directives: 3}\n", 10, 3},
		{"zero turns off", "supergraph: s.graphql\nlimits: {max_fields: 0, max_directives: 0}\n", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(write(t, tt.body), env(nil))
			if err != nil {
				t.Fatal(err)
			}
			if op := c.Limits.Operation(); op.MaxFields != tt.fields || op.MaxDirectives != tt.directives {
				t.Fatalf("max_fields/max_directives = %d/%d, want %d/%d", op.MaxFields, op.MaxDirectives, tt.fields, tt.directives)
			}
		})
	}
	if _, err := Load(write(t, "supergraph: s.graphql\nlimits: {max_fields: -1}\n"), env(nil)); err == nil || !strings.Contains(err.Error(), "limits.max_fields") {
		t.Fatalf("negative max_fields: %v", err)
	}
}
