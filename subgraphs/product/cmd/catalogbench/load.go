package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"time"
)

// listingQuery asks what a storefront's catalog page asks: the total, a
// page and every facet.
const listingQuery = `query Bench($f: ProductFilter, $s: ProductSort, $n: Int) {
  products(first: $n, filter: $f, sort: $s) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name price { amount currency } } }
    facets {
      categories { category { id name } count }
      priceBuckets { min max count }
      tags { tag count }
      options { name values { value count } }
      inStock outOfStock
    }
  }
}`

const suggestQuery = `query Suggest($q: String!) {
  searchSuggestions(query: $q, first: 6) { query products { id name } categories { id name } }
}`

// result is one phase's measurements.
type result struct {
	name     string
	n, errs  int
	elapsed  time.Duration
	lat      []time.Duration
	firstErr string
}

func (r result) print() {
	slices.Sort(r.lat)
	pct := func(p float64) time.Duration {
		if len(r.lat) == 0 {
			return 0
		}
		return r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))].Round(10 * time.Microsecond)
	}
	fmt.Printf("%s: %d requests in %s = %.0f req/s; p50 %s p95 %s p99 %s max %s; errors %d\n",
		r.name, r.n, r.elapsed.Round(time.Millisecond), float64(r.n)/r.elapsed.Seconds(), pct(0.50), pct(0.95), pct(0.99), pct(1), r.errs)
	if r.firstErr != "" {
		fmt.Printf("  first error: %.300s\n", r.firstErr)
	}
}

// run sends requests from clients goroutines for d; next builds each
// request's variables (distinct by construction: random per request).
func run(ctx context.Context, name, url, query string, clients int, d time.Duration, next func(r *rand.Rand) map[string]any) result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var mu sync.Mutex
	res := result{name: name}
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), uint64(time.Now().UnixNano())))
			var lat []time.Duration
			errs, firstErr := 0, ""
			for ctx.Err() == nil {
				body, _ := json.Marshal(map[string]any{"query": query, "variables": next(r)})
				t0 := time.Now()
				msg := post(ctx, hc, url, body)
				if ctx.Err() != nil {
					break // the phase ended mid-request: not counted
				}
				lat = append(lat, time.Since(t0))
				if msg != "" {
					errs++
					if firstErr == "" {
						firstErr = msg
					}
				}
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			res.errs += errs
			if res.firstErr == "" {
				res.firstErr = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.n = len(res.lat)
	return res
}

// post sends one GraphQL request; "" when it succeeded without errors.
func post(ctx context.Context, hc *http.Client, url string, body []byte) string {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	var out struct {
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Sprintf("HTTP %d: %v", resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK || len(out.Errors) > 0 {
		return fmt.Sprintf("HTTP %d: %s", resp.StatusCode, bytes.Join(func() [][]byte {
			var b [][]byte
			for _, e := range out.Errors {
				b = append(b, e)
			}
			return b
		}(), []byte(", ")))
	}
	return ""
}
