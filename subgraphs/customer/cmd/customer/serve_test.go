package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

const testSecret = "0123456789abcdef0123456789abcdef"

// service is a running `customer serve` on an ephemeral port.
type service struct {
	base string
	stop func()
	logs *syncBuffer
}

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

// startServe runs the binary's serve command in production mode (only
// router-signed requests) with the test tokenizer switched by tokenizer.
func startServe(t *testing.T, tokenizer string) *service {
	t.Helper()
	t.Setenv("DATABASE_URL", pgtest.URL(t))
	t.Setenv("HTTP_ADDR", "127.0.0.1:0")
	if os.Getenv("LOG_LEVEL") == "" {
		t.Setenv("LOG_LEVEL", "warn")
	}
	t.Setenv("NEXUS_MODE", "production")
	t.Setenv(kitauth.SecretEnv, testSecret)
	t.Setenv("CUSTOMER_TEST_TOKENIZER", tokenizer)
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan int, 1)
	logs := &syncBuffer{}
	go func() {
		done <- run(ctx, nil, io.Discard, logs, hooks{listening: func(a net.Addr) { addrc <- a }})
	}()
	s := &service{logs: logs}
	select {
	case a := <-addrc:
		s.base = "http://" + a.String()
	case code := <-done:
		cancel()
		t.Fatalf("serve exited with %d before listening:\n%s", code, logs.String())
	}
	stopped := false
	s.stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited with %d:\n%s", code, logs.String())
		}
	}
	t.Cleanup(s.stop)
	return s
}

// principal is who a request is made as; nil claims is the router's
// anonymous signature.
type principal struct {
	claims *kitauth.Claims
}

func user(id string, scopes ...string) principal {
	return principal{claims: &kitauth.Claims{Subject: id, Scopes: scopes, Raw: map[string]any{"sub": id}}}
}

var anonymous = principal{}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// codes lists extensions.code of every error, in order.
func (r response) codes() []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.Extensions["code"].(string))
	}
	return out
}

// fields lists extensions.field of every error, in order.
func (r response) fields() []string {
	var out []string
	for _, e := range r.Errors {
		f, _ := e.Extensions["field"].(string)
		out = append(out, f)
	}
	return out
}

// do posts an operation as p, signed the way the router signs.
func (s *service) do(t *testing.T, p principal, query string, vars map[string]any) response {
	t.Helper()
	var header string
	var err error
	if p.claims == nil {
		header, err = kitauth.SignAnonymous([]byte(testSecret), time.Now())
	} else {
		header, err = kitauth.Sign(p.claims, []byte(testSecret), time.Now())
	}
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(kitauth.HeaderName, header)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out response
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("status %d: %v", resp.StatusCode, err)
	}
	return out
}

// ok runs an operation that must succeed and decodes its data into dst.
func (s *service) ok(t *testing.T, p principal, query string, vars map[string]any, dst any) {
	t.Helper()
	r := s.do(t, p, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("%s: errors %+v", query, r.Errors)
	}
	if dst != nil {
		if err := json.Unmarshal(r.Data, dst); err != nil {
			t.Fatal(err)
		}
	}
}

func newID() string { return uuid.NewString() }

func TestServeRefusesUnsignedRequests(t *testing.T) {
	s := startServe(t, "")
	resp, err := http.Post(s.base+"/graphql", "application/json", strings.NewReader(`{"query":"{ addressCountries { code } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("unsigned request: status %d", resp.StatusCode)
	}
	var out struct {
		AddressCountries []struct {
			Code           string
			RequiresRegion bool
		}
	}
	s.ok(t, anonymous, `{ addressCountries { code requiresRegion postalCodeExample name } }`, nil, &out)
	if len(out.AddressCountries) != 12 {
		t.Fatalf("countries %+v", out)
	}
	// Production without CUSTOMER_TEST_TOKENIZER: the test tokenizer is off.
	r := s.do(t, user(newID()), `mutation { tokenizeTestCard(input: {number: "4242424242424242", expMonth: 12, expYear: 2040, cvc: "123"}) { token } }`, nil)
	if got := strings.Join(r.codes(), ","); got != "FORBIDDEN" {
		t.Fatalf("tokenizer in production: %+v", r.Errors)
	}
}

// TestCardNumbersAreNeverLoggedOrStored: with debug logging, neither a
// tokenized nor a refused card's number (nor the token) reaches the log,
// and the database holds only the last four digits.
func TestCardNumbersAreNeverLoggedOrStored(t *testing.T) {
	t.Setenv("LOG_LEVEL", "debug")
	s := startServe(t, "1")
	me := user(newID())
	var tok struct{ TokenizeTestCard struct{ Token string } }
	s.ok(t, me, `mutation { tokenizeTestCard(input: {number: "4000 0566 5566 5556", expMonth: 12, expYear: 2040, cvc: "987"}) { token } }`, nil, &tok)
	s.ok(t, me, `mutation($t: String!) { addPaymentMethod(input: {token: $t, holderName: "Ada"}) { id } }`, map[string]any{"t": tok.TokenizeTestCard.Token}, nil)
	r := s.do(t, me, `mutation { tokenizeTestCard(input: {number: "4000056655665557", expMonth: 12, expYear: 2040, cvc: "987"}) { token } }`, nil)
	if len(r.Errors) != 1 || strings.Contains(r.Errors[0].Message, "4000056655665557") {
		t.Fatalf("refused card: %+v", r.Errors)
	}
	s.stop()
	logs := s.logs.String()
	if !strings.Contains(logs, "request") {
		t.Fatalf("no request was logged at debug level:\n%s", logs)
	}
	for _, secret := range []string{"4000056655665556", "4000 0566 5566 5556", "4000056655665557", tok.TokenizeTestCard.Token} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
	db, err := sqlx.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var dump string
	if err := db.Get(&dump, `SELECT coalesce((SELECT json_agg(p)::text FROM customer.payment_methods p), '') ||
		coalesce((SELECT json_agg(t)::text FROM customer.payment_tokens t), '')`); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dump, "5556") || strings.Contains(dump, "405665566") || strings.Contains(dump, tok.TokenizeTestCard.Token) {
		t.Fatalf("stored: %s", dump)
	}
}
