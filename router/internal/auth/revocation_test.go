package auth

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

const feedSecret = "router-and-auth-share-this-secret-0123456789"

// feedServer plays the auth service's GET /revocations (contract13:
// after, wait, cursor, reset), behind the kit's RequireRouter guard. A
// test appends entries (each takes the next cursor), makes it fail, or
// makes its next answer a reset with a given full state.
type feedServer struct {
	*httptest.Server
	mu      sync.Mutex
	entries []map[string]any // entries[i] has cursor i+1
	failing bool
	reset   []map[string]any // non-nil: the next answer is this full state
	wake    chan struct{}    // closed when entries change
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	f := &feedServer{wake: make(chan struct{})}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		wait, _ := strconv.Atoi(r.URL.Query().Get("wait"))
		deadline := time.NewTimer(time.Duration(wait) * time.Second)
		defer deadline.Stop()
		for {
			f.mu.Lock()
			failing, wake := f.failing, f.wake
			page := map[string]any{"cursor": strconv.Itoa(len(f.entries)), "reset": after == 0}
			switch {
			case f.reset != nil:
				page["reset"], page["revocations"] = true, f.reset
				f.reset = nil
			case after == 0:
				page["revocations"] = append([]map[string]any{}, f.entries...)
			default:
				page["revocations"] = append([]map[string]any{}, f.entries[min(after, len(f.entries)):]...)
			}
			f.mu.Unlock()
			if failing {
				http.Error(w, "down", http.StatusServiceUnavailable)
				return
			}
			if len(page["revocations"].([]map[string]any)) > 0 || page["reset"] == true || wait == 0 {
				w.Header().Set("Content-Type", "application/json")
				_ = json.NewEncoder(w).Encode(page)
				return
			}
			select {
			case <-wake:
			case <-deadline.C:
				wait = 0
			case <-r.Context().Done():
				return
			}
		}
	})
	f.Server = httptest.NewServer(kitauth.RequireRouter([]byte(feedSecret), nil)(h))
	t.Cleanup(f.Close)
	return f
}

// add appends an entry and returns its cursor.
func (f *feedServer) add(e map[string]any) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries = append(f.entries, e)
	close(f.wake)
	f.wake = make(chan struct{})
	return int64(len(f.entries))
}

func (f *feedServer) setFailing(v bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failing = v
	close(f.wake)
	f.wake = make(chan struct{})
}

// resetTo makes the next answer a reset holding only full, at a new cursor.
func (f *feedServer) resetTo(full ...map[string]any) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries = append(f.entries, map[string]any{"sid": "filler", "before": 0})
	f.reset = full
	close(f.wake)
	f.wake = make(chan struct{})
	return int64(len(f.entries))
}

// revSetup is an Authenticator with ES256 keys from a JWKS and the feed.
type revSetup struct {
	a    *Authenticator
	revs *Revocations
	feed *feedServer
}

func newRevSetup(t *testing.T, log *slog.Logger, maxStale time.Duration) *revSetup {
	t.Helper()
	keys(t)
	feed := newFeedServer(t)
	jwks := newJWKSServer(t, map[string]any{"ec1": &ecKey.PublicKey})
	cfg := Config{JWKSURLs: []string{jwks.URL}, Issuer: "https://auth.nexus.test", Audience: Audiences{"nexus"},
		RevocationsURL: feed.URL, RevocationsMaxStale: maxStale}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	revs := NewRevocations(cfg, WithRouterSecret([]byte(feedSecret)), WithLogger(log))
	revs.Start(context.Background())
	t.Cleanup(revs.Close)
	return &revSetup{a: newAuth(t, cfg, WithRevocations(revs)), revs: revs, feed: feed}
}

// tokenFor is an ES256 access token of the auth service's shape.
func (s *revSetup) tokenFor(t *testing.T, sub, sid string, iat time.Time) string {
	c := claimsAt(iat)
	c["sub"], c["sid"], c["aud"] = sub, sid, []string{"nexus"}
	return token(t, jwt.SigningMethodES256, ecKey, "ec1", c)
}

func (s *revSetup) wait(t *testing.T, cursor int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.revs.WaitCursor(ctx, cursor); err != nil {
		t.Fatalf("cursor %d never applied (at %d): %v", cursor, s.revs.Cursor(), err)
	}
}

// accepted fails unless tok is accepted (want true) or refused as revoked.
func (s *revSetup) expect(t *testing.T, name, tok string, accepted bool) {
	t.Helper()
	c, err := s.a.Authenticate(bearer(t, tok))
	switch {
	case accepted && (err != nil || c == nil):
		t.Fatalf("%s: refused: %v", name, err)
	case !accepted && err == nil:
		t.Fatalf("%s: accepted, want 401 token revoked", name)
	case !accepted:
		var e *Error
		if !errors.As(err, &e) || e.Reason != ReasonRevoked || err.Error() != "token revoked" || e.ErrorCode() != "UNAUTHENTICATED" {
			t.Fatalf("%s: err %v, want token revoked (UNAUTHENTICATED)", name, err)
		}
	}
}

