package deploy

import (
	"context"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// published ports per docs/conventions.md.
var wantPorts = map[string]string{"postgres": "54329", "product": "4001", "router": "4000"}

func load(t *testing.T) (*types.Project, string) {
	t.Helper()
	root := testenv.Root(t)
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root), cli.WithName("nexus"), cli.WithEnv(nil))
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	return p, root
}

func TestComposeServices(t *testing.T) {
	p, root := load(t)
	for name, port := range wantPorts {
		svc, ok := p.Services[name]
		if !ok {
			t.Fatalf("service %q missing", name)
		}
		found := false
		for _, pc := range svc.Ports {
			if pc.Published == port {
				found = true
			}
		}
		if !found {
			t.Errorf("service %s does not publish port %s: %+v", name, port, svc.Ports)
		}
		if svc.Build != nil {
			df := filepath.Join(root, svc.Build.Dockerfile)
			if !filepath.IsAbs(svc.Build.Dockerfile) {
				df = filepath.Join(svc.Build.Context, svc.Build.Dockerfile)
			}
			checkDockerfile(t, name, df)
		}
	}
}

// checkDockerfile requires a multi-stage build whose final stage runs as
// a non-root user.
func checkDockerfile(t *testing.T, service, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("service %s: Dockerfile: %v", service, err)
		return
	}
	var froms []string
	user := ""
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		switch strings.ToUpper(f[0]) {
		case "FROM":
			froms = append(froms, f[1])
			user = ""
		case "USER":
			user = f[1]
		}
	}
	if len(froms) < 2 {
		t.Errorf("%s: not a multi-stage build", path)
	}
	last := froms[len(froms)-1]
	if (user == "" || strings.HasPrefix(user, "root") || user == "0") && !strings.HasSuffix(last, ":nonroot") {
		t.Errorf("%s: final stage %s runs as root", path, last)
	}
}

// TestRouterConfigMatchesCompose loads router/router.yaml with the router
// service's environment and checks each subgraph routes to the compose
// service of the same name on a port that service serves.
func TestRouterConfigMatchesCompose(t *testing.T) {
	p, root := load(t)
	router := p.Services["router"]
	env := map[string]string{}
	for k, v := range router.Environment {
		if v != nil {
			env[k] = *v
		}
	}
	cfg, err := config.Load(filepath.Join(root, "router", "router.yaml"), func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	var subgraphs, services []string
	for _, s := range cfg.Subgraphs {
		subgraphs = append(subgraphs, s.Name)
		u, err := url.Parse(s.RoutingURL)
		if err != nil {
			t.Fatal(err)
		}
		host, port, err := net.SplitHostPort(u.Host)
		if err != nil {
			t.Fatalf("subgraph %s: routing_url %q has no port", s.Name, s.RoutingURL)
		}
		if host != s.Name {
			t.Errorf("subgraph %s routes to host %q in compose, want the service %q", s.Name, host, s.Name)
		}
		svc, ok := p.Services[s.Name]
		if !ok {
			t.Errorf("subgraph %s has no compose service", s.Name)
			continue
		}
		served := false
		for _, pc := range svc.Ports {
			if strconv.FormatUint(uint64(pc.Target), 10) == port {
				served = true
			}
		}
		if addr := svc.Environment["HTTP_ADDR"]; addr != nil && strings.HasSuffix(*addr, ":"+port) {
			served = true
		}
		if !served {
			t.Errorf("subgraph %s: compose service does not serve port %s", s.Name, port)
		}
	}
	for name, svc := range p.Services {
		if svc.Build != nil && strings.HasPrefix(svc.Build.Dockerfile, "subgraphs/") {
			services = append(services, name)
		}
	}
	sort.Strings(subgraphs)
	sort.Strings(services)
	if strings.Join(subgraphs, ",") != strings.Join(services, ",") {
		t.Errorf("router subgraphs %v != compose subgraph services %v", subgraphs, services)
	}
	if listen := env["ROUTER_LISTEN"]; cfg.Listen != listen {
		t.Errorf("router listens on %q, compose sets ROUTER_LISTEN=%q", cfg.Listen, listen)
	}
}
