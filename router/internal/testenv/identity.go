package testenv

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// Identity is a running identity federation: the auth and customer
// subgraph binaries (production mode: only router-signed requests) on one
// throwaway database, and the router binary in front of them, configured
// like router.yaml (JWKS and revocation feed of the auth service, the
// session cookie and its CSRF header), each on an ephemeral port.
type Identity struct {
	// RouterURL is the router's GraphQL endpoint; Origin its origin.
	RouterURL, Origin string
	// AuthURL, CustomerURL and ProductURL are the subgraphs' GraphQL
	// endpoints (they refuse requests the router did not sign).
	AuthURL, CustomerURL, ProductURL string
	// SigningKey is the auth service's access-token key (given to it as
	// AUTH_SIGNING_KEY_FILE) and KID its key id in the JWKS, so a test can
	// mint tokens the router trusts with any claims (an expired one).
	SigningKey *ecdsa.PrivateKey
	KID        string
	// RouterSecret is the NEXUS_ROUTER_SECRET the router signs subgraph
	// requests with (and the subgraphs verify).
	RouterSecret string
	// Admin and Shopper are the accounts `auth seed` creates, with their
	// passwords.
	Admin, Shopper Account
}

// Account is an email and password that can sign in.
type Account struct{ Email, Password string }

// proc is one child process of the federation.
type proc struct {
	name string
	cmd  *exec.Cmd
	logs *lockedBuffer
}

// startProc runs bin with args and env, stopped with SIGINT when the test
// ends; its output is shown when the test failed.
func startProc(t *testing.T, name, bin string, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, logs: &lockedBuffer{}}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = p.cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("%s log:\n%s", name, p.logs.String())
		}
	})
	return p
}

var (
	binMu    sync.Mutex
	binDir   string
	binPaths = map[string]string{}
)

// binary builds ./<pkg> of the module in dir (relative to the repository
// root) once per test process and returns the executable's path.
func binary(t *testing.T, dir, pkg string) string {
	t.Helper()
	binMu.Lock()
	defer binMu.Unlock()
	key := dir + "/" + pkg
	if p, ok := binPaths[key]; ok {
		return p
	}
	if binDir == "" {
		d, err := os.MkdirTemp("", "nexus-identity-")
		if err != nil {
			t.Fatal(err)
		}
		binDir = d
	}
	out := filepath.Join(binDir, filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", out, "./"+pkg)
	cmd.Dir = filepath.Join(Root(t), dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", key, err, b)
	}
	binPaths[key] = out
	return out
}

// RunIdentity starts the identity federation (auth, customer and the
// product catalog, whose reviews and admin mutations need identities),
// calls fn and tears it down.
func RunIdentity(t *testing.T, fn func(t *testing.T, env *Identity)) {
	t.Helper()
	root := Root(t)
	authBin := binary(t, "subgraphs/auth", "cmd/auth")
	customerBin := binary(t, "subgraphs/customer", "cmd/customer")
	productBin := binary(t, "subgraphs/product", "cmd/product")
	routerBin := binary(t, "router", "cmd/router")
	dbURL := pgtest.URL(t)
	routerSecret := randomSecret(t)
	dir := t.TempDir()

	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "signing.pem")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}

	routerAddr, authAddr, customerAddr, productAddr := freeAddr(t), freeAddr(t), freeAddr(t), freeAddr(t)
	origin := "http://" + routerAddr
	common := []string{"DATABASE_URL=" + dbURL, "NEXUS_MODE=production", "NEXUS_ROUTER_SECRET=" + routerSecret, "LOG_LEVEL=warn"}
	authEnv := append(append([]string{}, common...), "HTTP_ADDR="+authAddr, "PUBLIC_URL="+origin,
		"AUTH_SIGNING_KEY_FILE="+keyFile, "SMTP_ADDR=127.0.0.1:1") // no mail server: mails stay queued
	seed := exec.Command(authBin, "seed")
	seed.Env = append(os.Environ(), authEnv...)
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("auth seed: %v\n%s", err, out)
	}
	// The catalog with its demo products, variants and reviews: reviews are
	// written by signed-in customers, and options by admins.
	productEnv := append(append([]string{}, common...), "HTTP_ADDR="+productAddr, "PUBLIC_URL=http://"+productAddr)
	for _, cmd := range []string{"migrate", "seed"} {
		c := exec.Command(productBin, cmd)
		c.Env = append(os.Environ(), productEnv...)
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("product %s: %v\n%s", cmd, err, out)
		}
	}
	a := startProc(t, "auth", authBin, authEnv, "serve")
	c := startProc(t, "customer", customerBin, append(append([]string{}, common...), "HTTP_ADDR="+customerAddr, "CUSTOMER_TEST_TOKENIZER=1"), "serve")
	p := startProc(t, "product", productBin, productEnv, "serve")
	waitReady(t, "http://"+authAddr+"/readyz", a.logs)
	waitReady(t, "http://"+productAddr+"/readyz", p.logs)
	waitReady(t, "http://"+customerAddr+"/readyz", c.logs)

	cfg := filepath.Join(dir, "router.yaml")
	if err := os.WriteFile(cfg, []byte(identityConfig(root, routerAddr, authAddr, customerAddr, productAddr)), 0o600); err != nil {
		t.Fatal(err)
	}
	r := startProc(t, "router", routerBin, []string{"NEXUS_ROUTER_SECRET=" + routerSecret, "LOG_LEVEL=warn"}, "serve", "--config", cfg)
	waitReady(t, origin+"/readyz", r.logs)

	kid, err := jwksKID(context.Background(), "http://"+authAddr+"/.well-known/jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	fn(t, &Identity{
		RouterURL: origin + "/graphql", Origin: origin,
		AuthURL: "http://" + authAddr + "/graphql", CustomerURL: "http://" + customerAddr + "/graphql",
		ProductURL: "http://" + productAddr + "/graphql",
		SigningKey: key, KID: kid, RouterSecret: routerSecret,
		Admin:   Account{"admin@nexus.local", "Admin-password-1"},
		Shopper: Account{"shopper@nexus.local", "Shopper-password-1"},
	})
}

// identityConfig is router.yaml's identity part with the test's
// addresses, in production mode with the subgraphs' coded errors passed
// through, as docker-compose.yml runs it.
func identityConfig(root, routerAddr, authAddr, customerAddr, productAddr string) string {
	schema := func(name string) string { return filepath.Join(root, "schema", "subgraphs", name+".graphqls") }
	return fmt.Sprintf(`listen: %s
graphql_path: /graphql
mode: production
mask_subgraph_errors: false
auth:
  issuer: nexus-auth
  audience: nexus
  jwks_urls: [http://%s/.well-known/jwks.json]
  revocations_url: http://%s/revocations
cookies:
  - name: nexus_session
    subgraphs: [auth]
csrf:
  header: X-Nexus-CSRF
subgraphs:
  - name: auth
    routing_url: http://%s/graphql
    schema_file: %s
  - name: customer
    routing_url: http://%s/graphql
    schema_file: %s
  - name: product
    routing_url: http://%s/graphql
    schema_file: %s
`, routerAddr, authAddr, authAddr, authAddr, schema("auth"), customerAddr, schema("customer"), productAddr, schema("product"))
}
