package subscriptions

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
)

// StormOptions configure a resume storm: Clients resuming subscribers on
// catalogEvents(after:) while adjustStock is committed at Rate, and a
// process killed and restarted under that load.
type StormOptions struct {
	// URL is the router's GraphQL endpoint.
	URL string
	// Clients is how many resuming subscribers connect. Each receives
	// every catalog event: Clients × Rate deliveries per second.
	Clients int
	// Products are the products the writer changes, round-robin.
	Products []string
	// Rate is commits per second.
	Rate float64
	// Warmup is how long the writer runs with every client live before
	// the fault; After how long it keeps running from the kill on.
	Warmup, After time.Duration
	// Fault kills a process and starts it again, returning once it is
	// ready; nil runs the same load without a fault.
	Fault func(context.Context) error
	// FaultName says what Fault kills ("router", "product subgraph").
	FaultName string
	// ProductURL and Secret reach the product subgraph for the admin
	// mutations; DatabaseURL is its database, whose event log decides what
	// every client must receive.
	ProductURL  string
	Secret      []byte
	DatabaseURL string
	// Stats reads the measured process (the router) and its pid, which
	// changes when the fault restarts it; nil measures nothing.
	Stats func() (harness.Stats, int, error)
	// Subscriptions counts the subscriptions the router runs for its
	// clients. When set, the writer starts only once all o.Clients are
	// running, so they start as one shared stream (identical clients
	// share one upstream subscription while it has delivered nothing)
	// instead of as many as arrived after the first event; nil starts the
	// writer as soon as every client has sent its subscribe message.
	Subscriptions func() (int, error)
	// Goroutines counts the router's goroutines (with every client live,
	// and after the drain: subscriptions no longer shared after the storm
	// show as more); nil skips it.
	Goroutines func() (int, error)
	// Backoff is the clients' wait before reconnecting (zero:
	// GraphQLWSBackoff).
	Backoff Backoff
	// Progress receives one line per phase; nil is quiet.
	Progress func(format string, args ...any)
}

func (o *StormOptions) progress(format string, args ...any) {
	if o.Progress != nil {
		o.Progress(format, args...)
	}
}

// Validate names the offending option.
func (o StormOptions) Validate() error {
	var errs []error
	if o.Clients <= 0 {
		errs = append(errs, fmt.Errorf("clients: %d must be positive", o.Clients))
	}
	if len(o.Products) == 0 {
		errs = append(errs, errors.New("products: at least one product to change is needed"))
	}
	if o.Rate <= 0 || math.IsInf(o.Rate, 0) || math.IsNaN(o.Rate) {
		errs = append(errs, fmt.Errorf("rate: %v commits/s must be positive", o.Rate))
	}
	if o.Warmup < 0 || o.After <= 0 {
		errs = append(errs, fmt.Errorf("warmup %v must not be negative and after %v must be positive", o.Warmup, o.After))
	}
	if o.DatabaseURL == "" {
		errs = append(errs, errors.New("database URL: the event log is needed to judge the clients"))
	}
	return errors.Join(errs...)
}

// Limits of a storm's phases around the writing: they bound a broken run.
const (
	// settleTimeout bounds the wait for the relay to publish the outbox.
	settleTimeout = 30 * time.Second
	// stormDrainTimeout bounds the wait, once the writer stopped, for
	// every client to reach the log's head (clients may be in a backoff of
	// up to 11 s).
	stormDrainTimeout = 60 * time.Second
	// sampleInterval is how often the router's memory and CPU are read.
	sampleInterval = 200 * time.Millisecond
)

