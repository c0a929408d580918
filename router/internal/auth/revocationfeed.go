package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// Revocations follows the auth service's revocation feed (GET
// revocations_url?after=<cursor>&wait=<s>, long-polled, router-signed)
// and answers whether a verified token is revoked: its user disabled, or
// issued before a revocation of its user or its session (sign-out, role
// or password change). The check reads an immutable snapshot through an
// atomic pointer: no lock on the request path.
//
// Until the first state has loaded every token is refused (the router
// cannot know who is disabled); once loaded, a failing feed keeps the last
// state and the router keeps serving — after auth.revocations_max_stale an
// error is logged every minute. Build one with NewRevocations, Start it,
// hand it to New with WithRevocations, and Close it when done.
type Revocations struct {
	url      string
	secret   []byte
	client   *http.Client
	log      *slog.Logger
	now      func() time.Time
	maxStale time.Duration
	timeout  time.Duration

	state atomic.Pointer[revokedState]

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every new state

	cancel context.CancelFunc
	done   chan struct{}
}

// Long-poll and back-off timings of the feed.
const (
	feedWait       = 25 * time.Second // the wait parameter (the contract allows 0..30)
	feedBackoffMin = 250 * time.Millisecond
	feedBackoffMax = 30 * time.Second
	feedErrorEvery = time.Minute
	feedIdlePause  = time.Second // after an answer without progress
	maxFeedBytes   = 32 << 20
)

// NewRevocations builds the feed client for cfg.RevocationsURL (nil when
// it is empty). Options: WithHTTPClient, WithLogger, WithClock and
// WithRouterSecret (the NEXUS_ROUTER_SECRET its requests are signed with).
func NewRevocations(cfg Config, opts ...Option) *Revocations {
	if cfg.RevocationsURL == "" {
		return nil
	}
	o := options{client: &http.Client{}, log: slog.New(slog.DiscardHandler), now: time.Now}
	for _, f := range opts {
		f(&o)
	}
	cfg.Defaults()
	return &Revocations{url: cfg.RevocationsURL, secret: o.secret, client: o.client, log: o.log, now: o.now,
		maxStale: cfg.RevocationsMaxStale, timeout: feedWait + cfg.HTTPTimeout, changed: make(chan struct{})}
}

// Start follows the feed until ctx ends or Close is called.
func (r *Revocations) Start(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	r.done = make(chan struct{})
	go func() {
		defer close(r.done)
		r.run(ctx)
	}()
}

// Close stops following the feed and waits for the poll to end.
func (r *Revocations) Close() {
	if r == nil || r.cancel == nil {
		return
	}
	r.cancel()
	<-r.done
}

// Cursor is the feed cursor applied last; -1 before the first state.
func (r *Revocations) Cursor() int64 {
	if s := r.state.Load(); s != nil {
		return s.cursor
	}
	return -1
}

// Len is the number of revocation entries held (users and sessions).
func (r *Revocations) Len() int {
	if s := r.state.Load(); s != nil {
		return s.size()
	}
	return 0
}

// WaitCursor blocks until a state with a cursor of at least cursor is
// applied, or ctx ends: tests wait on it instead of sleeping.
func (r *Revocations) WaitCursor(ctx context.Context, cursor int64) error {
	for {
		r.mu.Lock()
		ch := r.changed
		r.mu.Unlock()
		if r.Cursor() >= cursor {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// check refuses a revoked token, and every token before the first state.
func (r *Revocations) check(c *Claims) error {
	s := r.state.Load()
	if s == nil {
		return &Error{Reason: ReasonRevocationsUnknown, detail: "the revocation list has not loaded yet"}
	}
	if s.revoked(tokenIdentity(c)) {
		return &Error{Reason: ReasonRevoked}
	}
	return nil
}

// run polls until ctx ends, backing off on errors.
func (r *Revocations) run(ctx context.Context) {
	backoff := feedBackoffMin
	lastOK := r.now() // staleness counts from the start until a first success
	var lastError time.Time
	failing := false
	for ctx.Err() == nil {
		prev := r.Cursor()
		page, err := r.poll(ctx)
		if err == nil {
			r.publish(r.state.Load().apply(page, r.now()))
			if failing {
				r.log.InfoContext(ctx, "revocation feed recovered", "url", r.url, "cursor", int64(page.Cursor))
			}
			backoff, lastOK, failing = feedBackoffMin, r.now(), false
			if int64(page.Cursor) == prev && len(page.Revocations) == 0 && !r.pause(ctx, feedIdlePause) {
				// No progress: a long poll that timed out, or a feed that
				// answers at once (an empty feed's full state at cursor 0
				// is asked for again). Never a hot loop.
				return
			}
			continue
		}
		if ctx.Err() != nil {
			return
		}
		now := r.now()
		switch {
		case now.Sub(lastOK) > r.maxStale && now.Sub(lastError) >= feedErrorEvery:
			lastError = now
			r.log.ErrorContext(ctx, "revocation feed unavailable: revoked tokens may still be accepted (or, before the first load, every token is refused)",
				"url", r.url, "since", lastOK.UTC().Format(time.RFC3339), "cursor", r.Cursor(), "error", err.Error())
		case !failing:
			r.log.WarnContext(ctx, "revocation feed failed; retrying", "url", r.url, "error", err.Error())
		}
		failing = true
		if !r.pause(ctx, backoff) {
			return
		}
		backoff = min(backoff*2, feedBackoffMax)
	}
}

// pause waits d; false when ctx ended first.
func (r *Revocations) pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// publish makes s the state the token check reads and wakes WaitCursor.
func (r *Revocations) publish(s *revokedState) {
	r.state.Store(s)
	r.mu.Lock()
	close(r.changed)
	r.changed = make(chan struct{})
	r.mu.Unlock()
}

// poll asks for the entries after the current cursor (the full state
// before the first load), waiting up to feedWait for new ones.
func (r *Revocations) poll(ctx context.Context) (feedPage, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	u, err := url.Parse(r.url)
	if err != nil {
		return feedPage{}, err
	}
	after := max(r.Cursor(), 0)
	q := u.Query()
	q.Set("after", strconv.FormatInt(after, 10))
	if after > 0 {
		q.Set("wait", strconv.Itoa(int(feedWait/time.Second)))
	}
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return feedPage{}, err
	}
	req.Header.Set("Accept", "application/json")
	if r.secret != nil {
		v, err := kitauth.SignAnonymous(r.secret, r.now())
		if err != nil {
			return feedPage{}, err
		}
		req.Header.Set(kitauth.HeaderName, v)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return feedPage{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxFeedBytes))
	if err != nil {
		return feedPage{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return feedPage{}, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	var page feedPage
	if err := json.Unmarshal(body, &page); err != nil {
		return feedPage{}, fmt.Errorf("answer is not the feed's JSON: %w", err)
	}
	if after == 0 {
		// Asked from the start: the answer is the full state whatever its
		// reset flag says (the contract sets it).
		page.Reset = true
	}
	return page, nil
}

// Inherit starts r from prev's state when both follow the same URL, so a
// config reload neither forgets revocations nor refuses tokens until the
// new client's first load. Call it before Start.
func (r *Revocations) Inherit(prev *Revocations) {
	if r == nil || prev == nil || prev.url != r.url {
		return
	}
	if s := prev.state.Load(); s != nil {
		r.state.Store(s)
	}
}
