package authbench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// burstPassword is a password policy-valid password for the bench accounts.
const burstPassword = "Bench-password-1"

// scenario is one burst of wrong passwords.
type scenario struct {
	name string
	// email of attempt i; the account's own email for the one-account
	// scenarios, a fresh unknown one per attempt for spraying.
	email func(i int) string
	// from is the client's local address for attempt i, and whether a
	// client keeps its connection (one address) or not (a new one each).
	from      func(i int) string
	keepAlive bool
	// account is registered before the burst and signed in with the right
	// password after it, from a fresh address ("" for none).
	account, after string
}

// manyAddress is the i-th address of 127.1.0.0/16 (never 127.0.0.x, which
// the other phases use).
func manyAddress(i int) string { return fmt.Sprintf("127.1.%d.%d", i/250, i%250+1) }

// bursts runs the three scenarios and prints one row each: how the
// attempts were answered, how long the burst took, the auth service's CPU
// during it and the password checks that CPU pays for (CPU divided by
// perSignIn, the CPU of one successful sign-in: an estimate, since a
// refused attempt that skips the check costs a little too), and whether the
// account's owner could sign in right after.
func bursts(ctx context.Context, cfg *Config, perSignIn time.Duration, w io.Writer) error {
	acctA := "bench-one-address-" + cfg.RunID + "@bench.local"
	acctB := "bench-many-addresses-" + cfg.RunID + "@bench.local"
	setup := NewClient(cfg.URL, "127.0.0.1", true)
	defer setup.Close()
	for _, e := range []string{acctA, acctB} {
		if err := setup.Register(ctx, e, burstPassword); err != nil {
			return err
		}
	}
	scenarios := []scenario{
		{name: "one account, one client address", email: func(int) string { return acctA },
			from: func(int) string { return "127.0.0.2" }, keepAlive: true, account: acctA, after: "127.0.0.4"},
		{name: "one account, a new client address per attempt", email: func(int) string { return acctB },
			from: manyAddress, account: acctB, after: "127.0.0.5"},
		{name: "a new unknown email per attempt, one client address",
			email: func(i int) string { return fmt.Sprintf("nobody-%s-%d@bench.local", cfg.RunID, i) },
			from:  func(int) string { return "127.0.0.3" }, keepAlive: true},
	}
	fmt.Fprintln(w, "| scenario | answers | took | auth CPU (% of a core) | password checks run (≈ CPU ÷ one sign-in's) | owner's right password right after |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---|")
	for _, sc := range scenarios {
		var keep []*Client
		if sc.keepAlive {
			keep = make([]*Client, cfg.BurstClients)
			for i := range keep {
				keep[i] = NewClient(cfg.URL, sc.from(0), true)
			}
		}
		step := func(ctx context.Context, worker, i int) (Answer, error) {
			c := func() *Client {
				if keep != nil {
					return keep[worker]
				}
				return NewClient(cfg.URL, sc.from(i), false)
			}()
			if keep == nil {
				defer c.Close()
			}
			return c.Do(ctx, signInQuery, map[string]any{"input": map[string]any{
				"email": sc.email(i), "password": "Wrong-password-" + fmt.Sprint(i)}}, "")
		}
		var t Tally
		u := measure(cfg, func() { t = Loop(ctx, cfg.BurstClients, cfg.BurstAttempts, 0, step) })
		for _, c := range keep {
			c.Close()
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		checks := "n/a"
		if perSignIn > 0 {
			checks = fmt.Sprintf("≈ %.0f of %d", u.auth.Seconds()/perSignIn.Seconds(), t.Requests())
		}
		owner := "—"
		if sc.account != "" {
			c := NewClient(cfg.URL, sc.after, false)
			_, a, err := c.SignIn(ctx, sc.account, burstPassword)
			c.Close()
			switch {
			case err == nil:
				owner = "signed in"
			case a.Status != 0:
				owner = fmt.Sprintf("refused: %s %q", a.Class(), a.Message)
			default:
				owner = "no answer: " + err.Error()
			}
		}
		fmt.Fprintf(w, "| %s | %s | %.1f s | %.1f s (%.0f%%) | %s | %s |\n", sc.name, classes(t),
			t.Elapsed.Seconds(), u.auth.Seconds(), pct(u.auth, u.wall), checks, owner)
		if n := t.Classes["ok"]; n > 0 {
			return fmt.Errorf("%s: %d wrong passwords signed in", sc.name, n)
		}
	}
	return nil
}

// classes lists a tally's outcomes, most frequent first: "480 UNAUTHENTICATED, 20 TOO_MANY_REQUESTS".
func classes(t Tally) string {
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range t.Classes {
		l = append(l, kv{k, v})
	}
	slices.SortFunc(l, func(a, b kv) int { return b.v - a.v })
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = fmt.Sprintf("%d %s", e.v, e.k)
	}
	return strings.Join(parts, ", ")
}
