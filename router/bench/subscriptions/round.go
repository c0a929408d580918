package subscriptions

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// Query is what every subscriber runs: changes of one product, with the
// stock the change left (which identifies the commit) and the commit time.
const Query = `subscription Bench($ids: [ID!]) { productChanged(ids: $ids) { type productId occurredAt product { stock } } }`

// RoundOptions configure one measured round: N subscribers on one router.
type RoundOptions struct {
	// URL is where subscribers connect: the router's GraphQL endpoint
	// (or the product subgraph's, for a ceiling without the router).
	URL string
	// Subscribers is N.
	Subscribers int
	// Products are the hot products; subscriber i watches Products[i%len].
	Products []string
	// Rate is commits per second in the measured window, spread round-robin
	// over Products.
	Rate float64
	// Duration is the measured window (commits are made during it).
	Duration time.Duration
	// Commits, when positive, replaces Duration: exactly this many commits
	// at Rate (the test's fixed-size rounds).
	Commits int
	// ProductURL and Secret reach the product subgraph for the admin
	// mutations (router-signed claims with the admin scope).
	ProductURL string
	Secret     []byte
	// Stats reads the measured process (the router); nil measures nothing.
	Stats func() (harness.Stats, error)
	// Goroutines counts the measured process's goroutines; nil skips it.
	Goroutines func() (int, error)
	// Live, when set, runs once every subscriber is live, before the
	// measured window (the command saves profiles there).
	Live func() error
	// Progress receives one line per phase; nil is quiet.
	Progress func(format string, args ...any)
}

func (o *RoundOptions) progress(format string, args ...any) {
	if o.Progress != nil {
		o.Progress(format, args...)
	}
}

// Validate names the offending option.
func (o RoundOptions) Validate() error {
	var errs []error
	if o.Subscribers <= 0 {
		errs = append(errs, fmt.Errorf("subscribers: %d must be positive", o.Subscribers))
	}
	if len(o.Products) == 0 {
		errs = append(errs, errors.New("products: at least one hot product is needed"))
	}
	if o.Rate <= 0 || math.IsInf(o.Rate, 0) || math.IsNaN(o.Rate) {
		errs = append(errs, fmt.Errorf("rate: %v commits/s must be positive", o.Rate))
	}
	if o.Duration <= 0 && o.Commits <= 0 {
		errs = append(errs, fmt.Errorf("duration: %v must be positive (or commits set)", o.Duration))
	}
	return errors.Join(errs...)
}

// Limits of the phases around the measured window. They bound a broken
// run; a healthy one never waits for them.
const (
	dialConcurrency = 64
	dialTimeout     = 30 * time.Second
	probeInterval   = 250 * time.Millisecond
	drainTimeout    = 30 * time.Second
	writers         = 8
)

// round is the state of one run of Round shared by the readers, the
// writer and the analysis.
type round struct {
	o    RoundOptions
	subs []*subscriber
	// boundary[p] is the last stock of product p committed before the
	// measured window; deliveries at or below it are probes, not counted.
	boundary  []atomic.Int64
	live      atomic.Int64 // subscribers that received any event
	delivered atomic.Int64 // measured deliveries
	failed    atomic.Int64 // subscribers whose connection ended early
	firstErr  atomic.Pointer[error]

	mu      sync.Mutex
	commits []commit
	skipped int // ticks dropped because every writer was busy
}