// Storm runs one resume storm: it connects o.Clients resuming clients,
// each subscribed after the log's current head, commits at o.Rate, waits
// until every client has an event, runs o.Warmup, kills and restarts with
// o.Fault, keeps committing until o.After past the kill, stops the writer,
// waits until the relay published everything and every client reached
// the log's head (or stormDrainTimeout passed), and checks every client
// against the event log. StormResult.Check fails on anything lost,
// duplicated, reordered or unknown; an error here means the storm could
// not run.
func Storm(ctx context.Context, o StormOptions) (*StormResult, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if o.Backoff == (Backoff{}) {
		o.Backoff = GraphQLWSBackoff
	}
	log, err := openEventLog(o.DatabaseURL)
	if err != nil {
		return nil, err
	}
	defer log.Close()
	start, err := log.settled(ctx, settleTimeout)
	if err != nil {
		return nil, err
	}
	res := &StormResult{Fault: o.FaultName, Clients: o.Clients, Rate: o.Rate, Start: start}

	runCtx, stopClients := context.WithCancel(ctx)
	var running sync.WaitGroup
	defer func() {
		stopClients()
		running.Wait()
	}()
	hc := &http.Client{Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: dialTimeout}).DialContext,
		MaxIdleConnsPerHost: dialConcurrency,
	}}
	defer hc.CloseIdleConnections()
	clients, err := startResumers(runCtx, o, start, hc, &running)
	if err != nil {
		return nil, err
	}
	if o.Subscriptions != nil {
		if err := waitSubscribed(ctx, o.Subscriptions, o.Clients, dialTimeout); err != nil {
			return nil, err
		}
	}
	mon, err := startMonitor(o.Stats)
	if err != nil {
		return nil, err
	}
	defer mon.finish()
	wr := startStormWriter(ctx, &writer{url: o.ProductURL, secret: o.Secret, hc: &http.Client{Timeout: 30 * time.Second}}, o.Products, o.Rate)
	defer wr.stop()
	writing := time.Now()
	o.progress("%d clients subscribed after pg:%d; committing %.0f/s", o.Clients, start, o.Rate)

	if err := waitLive(ctx, clients, dialTimeout+time.Duration(o.Clients)*time.Millisecond); err != nil {
		return nil, err
	}
	res.LiveAfter = time.Since(writing)
	if res.Connected, err = mon.now(); err != nil {
		return nil, err
	}
	if res.SelfConnected, err = harness.ReadStats(os.Getpid()); err != nil {
		return nil, err
	}
	if o.Goroutines != nil {
		if res.GoroutinesLive, err = o.Goroutines(); err != nil {
			return nil, err
		}
	}
	o.progress("all %d live after %v; steady for %v", o.Clients, res.LiveAfter.Round(time.Millisecond), o.Warmup)
	if err := pause(ctx, o.Warmup); err != nil {
		return nil, err
	}
	faultAt := time.Now()
	if o.Fault != nil {
		res.Killed = faultAt
		if err := o.Fault(ctx); err != nil {
			return nil, fmt.Errorf("kill and restart the %s: %w", o.FaultName, err)
		}
		res.Downtime = time.Since(faultAt)
		o.progress("%s killed and ready again after %v; writing %v more", o.FaultName, res.Downtime.Round(time.Millisecond), (o.After - res.Downtime).Round(time.Millisecond))
	}
	if err := pause(ctx, time.Until(faultAt.Add(o.After))); err != nil {
		return nil, err
	}
	wr.stop()
	res.Writing = time.Since(writing)
	res.Commits, res.CommitFailures, res.Skipped = wr.ok.Load(), wr.failed.Load(), wr.skipped.Load()
	if p := wr.firstErr.Load(); p != nil {
		res.FirstCommitError = (*p).Error()
	}

	if res.Head, err = log.settled(ctx, settleTimeout); err != nil {
		return nil, err
	}
	expected, err := log.after(ctx, start, res.Head)
	if err != nil {
		return nil, err
	}
	o.progress("writer stopped: %d commits, %d failed; log head pg:%d (%d events since the start); draining",
		res.Commits, res.CommitFailures, res.Head, len(expected))
	res.Behind = drainTo(ctx, clients, res.Head, stormDrainTimeout)
	res.Window = time.Since(writing)
	if o.Goroutines != nil {
		if res.GoroutinesAfter, err = o.Goroutines(); err != nil {
			return nil, err
		}
	}
	res.PeakRSS, res.CPU, res.Processes = mon.finish()
	if res.SelfAfter, err = harness.ReadStats(os.Getpid()); err != nil {
		return nil, err
	}
	stopClients()
	running.Wait()
	res.analyse(clients, expected)
	return res, nil
}

// startResumers starts every client's goroutine and returns once each has
// made its first connection, dialConcurrency at a time. A client that
// cannot connect fails the storm: a benchmark whose clients cannot all
// connect measures nothing.
func startResumers(ctx context.Context, o StormOptions, start int64, hc *http.Client, running *sync.WaitGroup) ([]*resumer, error) {
	clients := make([]*resumer, o.Clients)
	sem := make(chan struct{}, dialConcurrency)
	var dialed sync.WaitGroup
	var firstErr atomic.Pointer[error]
	seed := rand.Uint64()
	for i := range clients {
		c := newResumer(start)
		clients[i] = c
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			dialed.Wait()
			return nil, ctx.Err()
		}
		dialed.Add(1)
		running.Add(1)
		go func() {
			defer running.Done()
			c.run(ctx, o.URL, hc, o.Backoff, rng, func(err error) {
				if err != nil {
					err = fmt.Errorf("client %d: %w", i, err)
					firstErr.CompareAndSwap(nil, &err)
				}
				<-sem
				dialed.Done()
			})
		}()
		if firstErr.Load() != nil {
			break
		}
	}
	dialed.Wait()
	if p := firstErr.Load(); p != nil {
		return nil, *p
	}
	return clients, nil
}

