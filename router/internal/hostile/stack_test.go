// Package hostile is the hostile-request suite of issue #9: it starts the
// real router binary as its own OS process (production mode, JWT
// verification on) in front of the real subgraphs, and sends it what an
// outside attacker would — over HTTP, WebSocket and SSE. Every case asserts
// its status and error code and that a normal query still answers right
// after; the suite as a whole asserts that the router process never exits
// or restarts and that its resident memory stays bounded, and prints the
// peak (`hostile: router peak RSS = N MiB`).
package hostile

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// The router's token settings: the suite mints (and forges) every token.
const (
	issuer   = "https://id.hostile.test"
	audience = "nexus-hostile-suite"
	kidHMAC  = "hs"
	kidRSA   = "rs"
)

// stack is the running federation with the router as a separate process.
type stack struct {
	env *testenv.Env
	// url is the router's GraphQL endpoint, origin its scheme://host:port.
	url, origin string
	// addr is the router's host:port.
	addr string
	// hmacKey signs the suite's valid HS256 tokens; rsaKey its RS256 ones.
	hmacKey []byte
	rsaKey  *rsa.PrivateKey
	// rsaPublicPEM is the public key the router holds for kid "rs".
	rsaPublicPEM []byte
	proc         *process
	// bin is the router binary, supergraphFile the supergraph it serves.
	bin, supergraphFile string
}

// TestHostile starts one stack for the whole suite and runs every case
// group against it: first the group that needs a quiet router (its log is
// counted), then all others in parallel.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile suite: starts the real router and subgraphs")
	}
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		s := start(t, env)
		t.Run("quiet", func(t *testing.T) {
			t.Run("log flood", s.logFlood)
		})
		t.Run("groups", func(t *testing.T) {
			for _, g := range []struct {
				name string
				run  func(*testing.T)
			}{
				{"leaf selection", s.leafSelection},
				{"identical concurrent operations", s.identicalConcurrent},
				{"fragment bombs", s.fragmentBombs},
				{"slow bodies", s.slowBodies},
				{"connection cap", s.connectionCap},
				{"close codes", s.closeCodes},
				{"mutations over GET", s.mutationsOverGET},
				{"directives", s.directives},
				{"small leaks", s.smallLeaks},
				{"query plan", s.queryPlan},
				{"batches", s.batches},
				{"circular fragments", s.circularFragments},
				{"huge values", s.hugeValues},
				{"invalid UTF-8", s.invalidUTF8},
				{"big variables", s.bigVariables},
				{"deep nesting", s.deepNesting},
				{"tokens", s.tokens},
				{"audience required", s.audienceRequired},
				{"only door", s.onlyDoor},
			} {
				t.Run(g.name, func(t *testing.T) {
					t.Parallel()
					g.run(t)
					s.proc.alive(t)
				})
			}
		})
		s.proc.finish(t)
	})
}

// start builds the router, writes its config and starts it as a process.
func start(t *testing.T, env *testenv.Env) *stack {
	t.Helper()
	bin := buildRouter(t)
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("supergraph.graphql", env.Supergraph)

	s := &stack{env: env, bin: bin, supergraphFile: filepath.Join(dir, "supergraph.graphql")}
	s.hmacKey = []byte(randomHex(t, 32))
	var err error
	if s.rsaKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&s.rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	s.rsaPublicPEM = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})

	s.addr = freeAddr(t)
	s.origin = "http://" + s.addr
	s.url = s.origin + "/graphql"
	// Production mode with verification on, issuer and audience required;
	// every limit at its documented default (the defaults are what ships).
	write("router.yaml", fmt.Sprintf(`listen: %s
mode: production
supergraph: supergraph.graphql
auth:
  issuer: %s
  audience: %s
  static_keys:
    - {kid: %s, algorithm: HS256, secret_env: HOSTILE_JWT_SECRET}
    - {kid: %s, algorithm: RS256, pem_env: HOSTILE_JWT_PUBLIC_PEM}
proxy:
  - {path: /images/, url: %s}
`, s.addr, issuer, audience, kidHMAC, kidRSA, strings.TrimSuffix(env.ProductURL, "/graphql")))

	cmd := exec.Command(bin, "serve", "--config", filepath.Join(dir, "router.yaml"))
	cmd.Env = append(os.Environ(),
		"LOG_LEVEL=info", "LOG_FORMAT=json",
		"HOSTILE_JWT_SECRET="+string(s.hmacKey),
		"HOSTILE_JWT_PUBLIC_PEM="+string(s.rsaPublicPEM),
		"NEXUS_ROUTER_SECRET="+env.RouterSecret,
	)
	s.proc = startProcess(t, cmd, rssBound)
	s.proc.waitHealthy(t, s.origin+"/healthz")
	return s
}

// rssBound is the most resident memory the router may use during the
// suite: a bound on memory, generous for a router at rest (~30 MiB); the
// fragment bombs of finding 3 took GBs before the fix.
const rssBound = 512 << 20

// buildRouter builds ./router/cmd/router (without -race: the suite
// measures the router's memory as it ships).
func buildRouter(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "router")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/router")
	cmd.Dir = filepath.Join(testenv.Root(t), "router")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build router: %v\n%s", err, out)
	}
	return bin
}

func randomHex(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// pollUntil calls cond until it holds or the deadline passes; the pause
// between polls only spaces them out, nothing waits on it.
func pollUntil(t *testing.T, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	pause := 10 * time.Millisecond
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", within, what)
		}
		time.Sleep(pause)
		pause = min(pause*2, 200*time.Millisecond)
	}
}

// httpClient is the suite's client; the timeout is a hang guard only (a
// request the router never answers fails its case instead of the suite).
var httpClient = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 32}}

// trimLog shortens a log for a failure message to its last lines.
func trimLog(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}