// Round runs one round: it connects o.Subscribers subscribers, waits
// until each has received an event (probe commits make sure every
// upstream subscription is live), commits o.Rate adjustStock mutations per
// second for o.Duration, waits until every subscriber has every measured
// event (or drainTimeout passes), and returns the figures. A subscriber
// disconnected, an event missing, duplicated, out of order or unknown
// makes Result.Check fail; an error here means the round could not run.
func Round(ctx context.Context, o RoundOptions) (*Result, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	r := &round{o: o, boundary: make([]atomic.Int64, len(o.Products))}
	for i := range r.boundary {
		r.boundary[i].Store(math.MaxInt64)
	}
	res := &Result{Subscribers: o.Subscribers, Rate: o.Rate, Duration: o.Duration}
	var err error
	if res.Before, err = r.stats(); err != nil {
		return nil, err
	}

	readCtx, stopReading := context.WithCancel(ctx)
	var readers sync.WaitGroup
	defer func() {
		stopReading()
		readers.Wait()
	}()
	hc := &http.Client{Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: dialTimeout}).DialContext,
		MaxIdleConnsPerHost: dialConcurrency,
	}}
	defer hc.CloseIdleConnections()
	if err := r.connect(ctx, readCtx, hc, &readers); err != nil {
		return nil, err
	}
	o.progress("%d subscribers connected; probing until each has an event", o.Subscribers)
	wr := &writer{url: o.ProductURL, secret: o.Secret, hc: &http.Client{Timeout: 30 * time.Second}}
	if err := r.probe(ctx, wr); err != nil {
		return nil, err
	}
	res.Connected, err = r.stats()
	if err != nil {
		return nil, err
	}
	if res.SelfConnected, err = harness.ReadStats(os.Getpid()); err != nil {
		return nil, err
	}
	if o.Goroutines != nil {
		if res.Goroutines, err = o.Goroutines(); err != nil {
			return nil, err
		}
	}
	if o.Live != nil {
		if err := o.Live(); err != nil {
			return nil, err
		}
	}

	o.progress("all %d live; committing %.0f/s for %v", o.Subscribers, o.Rate, o.Duration)
	start := time.Now()
	if err := r.write(ctx, wr); err != nil {
		return nil, err
	}
	res.Writing = time.Since(start)
	res.Expected = r.expected()
	r.drain(ctx, res.Expected)
	res.Window = time.Since(start)
	if res.After, err = r.stats(); err != nil {
		return nil, err
	}
	if res.SelfAfter, err = harness.ReadStats(os.Getpid()); err != nil {
		return nil, err
	}

	stopReading()
	readers.Wait()
	res.Commits, res.Skipped = len(r.commits), r.skipped
	res.Failed = int(r.failed.Load())
	if p := r.firstErr.Load(); p != nil {
		res.FirstFailure = (*p).Error()
	}
	r.analyse(res)
	return res, nil
}

func (r *round) stats() (harness.Stats, error) {
	if r.o.Stats == nil {
		return harness.Stats{}, nil
	}
	return r.o.Stats()
}

// connect dials every subscriber, dialConcurrency at a time, and starts
// its reader. Any dial failure fails the round: a benchmark whose clients
// cannot all connect measures nothing.
func (r *round) connect(ctx, readCtx context.Context, hc *http.Client, readers *sync.WaitGroup) error {
	r.subs = make([]*subscriber, r.o.Subscribers)
	sem := make(chan struct{}, dialConcurrency)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var dialErr error
	for i := range r.subs {
		sem <- struct{}{}
		mu.Lock()
		stop := dialErr != nil
		mu.Unlock()
		if stop {
			<-sem
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			p := i % len(r.o.Products)
			dctx, cancel := context.WithTimeout(ctx, dialTimeout)
			defer cancel()
			c, err := dial(dctx, r.o.URL, Query, map[string]any{"ids": []string{r.o.Products[p]}}, hc)
			if err != nil {
				mu.Lock()
				if dialErr == nil {
					dialErr = fmt.Errorf("subscriber %d: %w", i, err)
				}
				mu.Unlock()
				return
			}
			s := &subscriber{conn: c, product: p}
			r.subs[i] = s
			readers.Add(1)
			go func() {
				defer readers.Done()
				defer c.CloseNow()
				if err := s.read(readCtx, r.onEvent); err != nil {
					s.err = err
					r.failed.Add(1)
					r.firstErr.CompareAndSwap(nil, &err)
				}
			}()
		}()
	}
	wg.Wait()
	return dialErr
}

