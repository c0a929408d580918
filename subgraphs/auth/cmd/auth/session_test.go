package main

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

const sessionFields = `accessToken expiresAt user { id email firstName lastName role emailVerified disabled createdAt updatedAt }`

type apiSession struct {
	AccessToken string
	ExpiresAt   time.Time
	User        struct {
		ID, Email, FirstName, LastName, Role string
		EmailVerified, Disabled              bool
	}
}

// sessionCookie returns the Set-Cookie of nexus_session in h.
func sessionCookie(t *testing.T, h http.Header) *http.Cookie {
	t.Helper()
	for _, line := range h.Values("Set-Cookie") {
		c, err := http.ParseSetCookie(line)
		if err == nil && c.Name == "nexus_session" {
			if !strings.Contains(line, "Path=/graphql") || !strings.Contains(line, "HttpOnly") || !strings.Contains(line, "SameSite=Strict") {
				t.Fatalf("cookie attributes: %s", line)
			}
			return c
		}
	}
	t.Fatalf("no nexus_session cookie in %v", h.Values("Set-Cookie"))
	return nil
}

// TestSessionLifecycle drives register, sign-in, me, refresh and
// sign-out through the real server: the access token verifies against
// the JWKS with the contract's claims, the refresh token travels only in
// the cookie, rotates on refresh and is dead after sign-out.
func TestSessionLifecycle(t *testing.T) {
	s := startServe(t, nil)
	c := s.client(t)

	var reg struct{ Register apiSession }
	h := c.ok(`mutation($in: RegisterInput!) { register(input: $in) { `+sessionFields+` } }`, map[string]any{"in": map[string]any{
		"email": "Ann.Lee@Example.COM", "password": "correct horse battery", "firstName": " Ann ", "lastName": "Lee",
	}}, nil, &reg)
	u := reg.Register.User
	if u.Email != "Ann.Lee@example.com" || u.FirstName != "Ann" || u.Role != "CUSTOMER" || u.EmailVerified || u.Disabled {
		t.Fatalf("registered user %+v", u)
	}
	ck := sessionCookie(t, h)
	if ck.MaxAge < 29*24*3600 || ck.MaxAge > 30*24*3600 || ck.Secure {
		t.Fatalf("cookie Max-Age %d Secure %v", ck.MaxAge, ck.Secure)
	}
	claims := verifyToken(t, s.base, reg.Register.AccessToken)
	if claims["sub"] != u.ID || claims["scope"] != "customer" || claims["email"] != u.Email || claims["email_verified"] != false ||
		claims["sid"] == "" || claims["jti"] == "" {
		t.Fatalf("claims %v", claims)
	}
	if exp, _ := claims.GetExpirationTime(); exp.Sub(time.Now()) > 15*time.Minute || !exp.Equal(reg.Register.ExpiresAt) {
		t.Fatalf("exp %v, expiresAt %v", exp, reg.Register.ExpiresAt)
	}

	// The same email in another case is taken.
	r, _ := c.do(`mutation { register(input: {email: "ann.lee@example.com", password: "another good one", firstName: "A", lastName: "L"}) { accessToken } }`, nil, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "INVALID" || r.Errors[0].Extensions["field"] != "input.email" {
		t.Fatalf("duplicate email: %+v", r.Errors)
	}

	// me needs the router's forwarded claims.
	var me struct{ Me struct{ ID, Email string } }
	c.ok(`{ me { id email } }`, nil, claimsOf(t, s.base, reg.Register.AccessToken), &me)
	if me.Me.ID != u.ID {
		t.Fatalf("me %+v", me)
	}
	if r, _ := c.do(`{ me { id } }`, nil, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Fatalf("anonymous me: %+v", r.Errors)
	}

	// Wrong password and unknown email answer alike.
	for _, creds := range [][2]string{{"ann.lee@example.com", "wrong password!"}, {"nobody@example.com", "whatever password"}} {
		r, _ := c.do(`mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { accessToken } }`, map[string]any{"e": creds[0], "p": creds[1]}, nil)
		if len(r.Errors) != 1 || r.Errors[0].Message != "email or password is incorrect" || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Fatalf("sign in %s: %+v", creds[0], r.Errors)
		}
	}
	var in struct{ SignIn apiSession }
	h = c.ok(`mutation { signIn(input: {email: "ANN.LEE@example.com", password: "correct horse battery"}) { `+sessionFields+` } }`, nil, nil, &in)
	first := sessionCookie(t, h)
	if in.SignIn.User.ID != u.ID || first.Value == ck.Value {
		t.Fatalf("sign in: %+v", in.SignIn.User)
	}

	// refreshSession reads the cookie from the jar and rotates it.
	var ref struct{ RefreshSession apiSession }
	h = c.ok(`mutation { refreshSession { `+sessionFields+` } }`, nil, nil, &ref)
	rotated := sessionCookie(t, h)
	if rotated.Value == first.Value || ref.RefreshSession.User.ID != u.ID {
		t.Fatal("refresh did not rotate the cookie")
	}
	if verifyToken(t, s.base, ref.RefreshSession.AccessToken)["sid"] != verifyToken(t, s.base, in.SignIn.AccessToken)["sid"] {
		t.Fatal("refresh left the session family")
	}

	// signOut clears the cookie; the family's token is dead afterwards.
	var out struct{ SignOut bool }
	h = c.ok(`mutation { signOut }`, nil, nil, &out)
	if cleared := sessionCookie(t, h); !out.SignOut || cleared.MaxAge >= 0 {
		t.Fatalf("sign out: %v, cookie %+v", out.SignOut, cleared)
	}
	other := s.client(t)
	other.http.Jar.SetCookies(mustURL(t, s.base+"/graphql"), []*http.Cookie{{Name: "nexus_session", Value: rotated.Value, Path: "/graphql"}})
	r, h = other.do(`mutation { refreshSession { accessToken } }`, nil, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Fatalf("refresh after sign-out: %+v", r.Errors)
	}
	if c := sessionCookie(t, h); c.MaxAge >= 0 {
		t.Fatal("a failed refresh does not clear the cookie")
	}
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM auth.revocations WHERE session_id IS NOT NULL`); err != nil || n != 1 {
		t.Fatalf("sign-out revocations %d (%v)", n, err)
	}
}
