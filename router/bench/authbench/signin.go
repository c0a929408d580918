package authbench

import (
	"context"
	"fmt"
	"io"
	"time"
)

// ms formats a latency in milliseconds with one decimal.
func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

// signInThroughput signs in as cfg.Email with the right password for
// cfg.Duration at each concurrency, all from 127.0.0.1 (successful
// sign-ins are not throttled), and prints one table row each. It returns
// the auth service's CPU per sign-in at the first concurrency: the cost of
// one password check plus the rest of a sign-in, used to estimate how many
// checks a burst ran.
func signInThroughput(ctx context.Context, cfg *Config, w io.Writer) (time.Duration, error) {
	clients := make([]*Client, max(cfg.Clients[len(cfg.Clients)-1], 1))
	for i := range clients {
		clients[i] = NewClient(cfg.URL, "127.0.0.1", true)
		defer clients[i].Close()
	}
	step := func(ctx context.Context, worker, _ int) (Answer, error) {
		_, a, err := clients[worker].SignIn(ctx, cfg.Email, cfg.Password)
		if err != nil && a.Status != 0 {
			return a, nil // a GraphQL failure: tallied by its class
		}
		return a, err
	}
	// Warm-up: connections, the auth service's caches, the first JIT-free
	// but page-fault-heavy argon2 allocations.
	Loop(ctx, 1, 0, 2*time.Second, step)

	fmt.Fprintln(w, "| clients | sign-ins/s | p50 ms | p95 ms | p99 ms | failed | auth CPU | router CPU | auth CPU per sign-in |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	var first time.Duration
	var notes []string
	defer func() {
		for _, n := range notes {
			fmt.Fprintf(w, "\n%s\n", n)
		}
	}()
	for i, n := range cfg.Clients {
		var t Tally
		u := measure(cfg, func() { t = Loop(ctx, n, 0, cfg.Duration, step) })
		if ctx.Err() != nil {
			return first, ctx.Err()
		}
		failed := t.Requests() - t.Classes["ok"]
		per := time.Duration(0)
		if ok := t.Classes["ok"]; ok > 0 {
			per = u.auth / time.Duration(ok)
		}
		if i == 0 {
			first = per
		}
		fmt.Fprintf(w, "| %d | %.1f | %s | %s | %s | %d | %.0f%% | %.0f%% | %s ms |\n",
			n, t.Rate(), ms(t.Percentile(0.50)), ms(t.Percentile(0.95)), ms(t.Percentile(0.99)),
			failed, pct(u.auth, u.wall), pct(u.router, u.wall), ms(per))
		if failed > 0 {
			notes = append(notes, fmt.Sprintf("%d clients: %d sign-ins failed; the first: %s", n, failed, t.FirstProblem))
		}
	}
	if first <= 0 && cfg.AuthPID != 0 {
		return 0, fmt.Errorf("no successful sign-in measured")
	}
	return first, nil
}
