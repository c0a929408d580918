// Package authbench is `make bench-auth`: the identity stack's figures on
// this machine, measured through the real router in front of the real auth
// subgraph and PostgreSQL. It measures sign-in throughput and latency with
// argon2id at a few concurrencies, bursts of wrong passwords against the
// throttles (how many password checks really ran, and the CPU they cost),
// and the router's per-request cost of verifying a JWT.
//
// Clients can bind to any loopback address (127.0.0.0/8 all routes to
// lo on Linux), so the router sees many client addresses from one machine
// and forwards each in X-Forwarded-For: that is how the per-address
// throttle is exercised without a network.
package authbench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// Client sends GraphQL requests to the router from one local address.
type Client struct {
	url  string
	http *http.Client
}

// NewClient returns a client of url (the router's /graphql) whose
// connections start from the local IP from ("" lets the kernel choose).
// keepAlive false opens a connection per request (a client seen once).
func NewClient(url, from string, keepAlive bool) *Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	tr := &http.Transport{
		DialContext:         d.DialContext,
		MaxIdleConnsPerHost: 4,
		DisableKeepAlives:   !keepAlive,
		DisableCompression:  true,
	}
	return &Client{url: url, http: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}

// Close drops the client's idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

// Answer is a GraphQL response, reduced to what the benchmark checks.
type Answer struct {
	Status int
	Data   json.RawMessage
	// Code is the first error's extensions.code ("" without errors).
	Code string
	// Message is the first error's message.
	Message string
}

// Class names the outcome for tallies: "ok", an error code, or "HTTP <n>".
func (a Answer) Class() string {
	switch {
	case a.Code != "":
		return a.Code
	case a.Status != http.StatusOK:
		return fmt.Sprintf("HTTP %d", a.Status)
	case a.Message != "":
		return "error without code"
	}
	return "ok"
}

// Do posts one GraphQL request; token, when set, goes in Authorization.
// A transport failure is an error; GraphQL errors are in the Answer.
func (c *Client) Do(ctx context.Context, query string, vars map[string]any, token string) (Answer, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return Answer{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return Answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Status: resp.StatusCode}
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		a.Message = "not JSON: " + clip(string(raw))
		return a, nil
	}
	a.Data = r.Data
	if len(r.Errors) > 0 {
		a.Code, a.Message = r.Errors[0].Extensions.Code, r.Errors[0].Message
	}
	return a, nil
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return strings.TrimSpace(s)
}

// The operations the benchmark sends.
const (
	signInQuery   = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`
	registerQuery = `mutation Register($input: RegisterInput!) { register(input: $input) { user { id } } }`
)

// SignIn signs in and returns the access token, or an error naming the outcome.
func (c *Client) SignIn(ctx context.Context, email, password string) (string, Answer, error) {
	a, err := c.Do(ctx, signInQuery, map[string]any{"input": map[string]any{"email": email, "password": password}}, "")
	if err != nil {
		return "", a, err
	}
	var d struct {
		SignIn struct {
			AccessToken string `json:"accessToken"`
		} `json:"signIn"`
	}
	if a.Code != "" || json.Unmarshal(a.Data, &d) != nil || d.SignIn.AccessToken == "" {
		return "", a, fmt.Errorf("signIn as %s: %s %s", email, a.Class(), a.Message)
	}
	return d.SignIn.AccessToken, a, nil
}

// Register creates an account (its verification mail goes to the stack's mailbox).
func (c *Client) Register(ctx context.Context, email, password string) error {
	a, err := c.Do(ctx, registerQuery, map[string]any{"input": map[string]any{
		"email": email, "password": password, "firstName": "Bench", "lastName": "Mark",
	}}, "")
	if err != nil {
		return err
	}
	if a.Class() != "ok" {
		return fmt.Errorf("register %s: %s %s", email, a.Class(), a.Message)
	}
	return nil
}
