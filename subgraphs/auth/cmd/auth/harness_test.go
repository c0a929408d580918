package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

const testSecret = "test-secret-test-secret-test-secret!"

// syncBuffer is a log sink the server goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// service is a running `auth serve` on an ephemeral port.
type service struct {
	base string
	db   *sqlx.DB
	logs *syncBuffer
	stop func()
}

// startServe runs the binary's serve command against a fresh database in
// development mode with the router secret set, so tests can call it
// directly and sign claims as the router would. env adds variables.
func startServe(t *testing.T, env map[string]string) *service {
	t.Helper()
	url := pgtest.URL(t)
	t.Setenv("DATABASE_URL", url)
	t.Setenv("HTTP_ADDR", "127.0.0.1:0")
	t.Setenv("NEXUS_MODE", "development")
	t.Setenv(kitauth.SecretEnv, testSecret)
	t.Setenv("LOG_LEVEL", "warn")
	t.Setenv("SMTP_ADDR", "127.0.0.1:1") // nothing listens: mail stays queued
	for k, v := range env {
		t.Setenv(k, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan int, 1)
	logs := &syncBuffer{}
	go func() {
		done <- run(ctx, nil, strings.NewReader(""), io.Discard, logs, hooks{listening: func(a net.Addr) { addrc <- a }})
	}()
	s := &service{logs: logs}
	select {
	case a := <-addrc:
		s.base = "http://" + a.String()
	case code := <-done:
		cancel()
		t.Fatalf("serve exited with %d before listening:\n%s", code, logs.String())
	}
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			if code := <-done; code != exitOK {
				t.Errorf("serve exited with %d, want 0\n%s", code, logs.String())
			}
		})
	}
	t.Cleanup(s.stop)
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s.db = db
	return s
}

// client is a browser-like caller: a cookie jar and optional claims.
type client struct {
	t    *testing.T
	s    *service
	http *http.Client
}

func (s *service) client(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, s: s, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts a GraphQL operation; claims (may be nil) are signed as the
// router does. It returns the response and the HTTP response headers.
func (c *client) do(query string, vars map[string]any, claims *kitauth.Claims) (gqlResponse, http.Header) {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.s.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if claims != nil {
		h, err := kitauth.Sign(claims, []byte(testSecret), time.Now())
		if err != nil {
			c.t.Fatal(err)
		}
		req.Header.Set(kitauth.HeaderName, h)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		c.t.Fatalf("decode: %v", err)
	}
	return out, resp.Header
}

// ok runs an operation that must succeed and decodes its data into dst.
func (c *client) ok(query string, vars map[string]any, claims *kitauth.Claims, dst any) http.Header {
	c.t.Helper()
	r, h := c.do(query, vars, claims)
	if len(r.Errors) > 0 {
		c.t.Fatalf("%s: errors %+v\n%s", query, r.Errors, c.s.logs.String())
	}
	if dst != nil {
		if err := json.Unmarshal(r.Data, dst); err != nil {
			c.t.Fatal(err)
		}
	}
	return h
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func decodeJSON(resp *http.Response, dst any) error { return json.NewDecoder(resp.Body).Decode(dst) }
