package busmodel

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/router/internal/testenv"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// The router's token settings; the model mints the writer's admin token.
const (
	issuer   = "https://id.busmodel.test"
	audience = "nexus-busmodel"
	kid      = "bm"
)

// stack is the federation under test, every part its own OS process: the
// router and the product subgraph (on its own throwaway database, with
// the bus chosen by NEXUS_BUS), each on a port of its own that a restart
// keeps.
type stack struct {
	t   *testing.T
	bus string // "postgres" or "nats"
	// prefix is the bus's cursor prefix ("pg:" or "js:").
	prefix string

	db       *sqlx.DB
	dbURL    string
	natsURL  string
	natsMon  string // nats-server's monitoring origin (http://host:port)
	secret   string // NEXUS_ROUTER_SECRET, shared by router and product
	jwtKey   string
	token    string // the writer's admin token
	productA string // product's host:port
	routerA  string // router's host:port
	url      string // router's GraphQL endpoint
	product  string // product binary
	router   string // router binary
	config   string // router.yaml

	// failed is set by the first run that fails: gopter then replays
	// nothing on this stack (see newWorld).
	failed bool

	mu    sync.Mutex
	procs map[string]*proc // "router", "product"
}

// proc is one running process and what it wrote.
type proc struct {
	cmd    *exec.Cmd
	log    *logBuf
	exited chan struct{}
}

// newStack starts the product subgraph on bus and the router in front of
// it; both are SIGKILLed when the test ends.
func newStack(t *testing.T, bus, natsURL, natsMon string) *stack {
	t.Helper()
	s := &stack{t: t, bus: bus, prefix: "pg:", natsURL: natsURL, natsMon: natsMon,
		secret: randomHex(t), jwtKey: randomHex(t),
		productA: freeAddr(t), routerA: freeAddr(t),
		procs: map[string]*proc{}}
	if bus == "nats" {
		s.prefix = "js:"
	}
	s.url = "http://" + s.routerA + "/graphql"
	s.product, s.router = productBinary(t), routerBinary(t)
	s.dbURL = pgtest.URL(t)
	var err error
	if s.db, err = sqlx.Open("postgres", s.dbURL); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.db.Close() })

	seed := exec.Command(s.product, "seed")
	seed.Env = append(os.Environ(), "DATABASE_URL="+s.dbURL, "LOG_LEVEL=warn")
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("product seed: %v\n%s", err, out)
	}

	dir := t.TempDir()
	root := testenv.Root(t)
	sdl, err := os.ReadFile(filepath.Join(root, "schema", "subgraphs", "product.graphqls"))
	if err != nil {
		t.Fatal(err)
	}
	super, err := compose.Compose([]compose.Subgraph{{Name: "product", URL: "http://" + s.productA + "/graphql", SDL: string(sdl)}})
	if err != nil {
		t.Fatalf("compose: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "supergraph.graphql"), []byte(super), 0o600); err != nil {
		t.Fatal(err)
	}
	// Only what both the router under test and the router of 49c6005
	// understand: a supergraph file and one HS256 key.
	s.config = filepath.Join(dir, "router.yaml")
	if err := os.WriteFile(s.config, []byte(fmt.Sprintf(`listen: %s
mode: production
supergraph: supergraph.graphql
auth:
  issuer: %s
  audience: %s
  static_keys:
    - {kid: %s, algorithm: HS256, secret_env: BUSMODEL_JWT_SECRET}
`, s.routerA, issuer, audience, kid)), 0o600); err != nil {
		t.Fatal(err)
	}
	s.token = s.mint(t)

	t.Cleanup(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		for name, p := range s.procs {
			_ = p.cmd.Process.Kill()
			<-p.exited
			if t.Failed() {
				t.Logf("%s log (last 40 lines):\n%s", name, tail(p.log.String(), 40))
			}
		}
	})
	for _, start := range []func() error{s.startProduct, s.startRouter} {
		if err := start(); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// mint signs the writer's admin token (an hour: longer than any run).
func (s *stack) mint(t *testing.T) string {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"iss": issuer, "aud": audience, "sub": "busmodel-writer", "scope": "admin",
		"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix(),
	})
	tok.Header["kid"] = kid
	signed, err := tok.SignedString([]byte(s.jwtKey))
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