// TestRevocationFeed: disabling a user refuses their unexpired token on
// the next request once the entry is applied; enabling lifts the flag but
// keeps "before"; a "before" for a user or a session refuses only tokens
// issued earlier; a reset replaces the whole state.
func TestRevocationFeed(t *testing.T) {
	s := newRevSetup(t, nil, 0)
	s.wait(t, 0)
	now := time.Now().Truncate(time.Second)
	early := now.Add(-2 * time.Minute)
	ada, bob := s.tokenFor(t, "ada", "s-ada", early), s.tokenFor(t, "bob", "s-bob", early)
	s.expect(t, "ada before any revocation", ada, true)

	s.wait(t, s.feed.add(map[string]any{"sub": "ada", "before": now.Unix(), "disabled": true}))
	s.expect(t, "disabled ada", ada, false)
	s.expect(t, "disabled ada, token issued after", s.tokenFor(t, "ada", "s-ada2", now.Add(time.Second)), false)
	s.expect(t, "bob", bob, true)

	s.wait(t, s.feed.add(map[string]any{"sub": "ada", "before": now.Unix(), "disabled": false}))
	s.expect(t, "enabled ada, token issued before", ada, false)
	s.expect(t, "enabled ada, token issued at before", s.tokenFor(t, "ada", "s-ada3", now), true)

	s.wait(t, s.feed.add(map[string]any{"sid": "s-bob", "before": now.Unix()}))
	s.expect(t, "bob's revoked session", bob, false)
	s.expect(t, "bob's other session", s.tokenFor(t, "bob", "s-bob2", early), true)
	s.expect(t, "bob's session, token issued after", s.tokenFor(t, "bob", "s-bob", now), true)
	if got := s.revs.Len(); got != 2 {
		t.Fatalf("entries held = %d, want 2 (ada, s-bob)", got)
	}

	// A reset (the auth service's full state) drops what it does not list.
	s.wait(t, s.feed.resetTo(map[string]any{"sub": "bob", "before": now.Unix()}))
	s.expect(t, "ada after a reset without her", ada, true)
	s.expect(t, "bob's session after the reset", s.tokenFor(t, "bob", "s-bob2", early), false)
}

// TestRevocationFeedDown: a failing feed keeps the last state, the router
// keeps answering, an error is logged once the feed has been down longer
// than revocations_max_stale, and entries apply again when it recovers.
func TestRevocationFeedDown(t *testing.T) {
	logs := &recordLog{errs: make(chan slog.Record, 16)}
	s := newRevSetup(t, slog.New(logs), time.Nanosecond)
	now := time.Now().Truncate(time.Second)
	s.wait(t, s.feed.add(map[string]any{"sub": "ada", "before": now.Unix(), "disabled": true}))
	s.feed.setFailing(true)
	select {
	case r := <-logs.errs:
		if r.Message == "" {
			t.Fatal("empty error record")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no error logged while the feed is down")
	}
	s.expect(t, "disabled ada while the feed is down", s.tokenFor(t, "ada", "s1", now.Add(-time.Minute)), false)
	s.expect(t, "bob while the feed is down", s.tokenFor(t, "bob", "s2", now.Add(-time.Minute)), true)
	s.feed.setFailing(false)
	s.wait(t, s.feed.add(map[string]any{"sub": "bob", "before": now.Unix(), "disabled": true}))
	s.expect(t, "bob disabled after the feed recovered", s.tokenFor(t, "bob", "s2", now.Add(-time.Minute)), false)
}

// TestRevocationFeedNotLoaded: before the first state every token is
// refused (who is disabled is unknown), anonymous requests are not.
func TestRevocationFeedNotLoaded(t *testing.T) {
	keys(t)
	jwks := newJWKSServer(t, map[string]any{"ec1": &ecKey.PublicKey})
	down := httptest.NewServer(http.NotFoundHandler())
	url := down.URL + "/revocations"
	down.Close()
	cfg := Config{JWKSURLs: []string{jwks.URL}, Issuer: "https://auth.nexus.test", Audience: Audiences{"nexus"}, RevocationsURL: url}
	revs := NewRevocations(cfg)
	revs.Start(context.Background())
	t.Cleanup(revs.Close)
	a := newAuth(t, cfg, WithRevocations(revs))
	c := claimsAt(time.Now())
	c["aud"] = []string{"nexus"}
	_, err := a.Authenticate(bearer(t, token(t, jwt.SigningMethodES256, ecKey, "ec1", c)))
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonRevocationsUnknown {
		t.Fatalf("token before the first state: %v", err)
	}
	if c, err := a.Authenticate(httptest.NewRequest(http.MethodPost, "/graphql", nil)); c != nil || err != nil {
		t.Fatalf("anonymous: %v %v", c, err)
	}
	if revs.Cursor() != -1 {
		t.Fatalf("cursor before the first state = %d, want -1", revs.Cursor())
	}
}

// TestRevocationFeedUnsigned: the auth service answers only router-signed
// requests; without the secret the feed never loads.
func TestRevocationFeedUnsigned(t *testing.T) {
	feed := newFeedServer(t)
	logs := &recordLog{errs: make(chan slog.Record, 16)}
	revs := NewRevocations(Config{RevocationsURL: feed.URL, RevocationsMaxStale: time.Nanosecond}, WithLogger(slog.New(logs)))
	revs.Start(context.Background())
	t.Cleanup(revs.Close)
	select {
	case <-logs.errs:
	case <-time.After(20 * time.Second):
		t.Fatal("no error logged for refused requests")
	}
	if revs.Cursor() != -1 {
		t.Fatalf("unsigned requests loaded cursor %d", revs.Cursor())
	}
}

// recordLog sends every error record to errs (dropped when full).
type recordLog struct{ errs chan slog.Record }

func (h *recordLog) Enabled(context.Context, slog.Level) bool { return true }
func (h *recordLog) Handle(_ context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		select {
		case h.errs <- r:
		default:
		}
	}
	return nil
}
func (h *recordLog) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *recordLog) WithGroup(string) slog.Handler      { return h }