// waitSubscribed waits until count reports n subscriptions running.
func waitSubscribed(ctx context.Context, count func() (int, error), n int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		got, err := count()
		if err == nil && got >= n {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the router runs %d of %d subscriptions after %v (last error: %v)", got, n, timeout, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// waitLive waits until every client has received an event.
func waitLive(ctx context.Context, clients []*resumer, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		live := 0
		for _, c := range clients {
			if c.live.Load() {
				live++
			}
		}
		if live == len(clients) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("only %d of %d clients received an event within %v", live, len(clients), timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// drainTo waits until every client has received the event at head, or
// timeout passes, and returns how many have not.
func drainTo(ctx context.Context, clients []*resumer, head int64, timeout time.Duration) int {
	deadline := time.Now().Add(timeout)
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		behind := 0
		for _, c := range clients {
			if c.highest.Load() < head {
				behind++
			}
		}
		if behind == 0 || time.Now().After(deadline) {
			return behind
		}
		select {
		case <-ctx.Done():
			return behind
		case <-t.C:
		}
	}
}

// pause waits d, or until ctx ends.
func pause(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// stormWriter commits at a steady rate until stopped. Unlike the fan-out
// round's writer it carries on through failures (the product subgraph is
// killed under it) and only counts them: the event log, not its answers,
// says what was committed.
type stormWriter struct {
	ok, failed, skipped atomic.Int64
	firstErr            atomic.Pointer[error]
	quit                chan struct{}
	done                chan struct{}
	once                sync.Once
}

func startStormWriter(ctx context.Context, wr *writer, products []string, rate float64) *stormWriter {
	w := &stormWriter{quit: make(chan struct{}), done: make(chan struct{})}
	work := make(chan string)
	var workers sync.WaitGroup
	for range writers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for id := range work {
				if _, _, err := wr.adjust(ctx, id); err != nil {
					w.failed.Add(1)
					w.firstErr.CompareAndSwap(nil, &err)
					continue
				}
				w.ok.Add(1)
			}
		}()
	}
	go func() {
		defer close(w.done)
		defer workers.Wait()
		defer close(work)
		t := time.NewTicker(time.Duration(float64(time.Second) / rate))
		defer t.Stop()
		for next := 0; ; {
			select {
			case <-ctx.Done():
				return
			case <-w.quit:
				return
			case <-t.C:
				select {
				case work <- products[next%len(products)]:
					next++
				default:
					w.skipped.Add(1)
				}
			}
		}
	}()
	return w
}

// stop ends the writing and waits for the mutations in flight.
func (w *stormWriter) stop() {
	w.once.Do(func() { close(w.quit) })
	<-w.done
}

// monitor samples the measured process's memory and CPU while a storm
// runs, across restarts: the peak is the highest high-water mark of any
// of its processes, the CPU the sum of each process's use in the window.
type monitor struct {
	stats func() (harness.Stats, int, error)
	quit  chan struct{}
	done  chan struct{}
	once  sync.Once

	mu    sync.Mutex
	peak  int64
	first map[int]time.Duration // CPU at the first sample, by pid
	last  map[int]time.Duration // CPU at the latest sample
}

func startMonitor(stats func() (harness.Stats, int, error)) (*monitor, error) {
	m := &monitor{stats: stats, quit: make(chan struct{}), done: make(chan struct{}),
		first: map[int]time.Duration{}, last: map[int]time.Duration{}}
	if stats == nil {
		close(m.done)
		return m, nil
	}
	if _, err := m.sample(true); err != nil {
		return nil, err
	}
	go func() {
		defer close(m.done)
		t := time.NewTicker(sampleInterval)
		defer t.Stop()
		for {
			select {
			case <-m.quit:
				return
			case <-t.C:
				// The process may be dead or not yet restarted: skip.
				_, _ = m.sample(false)
			}
		}
	}()
	return m, nil
}

// sample reads the process once; the first process's CPU counts from
// this first sample, a later process's (a restart) from its start.
func (m *monitor) sample(initial bool) (harness.Stats, error) {
	s, pid, err := m.stats()
	if err != nil {
		return s, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.peak = max(m.peak, s.PeakRSS)
	if _, ok := m.first[pid]; !ok {
		m.first[pid] = 0
		if initial {
			m.first[pid] = s.CPU
		}
	}
	m.last[pid] = s.CPU
	return s, nil
}

// now samples the process once more and returns the reading.
func (m *monitor) now() (harness.Stats, error) {
	if m.stats == nil {
		return harness.Stats{}, nil
	}
	return m.sample(false)
}

// finish stops sampling (after a last sample) and returns the peak
// resident memory, the CPU used in the window and how many processes ran.
func (m *monitor) finish() (peak int64, cpu time.Duration, processes int) {
	m.once.Do(func() {
		if m.stats != nil {
			_, _ = m.sample(false)
			close(m.quit)
		}
	})
	<-m.done
	m.mu.Lock()
	defer m.mu.Unlock()
	for pid, last := range m.last {
		cpu += last - m.first[pid]
	}
	return m.peak, cpu, len(m.last)
}
