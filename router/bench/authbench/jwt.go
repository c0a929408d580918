package authbench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"
)

// jwtQueries are the operations whose anonymous and signed-in costs are
// compared: one the router answers itself (verification and nothing else),
// one that reaches the auth subgraph (adds signing the caller's claims for
// the subgraph, which an anonymous request gets from a cached signature).
var jwtQueries = []struct{ name, query string }{
	{"`{ __typename }` (router only)", `{ __typename }`},
	{"`{ passwordPolicy { minLength } }` (auth subgraph)", `{ passwordPolicy { minLength } }`},
}

// round is one measured stretch of one query, anonymous or signed in.
type round struct {
	rate      float64
	p50, p99  time.Duration
	routerCPU time.Duration // router CPU per request
	failed    int
	problem   string
}

// jwtOverhead alternates anonymous and signed-in rounds of each query
// (anonymous first, then signed in, cfg.JWTPairs times) so drift on the
// shared machine hits both sides alike, and prints the medians and their
// difference: the router's cost of verifying the token (ES256 against the
// JWKS-loaded key, claims, the revocation check) per request.
func jwtOverhead(ctx context.Context, cfg *Config, w io.Writer) error {
	c := NewClient(cfg.URL, "127.0.0.1", true)
	token, _, err := c.SignIn(ctx, cfg.Email, cfg.Password)
	c.Close()
	if err != nil {
		return err
	}
	clients := make([]*Client, cfg.JWTClients)
	for i := range clients {
		clients[i] = NewClient(cfg.URL, "127.0.0.1", true)
		defer clients[i].Close()
	}
	fmt.Fprintln(w, "| query | caller | requests/s | p50 ms | p99 ms | router CPU per request | failed |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|")
	for _, q := range jwtQueries {
		var anon, signed []round
		for range cfg.JWTPairs {
			for _, tok := range []string{"", token} {
				step := func(ctx context.Context, worker, _ int) (Answer, error) {
					return clients[worker].Do(ctx, q.query, nil, tok)
				}
				Loop(ctx, cfg.JWTClients, 0, 500*time.Millisecond, step) // warm
				var t Tally
				u := measure(cfg, func() { t = Loop(ctx, cfg.JWTClients, 0, cfg.JWTDuration, step) })
				if ctx.Err() != nil {
					return ctx.Err()
				}
				r := round{rate: t.Rate(), p50: t.Percentile(0.5), p99: t.Percentile(0.99),
					failed: t.Requests() - t.Classes["ok"], problem: t.FirstProblem}
				if n := t.Requests(); n > 0 {
					r.routerCPU = u.router / time.Duration(n)
				}
				if tok == "" {
					anon = append(anon, r)
				} else {
					signed = append(signed, r)
				}
			}
		}
		a, s := median(anon), median(signed)
		for _, row := range []struct {
			who string
			r   round
		}{{"anonymous", a}, {"signed in (ES256)", s}} {
			fmt.Fprintf(w, "| %s | %s | %.0f | %s | %s | %d µs | %d |\n", q.name, row.who, row.r.rate,
				ms(row.r.p50), ms(row.r.p99), row.r.routerCPU.Microseconds(), row.r.failed)
		}
		fmt.Fprintf(w, "| %s | **difference** | %+.0f%% | | | **%+d µs** | |\n", q.name,
			100*(s.rate-a.rate)/max(a.rate, 1), (s.routerCPU - a.routerCPU).Microseconds())
		for _, r := range append(anon, signed...) {
			if r.failed > 0 {
				return fmt.Errorf("%s: %d requests failed (%s)", q.name, r.failed, r.problem)
			}
		}
	}
	return nil
}

// median takes each figure's median over the rounds independently.
func median(rs []round) round {
	pick := func(f func(round) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	var m round
	m.rate = pick(func(r round) float64 { return r.rate })
	m.p50 = time.Duration(pick(func(r round) float64 { return float64(r.p50) }))
	m.p99 = time.Duration(pick(func(r round) float64 { return float64(r.p99) }))
	m.routerCPU = time.Duration(pick(func(r round) float64 { return float64(r.routerCPU) }))
	for _, r := range rs {
		m.failed += r.failed
	}
	return m
}
