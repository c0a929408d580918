package deploy

import (
	"context"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/nexus-commerce/nexus/router/internal/config"
)

// coreServices must exist in docker-compose.yml.
var coreServices = []string{"postgres", "product", "auth", "customer", "mailpit", "router"}

// repoRoot walks up from the test's directory to the directory holding go.work.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.work not found above the test directory")
		}
		dir = parent
	}
}

// testSecrets is the environment loadCompose gives compose: the secrets an
// operator must provide, as recognisable sentinels. optionalSecrets (the
// mail relay's password) may be left unset; when set, they too reach the
// services unchanged.
var testSecrets = map[string]string{
	"POSTGRES_PASSWORD":       "sentinel-postgres-password",
	"NEXUS_ROUTER_SECRET":     "sentinel-router-secret-0123456789abcdef",
	"AUTH_KEY_ENCRYPTION_KEY": "sentinel-key-encryption-key-0123456789abcdef",
}

var optionalSecrets = map[string]string{
	"SMTP_PASSWORD": "sentinel-smtp-password",
}

// loadCompose loads docker-compose.yml as `docker compose` would from the
// repository root, with a fixed environment (not the test process's), so
// the result does not depend on the machine.
func loadCompose(t *testing.T) (*types.Project, string) {
	t.Helper()
	var envs []string
	for k, v := range testSecrets {
		envs = append(envs, k+"="+v)
	}
	for k, v := range optionalSecrets {
		envs = append(envs, k+"="+v)
	}
	p, root, err := loadComposeWith(t, envs)
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	return p, root
}

func loadComposeWith(t *testing.T, envs []string) (*types.Project, string, error) {
	t.Helper()
	root := repoRoot(t)
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root),
		cli.WithName("nexus"),
		cli.WithEnv(envs),
	)
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	return p, root, err
}

// publicServices are the only services that may publish ports: the
// router is the single public door (the web joins it later).
var publicServices = []string{"router", "web"}

// loopbackServices may publish a port on the host's loopback interface
// only: development tools an operator opens on the machine itself (the
// Mailpit mailbox), never reachable from the network.
var loopbackServices = []string{"mailpit"}

// env returns a service's environment as a lookup function for config.Load.
func env(svc types.ServiceConfig) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := svc.Environment[k]
		if !ok || v == nil {
			return "", false
		}
		return *v, true
	}
}

// subgraphServices are the compose services built from
// subgraphs/<name>/Dockerfile, by name.
func subgraphServices(t *testing.T, p *types.Project) map[string]types.ServiceConfig {
	t.Helper()
	out := map[string]types.ServiceConfig{}
	for name, svc := range p.Services {
		if svc.Build == nil {
			continue
		}
		df := filepath.ToSlash(svc.Build.Dockerfile)
		dir, file := filepath.Split(df)
		if file != "Dockerfile" || !strings.HasPrefix(dir, "subgraphs/") {
			continue
		}
		if sub := strings.Trim(strings.TrimPrefix(dir, "subgraphs/"), "/"); sub != name {
			t.Errorf("service %s is built from %s; a subgraph service must be named after its directory (%s)", name, df, sub)
		}
		out[name] = svc
	}
	return out
}