// onEvent runs on a subscriber's reader goroutine for every event.
func (r *round) onEvent(s *subscriber, d delivery) {
	if !s.live {
		s.live = true
		r.live.Add(1)
	}
	if d.stock > r.boundary[s.product].Load() {
		s.got = append(s.got, d)
		r.delivered.Add(1)
	}
}

// probe commits one change per hot product every probeInterval until
// every subscriber has received one: then every router subscription and
// its upstream subscription is live, and everything committed afterwards
// must reach every subscriber. The last probe's stock of each product
// becomes its boundary.
func (r *round) probe(ctx context.Context, wr *writer) error {
	deadline := time.Now().Add(dialTimeout + time.Duration(r.o.Subscribers)*time.Millisecond)
	last := make([]int64, len(r.o.Products))
	t := time.NewTicker(probeInterval)
	defer t.Stop()
	for {
		for p, id := range r.o.Products {
			stock, _, err := wr.adjust(ctx, id)
			if err != nil {
				return fmt.Errorf("probe: %w", err)
			}
			last[p] = stock
		}
		if n := r.live.Load(); n == int64(r.o.Subscribers) {
			break
		} else if f := r.failed.Load(); f > 0 {
			return fmt.Errorf("probe: %d subscribers disconnected, first: %v", f, *r.firstErr.Load())
		} else if time.Now().After(deadline) {
			return fmt.Errorf("probe: only %d of %d subscribers received an event", n, r.o.Subscribers)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	for p := range last {
		r.boundary[p].Store(last[p])
	}
	return nil
}

// write commits at o.Rate for o.Duration, round-robin over the hot
// products, on up to `writers` mutations at once. A tick that finds every
// writer busy is skipped and counted rather than queued, so the rate never
// bursts to catch up; Result reports the skipped ticks.
func (r *round) write(ctx context.Context, wr *writer) error {
	work := make(chan int)
	var wg sync.WaitGroup
	var errOnce sync.Once
	var werr error
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				stock, took, err := wr.adjust(ctx, r.o.Products[p])
				if err != nil {
					errOnce.Do(func() { werr = err })
					continue
				}
				r.mu.Lock()
				r.commits = append(r.commits, commit{product: p, stock: stock, returned: time.Now().UnixNano(), took: took})
				r.mu.Unlock()
			}
		}()
	}
	interval := time.Duration(float64(time.Second) / r.o.Rate)
	t := time.NewTicker(interval)
	var end <-chan time.Time
	if r.o.Commits <= 0 {
		timer := time.NewTimer(r.o.Duration)
		defer timer.Stop()
		end = timer.C
	}
	next := 0
loop:
	for r.o.Commits <= 0 || next < r.o.Commits {
		select {
		case <-ctx.Done():
			break loop
		case <-end:
			break loop
		case <-t.C:
			if r.o.Commits > 0 {
				// A fixed count waits for a writer rather than skipping.
				work <- next % len(r.o.Products)
				next++
				continue
			}
			select {
			case work <- next % len(r.o.Products):
				next++
			default:
				r.mu.Lock()
				r.skipped++
				r.mu.Unlock()
			}
		}
	}
	t.Stop()
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if werr != nil {
		return fmt.Errorf("writer: %w", werr)
	}
	return nil
}

// expected is the number of deliveries the measured commits owe: each
// commit to every subscriber of its product.
func (r *round) expected() int64 {
	per := make([]int64, len(r.o.Products))
	for i := range r.subs {
		per[i%len(r.o.Products)]++
	}
	var n int64
	for _, c := range r.commits {
		n += per[c.product]
	}
	return n
}

// drain waits until want measured deliveries arrived, a subscriber
// disconnected, or drainTimeout passed since the last commit (then the
// analysis counts what is missing).
func (r *round) drain(ctx context.Context, want int64) {
	deadline := time.NewTimer(drainTimeout)
	defer deadline.Stop()
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for r.delivered.Load() < want && r.failed.Load() == 0 {
		select {
		case <-ctx.Done():
			return
		case <-deadline.C:
			return
		case <-t.C:
		}
	}
}
