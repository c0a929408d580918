package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// registerUser signs up email and returns its user id and router claims.
func registerUser(t *testing.T, s *service, email string) (string, *kitauth.Claims) {
	t.Helper()
	var reg struct{ Register apiSession }
	s.client(t).ok(`mutation($e: String!) { register(input: {email: $e, password: "correct horse battery", firstName: "F", lastName: "L"}) { `+sessionFields+` } }`,
		map[string]any{"e": email}, nil, &reg)
	return reg.Register.User.ID, claimsOf(t, s.base, reg.Register.AccessToken)
}

// TestAuthorization: the subgraph's own checks behind the router's
// directives — User fields for the user or an admin only (entity lookups
// included), admin operations for the admin scope only.
func TestAuthorization(t *testing.T) {
	s := startServe(t, nil)
	c := s.client(t)
	a, aClaims := registerUser(t, s, "a@example.com")
	b, bClaims := registerUser(t, s, "b@example.com")
	adminClaims := &kitauth.Claims{Subject: "00000000-0000-0000-0000-0000000000ad", Scopes: []string{"admin"}, Raw: map[string]any{}}

	entities := `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }`
	reps := map[string]any{"r": []any{
		map[string]any{"__typename": "User", "id": b},
		map[string]any{"__typename": "User", "id": "00000000-0000-0000-0000-000000000000"},
		map[string]any{"__typename": "User", "id": a},
	}}
	// An admin sees every entity, in input order, null for unknown ids.
	var got struct {
		Entities []*struct{ ID, Email string } `json:"_entities"`
	}
	c.ok(entities, reps, adminClaims, &got)
	if len(got.Entities) != 3 || got.Entities[0].ID != b || got.Entities[1] != nil || got.Entities[2].Email != "a@example.com" {
		t.Fatalf("entities as admin: %+v", got.Entities)
	}
	// User A sees their own email, FORBIDDEN on B's; anonymous on both.
	r, _ := c.do(entities, reps, aClaims)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "FORBIDDEN" {
		t.Fatalf("entities as A: %+v", r.Errors)
	}
	if r, _ := c.do(entities, reps, nil); len(r.Errors) != 2 {
		t.Fatalf("entities as anonymous: %+v", r.Errors)
	}

	adminOps := []string{
		`{ user(id: "` + a + `") { id } }`,
		`{ users { totalCount } }`,
		`mutation { updateUser(input: {id: "` + a + `", firstName: "X", lastName: "Y"}) { id } }`,
		`mutation { setUserRole(id: "` + a + `", role: ADMIN) { id } }`,
		`mutation { disableUser(id: "` + a + `", reason: "x") { id } }`,
		`mutation { enableUser(id: "` + a + `") { id } }`,
	}
	// Anonymous callers are UNAUTHENTICATED (as the router answers),
	// signed-in ones without the scope FORBIDDEN.
	for _, op := range adminOps {
		for name, want := range map[string]string{"anonymous": "UNAUTHENTICATED", "customer": "FORBIDDEN"} {
			cl := bClaims
			if name == "anonymous" {
				cl = nil
			}
			if r, _ := c.do(op, nil, cl); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != want {
				t.Errorf("%s as %s: %+v, want %s", op, name, r.Errors, want)
			}
		}
	}
	var role struct{ Role string }
	var users struct {
		Users struct {
			TotalCount int
			Edges      []struct{ Node struct{ Email string } }
			PageInfo   struct{ HasNextPage bool }
		}
	}
	c.ok(`{ users(first: 1, filter: {search: "example"}) { totalCount edges { node { email } } pageInfo { hasNextPage } } }`, nil, adminClaims, &users)
	if users.Users.TotalCount != 2 || len(users.Users.Edges) != 1 || users.Users.Edges[0].Node.Email != "b@example.com" || !users.Users.PageInfo.HasNextPage {
		t.Fatalf("users: %+v", users)
	}
	var one struct{ User *struct{ Role string } }
	c.ok(`{ user(id: "00000000-0000-0000-0000-000000000000") { role } }`, nil, adminClaims, &one)
	if one.User != nil {
		t.Fatal("an unknown user is not null")
	}
	c.ok(`mutation { setUserRole(id: "`+a+`", role: ADMIN) { role } }`, nil, adminClaims, &struct{ SetUserRole *struct{ Role string } }{})
	_ = role

	// Every invalid field at once, each with its own error.
	r, _ = c.do(`mutation { register(input: {email: "nope", password: "short", firstName: "", lastName: ""}) { accessToken } }`, nil, nil)
	fields := map[any]bool{}
	for _, e := range r.Errors {
		if e.Extensions["code"] != "INVALID" {
			t.Fatalf("register errors %+v", r.Errors)
		}
		fields[e.Extensions["field"]] = true
	}
	if len(fields) != 4 || !fields["input.email"] || !fields["input.password"] || !fields["input.firstName"] || !fields["input.lastName"] {
		t.Fatalf("register field errors %+v", r.Errors)
	}
	var policy struct {
		PasswordPolicy struct{ MinLength, MaxLength int }
	}
	c.ok(`{ passwordPolicy { minLength maxLength } }`, nil, nil, &policy)
	if policy.PasswordPolicy.MinLength != 10 || policy.PasswordPolicy.MaxLength != 128 {
		t.Fatalf("policy %+v", policy)
	}
}

// Per-address throttling answers TOO_MANY_REQUESTS with retryAfter; the
// address is the first X-Forwarded-For value the router sets.
func TestSignInThrottledAddress(t *testing.T) {
	s := startServe(t, nil)
	signIn := func(xff string) gqlResponse {
		body := `{"query":"mutation { signIn(input: {email: \"x@example.com\", password: \"wrong password\"}) { accessToken } }"}`
		req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", xff)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out gqlResponse
		if err := decodeJSON(resp, &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for i := range 30 {
		if r := signIn(fmt.Sprintf("198.51.100.7, 10.0.0.%d", i)); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Fatalf("attempt %d: %+v", i, r.Errors)
		}
	}
	r := signIn("198.51.100.7")
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "TOO_MANY_REQUESTS" {
		t.Fatalf("31st attempt: %+v", r.Errors)
	}
	if ra, ok := r.Errors[0].Extensions["retryAfter"].(float64); !ok || ra < 1 || ra > (10*time.Minute).Seconds() {
		t.Fatalf("retryAfter %v", r.Errors[0].Extensions["retryAfter"])
	}
	if r := signIn("198.51.100.8"); r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Fatalf("another address: %+v", r.Errors)
	}
}
