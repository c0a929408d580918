package hostile

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// audienceRequired (finding 7): with verification on, a config that
// names no audience is refused at start — the shipped router.yaml
// accepted tokens minted for any other API of the same issuer. The real
// binary is started with such a config; it must exit with an error that
// names auth.audience instead of serving.
func (s *stack) audienceRequired(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := fmt.Sprintf(`listen: %s
mode: production
supergraph: %s
auth:
  issuer: %s
  static_keys:
    - {kid: %s, algorithm: HS256, secret_env: HOSTILE_JWT_SECRET}
`, addr, s.supergraphFile, issuer, kidHMAC)
	path := filepath.Join(dir, "router.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	// A hang guard: a router that serves is caught by the health poll below.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.bin, "serve", "--config", path)
	cmd.Env = append(os.Environ(), "HOSTILE_JWT_SECRET="+string(s.hmacKey))
	out := &lineLog{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	health := time.NewTicker(50 * time.Millisecond)
	defer health.Stop()
	for {
		select {
		case err := <-exited:
			if err == nil {
				t.Fatalf("router exited 0 without an audience:\n%s", out.String())
			}
			if !strings.Contains(out.String(), "auth.audience") {
				t.Fatalf("router refused to start (%v) without naming auth.audience:\n%s", err, out.String())
			}
			return
		case <-health.C:
			if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
				resp.Body.Close()
				cancel()
				<-exited
				t.Fatalf("the router serves with token verification on and no audience:\n%s", trimLog(out.String(), 10))
			}
		}
	}
}
