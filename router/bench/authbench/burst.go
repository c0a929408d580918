package authbench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
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
	// counted is the throttle key whose counter, after the burst, is the
	// number of password checks the burst got (see throttleFailures).
	counted string
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
			from: func(int) string { return "127.0.0.2" }, keepAlive: true, account: acctA, after: "127.0.0.4",
			counted: accountKey(acctA)},
		{name: "one account, a new client address per attempt", email: func(int) string { return acctB },
			from: manyAddress, account: acctB, after: "127.0.0.5", counted: accountKey(acctB)},
		{name: "a new unknown email per attempt, one client address",
			email: func(i int) string { return fmt.Sprintf("nobody-%s-%d@bench.local", cfg.RunID, i) },
			from:  func(int) string { return "127.0.0.3" }, keepAlive: true, counted: addressKey("127.0.0.3")},
		// Neither throttle sees a repeat: what is left is the clients'
		// concurrency. Every attempt is checked (against the dummy hash).
		{name: "a new unknown email and a new client address per attempt",
			email: func(i int) string { return fmt.Sprintf("nobody-%s-d%d@bench.local", cfg.RunID, i) },
			from:  func(i int) string { return manyAddress(cfg.BurstAttempts + i) }},
	}
	var results []burstResult
	for _, sc := range scenarios {
		r, err := runBurst(ctx, cfg, sc)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	// The CPU of a refused attempt: the first scenario's address is now
	// over its budget, so these are all refused before any password check.
	refused, baseline := refusalCost(ctx, cfg, scenarios[0])

	fmt.Fprintln(w, "| scenario | answers | took | password checks run | auth CPU (% of a core) | CPU if every attempt were checked | auth peak RSS | owner's right password right after |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %s | %.1f s | %s of %d | %.1f s (%.0f%%) | %.1f s | %s | %s |\n", r.name, classes(r.tally),
			r.tally.Elapsed.Seconds(), r.checks, r.tally.Requests(), r.cpu.auth.Seconds(), pct(r.cpu.auth, r.cpu.wall),
			float64(r.tally.Requests())*perSignIn.Seconds(), r.peakRSS, r.owner)
	}
	fmt.Fprintf(w, "\nPassword checks are counted exactly: the service checks a password only after its address and account "+
		"throttles both let the attempt through, and counts each such attempt in auth.throttle (read after the burst, "+
		"before the owner's sign-in; in the last scenario, where neither throttle sees a repeat, every UNAUTHENTICATED "+
		"answer is a check). One sign-in cost %s ms of auth CPU (the table above, 1 client); an attempt "+
		"refused before the check %s ms (%s).\n", ms(perSignIn), ms(refused), baseline)
	for _, r := range results {
		for class, msg := range r.tally.Problems {
			if class != "UNAUTHENTICATED" && class != "TOO_MANY_REQUESTS" {
				fmt.Fprintf(w, "\n%s: %d answered %s, the first: %q\n", r.name, r.tally.Classes[class], class, msg)
			}
		}
	}
	for _, r := range results {
		if n := r.tally.Classes["ok"]; n > 0 {
			return fmt.Errorf("%s: %d wrong passwords signed in", r.name, n)
		}
	}
	return nil
}

// burstResult is one scenario's measurements.
type burstResult struct {
	name  string
	tally Tally
	cpu   usage
	owner string
	// checks is the exact number of password checks, or why it is unknown.
	checks string
	// peakRSS is the auth service's resident-memory high-water mark after
	// the burst (since it started).
	peakRSS string
}

// runBurst sends the scenario's wrong passwords, then the account owner's
// right one from a fresh address.
func runBurst(ctx context.Context, cfg *Config, sc scenario) (burstResult, error) {
	r := burstResult{name: sc.name, owner: "—"}
	var keep []*Client
	if sc.keepAlive {
		keep = make([]*Client, cfg.BurstClients)
		for i := range keep {
			keep[i] = NewClient(cfg.URL, sc.from(0), true)
		}
	}
	step := func(ctx context.Context, worker, i int) (Answer, error) {
		var c *Client
		if keep != nil {
			c = keep[worker]
		} else {
			c = NewClient(cfg.URL, sc.from(i), false)
			defer c.Close()
		}
		return c.Do(ctx, signInQuery, map[string]any{"input": map[string]any{
			"email": sc.email(i), "password": "Wrong-password-" + fmt.Sprint(i)}}, "")
	}
	r.cpu = measure(cfg, func() { r.tally = Loop(ctx, cfg.BurstClients, cfg.BurstAttempts, 0, step) })
	for _, c := range keep {
		c.Close()
	}
	if ctx.Err() != nil {
		return r, ctx.Err()
	}
	r.peakRSS = "n/a"
	if st, err := harness.ReadStats(cfg.AuthPID); err == nil && cfg.AuthPID != 0 {
		r.peakRSS = fmt.Sprintf("%d MiB", st.PeakRSS>>20)
	}
	r.checks = "n/a"
	if sc.counted == "" {
		// Nothing throttles them, so every UNAUTHENTICATED answer was a
		// check (the dummy hash); a failed attempt may have been one too.
		r.checks = "≥ " + strconv.Itoa(r.tally.Classes["UNAUTHENTICATED"])
	} else if cfg.DatabaseURL != "" {
		n, found, err := throttleFailures(ctx, cfg.DatabaseURL, sc.counted)
		switch {
		case err != nil:
			r.checks = "n/a (" + err.Error() + ")"
		case !found:
			r.checks = "0 (no counter)"
		default:
			r.checks = strconv.Itoa(n)
		}
	}
	if sc.account != "" {
		c := NewClient(cfg.URL, sc.after, false)
		_, a, err := c.SignIn(ctx, sc.account, burstPassword)
		c.Close()
		switch {
		case err == nil:
			r.owner = "signed in"
		case a.Status != 0:
			r.owner = fmt.Sprintf("refused: %s %q", a.Class(), a.Message)
		default:
			r.owner = "no answer: " + err.Error()
		}
	}
	return r, nil
}

// refusalCost measures the auth service's CPU per attempt refused before
// any password check: 200 more attempts from the first scenario's address.
// When they are not all refused (the address is not throttled), it
// returns 0 and says so, and the estimates count every attempt's CPU as
// checks (an over-estimate).
func refusalCost(ctx context.Context, cfg *Config, sc scenario) (time.Duration, string) {
	const n = 200
	clients := make([]*Client, min(cfg.BurstClients, n))
	for i := range clients {
		clients[i] = NewClient(cfg.URL, sc.from(0), true)
		defer clients[i].Close()
	}
	var t Tally
	u := measure(cfg, func() {
		t = Loop(ctx, len(clients), n, 0, func(ctx context.Context, worker, i int) (Answer, error) {
			return clients[worker].Do(ctx, signInQuery, map[string]any{"input": map[string]any{
				"email": sc.email(i), "password": "Wrong-password-again"}}, "")
		})
	})
	if got := t.Classes["TOO_MANY_REQUESTS"]; got != n || cfg.AuthPID == 0 {
		return 0, fmt.Sprintf("not measured: of %d more attempts from the throttled address, %s", n, classes(t))
	}
	return u.auth / n, fmt.Sprintf("%d more attempts from the first scenario's address, all refused TOO_MANY_REQUESTS", n)
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