// documentedPorts reads the "Ports and URLs" table of docs/conventions.md:
// the first cell names what listens, the second holds its host:port.
func documentedPorts(t *testing.T, root string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(root, "docs", "conventions.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(raw), "## Ports and URLs")
	if !ok {
		t.Fatal(`docs/conventions.md has no "## Ports and URLs" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	port := regexp.MustCompile(`:(\d+)`)
	out := map[string]string{}
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) < 2 {
			continue
		}
		if m := port.FindStringSubmatch(cells[1]); m != nil {
			out[strings.ToLower(strings.TrimSpace(cells[0]))] = m[1]
		}
	}
	if len(out) == 0 {
		t.Fatal("docs/conventions.md: no ports found in the Ports and URLs table")
	}
	return out
}

// documentedPort finds the one table row naming the service.
func documentedPort(t *testing.T, doc map[string]string, service string) (string, bool) {
	t.Helper()
	var rows []string
	for what := range doc {
		for _, word := range strings.FieldsFunc(what, func(r rune) bool { return r == ' ' || r == '-' }) {
			if strings.HasPrefix(word, service) {
				rows = append(rows, what)
				break
			}
		}
	}
	switch len(rows) {
	case 0:
		return "", false
	case 1:
		return doc[rows[0]], true
	}
	t.Errorf("docs/conventions.md: several port rows name %s: %v", service, rows)
	return "", false
}

func TestComposeServicesAndPorts(t *testing.T) {
	p, root := loadCompose(t)
	doc := documentedPorts(t, root)
	for _, name := range coreServices {
		if _, ok := p.Services[name]; !ok {
			t.Errorf("docker-compose.yml: service %q is missing", name)
		}
	}
	for name, svc := range p.Services {
		if svc.Build != nil {
			if svc.Build.Context != root {
				t.Errorf("service %s: build context %s, want the repository root (Dockerfiles copy go.work)", name, svc.Build.Context)
			}
			if _, err := os.Stat(dockerfilePath(svc)); err != nil {
				t.Errorf("service %s: Dockerfile: %v", name, err)
			}
		}
		loopback := slices.Contains(loopbackServices, name)
		if loopback {
			for _, pc := range svc.Ports {
				if pc.HostIP != "127.0.0.1" && pc.HostIP != "::1" {
					t.Errorf("service %s publishes %s:%s; it may publish on the host's loopback only (127.0.0.1:%s:...)", name, pc.HostIP, pc.Published, pc.Published)
				}
			}
		}
		if !slices.Contains(publicServices, name) && !loopback {
			if len(svc.Ports) > 0 {
				t.Errorf("service %s publishes %v; only %v may (the router is the only public door)", name, svc.Ports, publicServices)
			}
			continue
		}
		want, documented := documentedPort(t, doc, name)
		if len(svc.Ports) > 0 && !documented {
			t.Errorf("service %s publishes %v but docs/conventions.md lists no port for it", name, svc.Ports)
		}
		if !documented {
			continue
		}
		var published []string
		for _, pc := range svc.Ports {
			published = append(published, pc.Published)
		}
		if !slices.Equal(published, []string{want}) {
			t.Errorf("service %s publishes %v, docs/conventions.md says %s", name, published, want)
		}
	}
}

// No subgraph is reachable from outside: none publishes a port (nor
// exposes one to the host network), each runs in production mode (GraphQL
// only with the router's signature) and builds its image links on the
// router's published origin.
func TestSubgraphsAreInternal(t *testing.T) {
	p, _ := loadCompose(t)
	router := p.Services["router"]
	if len(router.Ports) != 1 {
		t.Fatalf("router publishes %v, want exactly one port", router.Ports)
	}
	routerPort := router.Ports[0].Published
	subs := subgraphServices(t, p)
	if len(subs) == 0 {
		t.Fatal("no subgraph services found")
	}
	for name, svc := range subs {
		t.Run(name, func(t *testing.T) {
			if len(svc.Ports) > 0 {
				t.Errorf("publishes %v: subgraphs are on the internal network only", svc.Ports)
			}
			if svc.NetworkMode == "host" {
				t.Error("network_mode: host puts it on the host's network")
			}
			if v := svc.Environment["NEXUS_MODE"]; v == nil || *v != "production" {
				t.Errorf("NEXUS_MODE = %v, want production", v)
			}
			if v := svc.Environment["PUBLIC_URL"]; v != nil {
				u, err := url.Parse(*v)
				if err != nil || u.Port() != routerPort {
					t.Errorf("PUBLIC_URL %q is not the router's published origin (port %s)", *v, routerPort)
				}
			}
		})
	}
}

// Secrets come from the environment: compose refuses to start without
// each of them (no default, so no well-known secret ships), and the
// services get exactly what the operator gave.
func TestSecretsComeFromTheEnvironment(t *testing.T) {
	for missing := range testSecrets {
		t.Run("without "+missing, func(t *testing.T) {
			var envs []string
			for k, v := range testSecrets {
				if k != missing {
					envs = append(envs, k+"="+v)
				}
			}
			if _, _, err := loadComposeWith(t, envs); err == nil || !strings.Contains(err.Error(), missing) {
				t.Fatalf("loads without %s (err %v): a default secret would ship", missing, err)
			}
		})
	}
	p, _ := loadCompose(t)
	secretish := regexp.MustCompile(`(?i)secret|password|token|_key$`)
	for name, svc := range p.Services {
		for k, v := range svc.Environment {
			if v == nil || !secretish.MatchString(k) {
				continue
			}
			want, ok := testSecrets[k]
			if !ok {
				want, ok = optionalSecrets[k]
			}
			if !ok || *v != want {
				t.Errorf("service %s: %s is not one of the operator's secrets (%v)", name, k, ok)
			}
		}
		if dsn := svc.Environment["DATABASE_URL"]; dsn != nil && !strings.Contains(*dsn, testSecrets["POSTGRES_PASSWORD"]) {
			t.Errorf("service %s: DATABASE_URL does not use POSTGRES_PASSWORD", name)
		}
	}
	names := []string{"router"}
	for name := range subgraphServices(t, p) {
		names = append(names, name)
	}
	for _, name := range names {
		if v := p.Services[name].Environment["NEXUS_ROUTER_SECRET"]; v == nil || *v != testSecrets["NEXUS_ROUTER_SECRET"] {
			t.Errorf("service %s does not get NEXUS_ROUTER_SECRET", name)
		}
	}
}

func TestServicesReachTheirDependencies(t *testing.T) {
	p, _ := loadCompose(t)
	for name, svc := range p.Services {
		raw, ok := svc.Environment["DATABASE_URL"]
		if !ok || raw == nil {
			continue
		}
		u, err := url.Parse(*raw)
		if err != nil {
			t.Errorf("service %s: DATABASE_URL: %v", name, err)
			continue
		}
		host := u.Hostname()
		if _, ok := p.Services[host]; !ok {
			t.Errorf("service %s: DATABASE_URL host %q is not a compose service", name, host)
			continue
		}
		if dep, ok := svc.DependsOn[host]; !ok || dep.Condition != types.ServiceConditionHealthy {
			t.Errorf("service %s must depend on %s with condition service_healthy", name, host)
		}
	}
}

// TestRouterConfigMatchesCompose loads router/router.yaml with the router
// service's environment, as the container will, and checks that it routes
// to exactly the subgraph services compose defines, each by service name
// and the port that service listens on.
func TestRouterConfigMatchesCompose(t *testing.T) {
	p, root := loadCompose(t)
	router, ok := p.Services["router"]
	if !ok {
		t.Fatal("no router service")
	}
	cfg, err := config.Load(filepath.Join(root, "router", "router.yaml"), env(router))
	if err != nil {
		t.Fatalf("router/router.yaml with the router service's environment: %v", err)
	}

	services := subgraphServices(t, p)
	var configured, composed []string
	for _, s := range cfg.Subgraphs {
		configured = append(configured, s.Name)
	}
	for name := range services {
		composed = append(composed, name)
	}
	slices.Sort(configured)
	slices.Sort(composed)
	if !slices.Equal(configured, composed) {
		t.Errorf("router/router.yaml lists subgraphs %v, docker-compose.yml defines subgraph services %v", configured, composed)
	}

	for _, s := range cfg.Subgraphs {
		t.Run(s.Name, func(t *testing.T) {
			svc, ok := services[s.Name]
			if !ok {
				t.Skip("no compose service (reported above)")
			}
			u, err := url.Parse(s.RoutingURL)
			if err != nil {
				t.Fatalf("routing_url %q: %v", s.RoutingURL, err)
			}
			if u.Hostname() != s.Name {
				t.Errorf("routing_url %s: host %q, want the compose service %q", s.RoutingURL, u.Hostname(), s.Name)
			}
			if u.Path != "/graphql" {
				t.Errorf("routing_url %s: path %q, want /graphql (docs/conventions.md)", s.RoutingURL, u.Path)
			}
			if port := listenPort(t, s.Name, svc); u.Port() != port {
				t.Errorf("routing_url %s: port %q, but the service listens on %s", s.RoutingURL, u.Port(), port)
			}
			if _, ok := router.DependsOn[s.Name]; !ok {
				t.Errorf("router does not depend_on %s", s.Name)
			}
			if svc.HealthCheck == nil || len(svc.HealthCheck.Test) == 0 {
				t.Errorf("service %s has no healthcheck (routers and orchestrators wait on /readyz)", s.Name)
			}
			if s.SchemaFile != "" {
				if _, err := os.Stat(cfg.Path(s.SchemaFile)); err != nil {
					t.Errorf("schema_file: %v", err)
				}
			}
		})
	}

	// The router must listen on every interface of its container, on the port compose maps.
	host, port, err := net.SplitHostPort(cfg.Listen)
	if err != nil {
		t.Fatalf("router listen %q: %v", cfg.Listen, err)
	}
	if host != "" && host != "0.0.0.0" && host != "::" {
		t.Errorf("router listens on %s inside its container; other containers and the host cannot reach it", cfg.Listen)
	}
	if !targetsPort(router, port) {
		t.Errorf("router listens on port %s, compose maps %v", port, router.Ports)
	}
}

// listenPort is the port a subgraph service listens on inside its
// container: HTTP_ADDR's, which must not be loopback and must be the target
// of the service's published ports.
func listenPort(t *testing.T, name string, svc types.ServiceConfig) string {
	t.Helper()
	addr, ok := svc.Environment["HTTP_ADDR"]
	if !ok || addr == nil {
		t.Errorf("service %s: set HTTP_ADDR (the binary's default may be loopback-only)", name)
		return ""
	}
	host, port, err := net.SplitHostPort(*addr)
	if err != nil {
		t.Errorf("service %s: HTTP_ADDR %q: %v", name, *addr, err)
		return ""
	}
	if host != "" && host != "0.0.0.0" && host != "::" {
		t.Errorf("service %s: HTTP_ADDR %q is not reachable from other containers", name, *addr)
	}
	if len(svc.Ports) > 0 && !targetsPort(svc, port) {
		t.Errorf("service %s listens on %s but compose maps %v", name, port, svc.Ports)
	}
	return port
}

func targetsPort(svc types.ServiceConfig, port string) bool {
	for _, pc := range svc.Ports {
		if strconv.FormatUint(uint64(pc.Target), 10) == port {
			return true
		}
	}
	return false
}