func (s *stack) startProduct() error {
	cmd := exec.Command(s.product, "serve")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+s.dbURL, "HTTP_ADDR="+s.productA,
		"PUBLIC_URL=http://"+s.routerA, "LOG_LEVEL=warn", "NEXUS_ROUTER_SECRET="+s.secret, "NEXUS_BUS="+s.bus)
	if s.bus == "nats" {
		cmd.Env = append(cmd.Env, "NATS_URL="+s.natsURL)
	}
	p, err := s.start("product", cmd)
	if err != nil {
		return err
	}
	return s.waitOK("product", p, "http://"+s.productA+"/readyz")
}

func (s *stack) startRouter() error {
	cmd := exec.Command(s.router, "serve", "--config", s.config)
	cmd.Env = append(os.Environ(), "LOG_LEVEL=warn", "BUSMODEL_JWT_SECRET="+s.jwtKey, "NEXUS_ROUTER_SECRET="+s.secret)
	p, err := s.start("router", cmd)
	if err != nil {
		return err
	}
	return s.waitOK("router", p, "http://"+s.routerA+"/healthz")
}

// start runs cmd as the stack's process name, keeping the log of the
// processes it replaces (a failure shows what the last one said).
func (s *stack) start(name string, cmd *exec.Cmd) (*proc, error) {
	p := &proc{cmd: cmd, log: &logBuf{}, exited: make(chan struct{})}
	s.mu.Lock()
	if old := s.procs[name]; old != nil {
		p.log.b.WriteString(old.log.String())
		fmt.Fprintf(&p.log.b, "---- %s restarted ----\n", name)
	}
	s.mu.Unlock()
	cmd.Stdout, cmd.Stderr = p.log, p.log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() { _ = cmd.Wait(); close(p.exited) }()
	s.mu.Lock()
	s.procs[name] = p
	s.mu.Unlock()
	return p, nil
}

// kill SIGKILLs the process name and waits until it is gone (its port is
// then free for the restart).
func (s *stack) kill(name string) {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
}

// waitOK polls url until it answers 200 (60 s: a bound on a hang, never
// a measurement).
func (s *stack) waitOK(name string, p *proc, url string) error {
	deadline := time.Now().Add(60 * time.Second)
	pause := 10 * time.Millisecond
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("%s exited at start:\n%s", name, tail(p.log.String(), 40))
		default:
		}
		resp, err := httpClient.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready at %s after 60 s (%v):\n%s", name, url, err, tail(p.log.String(), 40))
		}
		time.Sleep(pause)
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// adjust commits one catalog event through the router: an admin stock
// adjustment of product id. It returns the error the router answered.
func (s *stack) adjust(ctx context.Context, id string) error {
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($id: ID!) { adjustStock(id: $id, delta: 1, reason: "busmodel") { delta } }`,
		"variables": map[string]any{"id": id},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.token)
	resp, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		Data struct {
			AdjustStock *struct{ Delta int } `json:"adjustStock"`
		} `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || len(out.Errors) > 0 || out.Data.AdjustStock == nil || out.Data.AdjustStock.Delta != 1 {
		return fmt.Errorf("adjustStock: HTTP %d %s", resp.StatusCode, clip(raw))
	}
	return nil
}

// productID is a seeded product the writer adjusts: one sold as a single
// variant, as adjustStock(id:) requires.
func (s *stack) productID() string {
	s.t.Helper()
	var id string
	if err := s.db.Get(&id, `SELECT p.id::text FROM product.products p
		WHERE (SELECT count(*) FROM product.variants v WHERE v.product_id = p.id AND v.deleted_at IS NULL) = 1
		ORDER BY p.id LIMIT 1`); err != nil {
		s.t.Fatalf("a seeded product: %v", err)
	}
	return id
}

