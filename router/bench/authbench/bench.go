package authbench

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// Config is one run of the benchmark; scripts/bench-auth.sh fills it from
// flags and BENCH_* variables.
type Config struct {
	// URL is the router's GraphQL endpoint.
	URL string
	// AuthPID and RouterPID are the processes whose CPU is reported (0: not reported).
	AuthPID, RouterPID int
	// Email and Password sign in successfully (the seeded shopper).
	Email, Password string
	// Clients are the sign-in concurrencies (default 1, 2, 4, 8).
	Clients []int
	// Duration of each measured sign-in run (default 10s).
	Duration time.Duration
	// BurstAttempts wrong passwords per burst (default 500) from
	// BurstClients concurrent clients (default 50).
	BurstAttempts, BurstClients int
	// JWTDuration of each anonymous or signed-in round (default 5s),
	// JWTPairs rounds of each, alternating (default 3), JWTClients
	// concurrent clients (default 8).
	JWTDuration          time.Duration
	JWTPairs, JWTClients int
	// DatabaseURL is the auth service's database, for the throttle
	// counters (the exact number of password checks); "" leaves them out.
	DatabaseURL string
	// RunID makes the bench accounts' emails unique.
	RunID string
}

func (c *Config) defaults() {
	if len(c.Clients) == 0 {
		c.Clients = []int{1, 2, 4, 8}
	}
	if c.Duration <= 0 {
		c.Duration = 10 * time.Second
	}
	if c.BurstAttempts <= 0 {
		c.BurstAttempts = 500
	}
	if c.BurstClients <= 0 {
		c.BurstClients = 50
	}
	if c.JWTDuration <= 0 {
		c.JWTDuration = 5 * time.Second
	}
	if c.JWTPairs <= 0 {
		c.JWTPairs = 3
	}
	if c.JWTClients <= 0 {
		c.JWTClients = 8
	}
	if c.RunID == "" {
		c.RunID = fmt.Sprint(time.Now().Unix())
	}
}

// cpu reads a process's CPU time so far; 0 when pid is 0 or unreadable.
func cpu(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	s, err := harness.ReadStats(pid)
	if err != nil {
		return 0
	}
	return s.CPU
}

// usage is the CPU two processes used during one measured stretch.
type usage struct{ auth, router, wall time.Duration }

// measure runs f and returns the auth and router CPU it cost.
func measure(cfg *Config, f func()) usage {
	a0, r0, t0 := cpu(cfg.AuthPID), cpu(cfg.RouterPID), time.Now()
	f()
	return usage{auth: cpu(cfg.AuthPID) - a0, router: cpu(cfg.RouterPID) - r0, wall: time.Since(t0)}
}

// pct is CPU time as a percentage of one core over the wall time.
func pct(cpu, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	return 100 * cpu.Seconds() / wall.Seconds()
}

// Run measures everything in order — sign-in throughput first (it also
// yields the CPU one sign-in costs), then the JWT overhead, then the
// wrong-password bursts, which leave their accounts and addresses
// throttled — and writes the report to w as Markdown.
func Run(ctx context.Context, cfg Config, w io.Writer) error {
	cfg.defaults()
	local := NewClient(cfg.URL, "127.0.0.1", true)
	defer local.Close()
	if _, _, err := local.SignIn(ctx, cfg.Email, cfg.Password); err != nil {
		return fmt.Errorf("the stack does not sign in: %w", err)
	}

	fmt.Fprintf(w, "### Sign-in through the router (argon2id), %s per concurrency\n\n", cfg.Duration)
	perSignIn, err := signInThroughput(ctx, &cfg, w)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	fmt.Fprintf(w, "\n### JWT verification in the router: anonymous vs signed-in, %d clients, %d × %s rounds each, alternating\n\n",
		cfg.JWTClients, cfg.JWTPairs, cfg.JWTDuration)
	if err := jwtOverhead(ctx, &cfg, w); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	fmt.Fprintf(w, "\n### Wrong-password bursts: %d attempts from %d clients each\n\n", cfg.BurstAttempts, cfg.BurstClients)
	return bursts(ctx, &cfg, perSignIn, w)
}