// head is the event log's truth, read from the bus itself once the relay
// has published every committed event (the outbox is empty): the sequence
// of the newest event. On PostgreSQL it also checks the log is gap-free.
func (s *stack) head(ctx context.Context) (int64, error) {
	for {
		var pending int
		if err := s.db.GetContext(ctx, &pending, `SELECT count(*) FROM product.outbox`); err != nil {
			return 0, fmt.Errorf("outbox: %w", err)
		}
		if pending == 0 {
			break
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("the relay never published the %d events in the outbox: %w", pending, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
	if s.bus == "nats" {
		return s.natsHead(ctx)
	}
	var b struct {
		N   int64 `db:"n"`
		Min int64 `db:"lo"`
		Max int64 `db:"hi"`
	}
	if err := s.db.GetContext(ctx, &b, `SELECT count(*) AS n, coalesce(min(seq), 1) AS lo, coalesce(max(seq), 0) AS hi FROM product.event_log`); err != nil {
		return 0, fmt.Errorf("event_log: %w", err)
	}
	if b.N != b.Max-b.Min+1 {
		return 0, fmt.Errorf("event_log has %d events between seq %d and %d: not gap-free", b.N, b.Min, b.Max)
	}
	return b.Max, nil
}

// natsHead reads the product stream's last sequence from nats-server's
// monitoring endpoint (JetStream sequences are gap-free).
func (s *stack) natsHead(ctx context.Context) (int64, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.natsMon+"/jsz?streams=true", nil)
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var jsz struct {
		Accounts []struct {
			Streams []struct {
				Name  string `json:"name"`
				State struct {
					Msgs     int64 `json:"messages"`
					FirstSeq int64 `json:"first_seq"`
					LastSeq  int64 `json:"last_seq"`
				} `json:"state"`
			} `json:"stream_detail"`
		} `json:"account_details"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&jsz); err != nil {
		return 0, fmt.Errorf("nats /jsz: %w", err)
	}
	for _, a := range jsz.Accounts {
		for _, st := range a.Streams {
			if st.Name == "nexus_product" {
				if st.State.Msgs > 0 && st.State.Msgs != st.State.LastSeq-st.State.FirstSeq+1 {
					return 0, fmt.Errorf("stream nexus_product holds %d messages between %d and %d", st.State.Msgs, st.State.FirstSeq, st.State.LastSeq)
				}
				return st.State.LastSeq, nil
			}
		}
	}
	return 0, nil // no stream yet: nothing published
}

var (
	buildMu sync.Mutex
	built   = map[string]string{}
)

// productBinary is NEXUS_BUSMODEL_PRODUCT when set (the product subgraph
// of the same other commit: a router upgrades its subscriptions the way
// its own tree's subgraphs accept), else the product subgraph of this
// tree, built once per test binary.
func productBinary(t *testing.T) string {
	if bin := os.Getenv("NEXUS_BUSMODEL_PRODUCT"); bin != "" {
		t.Logf("product subgraph under test: %s (NEXUS_BUSMODEL_PRODUCT)", bin)
		return bin
	}
	return build(t, "product", filepath.Join("subgraphs", "product"), "./cmd/product")
}

// routerBinary is NEXUS_BUSMODEL_ROUTER when set (a router built from
// another commit, to show what the model finds there), else the router of
// this tree, built once per test binary.
func routerBinary(t *testing.T) string {
	if bin := os.Getenv("NEXUS_BUSMODEL_ROUTER"); bin != "" {
		t.Logf("router under test: %s (NEXUS_BUSMODEL_ROUTER)", bin)
		return bin
	}
	return build(t, "router", "router", "./cmd/router")
}

// build runs go build (without -race: the binaries are the ones that
// ship) into a directory removed when the test binary's tests end.
func build(t *testing.T, name, dir, pkg string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if bin, ok := built[name]; ok {
		return bin
	}
	out := filepath.Join(binDir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = filepath.Join(testenv.Root(t), dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", name, err, msg)
	}
	built[name] = out
	return out
}

// binDir holds the binaries (TestMain makes and removes it).
var binDir string

// httpClient is the model's client; its timeout only guards against a hang.
var httpClient = &http.Client{Timeout: 30 * time.Second}

type logBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

func clip(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

func randomHex(t *testing.T) string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b[:])
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
