package main

import (
	"testing"
)

// TestAccountMutations: changePassword starts a new session (new cookie)
// and ends the others; updateMe renames; resendVerification is limited to
// one a minute with retryAfter; signOut(everywhere) lists the user in the
// revocation feed.
func TestAccountMutations(t *testing.T) {
	s := startServe(t, nil)
	c := s.client(t)
	var reg struct{ Register apiSession }
	h := c.ok(`mutation { register(input: {email: "cp@example.com", password: "correct horse battery", firstName: "C", lastName: "P"}) { `+sessionFields+` } }`, nil, nil, &reg)
	first := sessionCookie(t, h)
	claims := claimsOf(t, s.base, reg.Register.AccessToken)

	var me struct {
		UpdateMe struct{ FirstName, LastName string }
	}
	c.ok(`mutation { updateMe(input: {firstName: " Cleo ", lastName: "Park"}) { firstName lastName } }`, nil, claims, &me)
	if me.UpdateMe.FirstName != "Cleo" || me.UpdateMe.LastName != "Park" {
		t.Fatalf("updateMe %+v", me)
	}
	r, _ := c.do(`mutation { resendVerification }`, nil, claims)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "TOO_MANY_REQUESTS" || r.Errors[0].Extensions["retryAfter"] == nil {
		t.Fatalf("resend right after register: %+v", r.Errors)
	}

	r, _ = c.do(`mutation { changePassword(input: {currentPassword: "wrong one", newPassword: "short"}) { accessToken } }`, nil, claims)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["field"] != "input.newPassword" {
		t.Fatalf("weak new password: %+v", r.Errors)
	}
	var ch struct{ ChangePassword apiSession }
	h = c.ok(`mutation { changePassword(input: {currentPassword: "correct horse battery", newPassword: "another good password"}) { `+sessionFields+` } }`, nil, claims, &ch)
	if next := sessionCookie(t, h); next.Value == first.Value || ch.ChangePassword.User.FirstName != "Cleo" {
		t.Fatal("changePassword did not start a new session")
	}
	newClaims := claimsOf(t, s.base, ch.ChangePassword.AccessToken)
	if newClaims.Raw["sid"] == claims.Raw["sid"] {
		t.Fatal("the new session reuses the old sid")
	}
	var before, iat float64
	if err := s.db.Get(&before, `SELECT extract(epoch FROM before) FROM auth.revocations WHERE subject = $1`, claims.Subject); err != nil {
		t.Fatal(err)
	}
	iat = newClaims.Raw["iat"].(float64)
	if iat < before {
		t.Fatalf("the new session's token (iat %v) is older than the revocation (%v): the router would refuse it", iat, before)
	}

	var out struct{ SignOut bool }
	c.ok(`mutation { signOut(everywhere: true) }`, nil, newClaims, &out)
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM auth.sessions WHERE user_id = $1 AND revoked_at IS NULL`, claims.Subject); err != nil || n != 0 {
		t.Fatalf("%d sessions live after signing out everywhere", n)
	}
	if err := s.db.Get(&n, `SELECT count(*) FROM auth.revocations WHERE subject = $1`, claims.Subject); err != nil || n != 2 {
		t.Fatalf("%d user revocations, want 2 (password change, sign-out everywhere)", n)
	}
	if r, _ := c.do(`mutation { refreshSession { accessToken } }`, nil, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Fatalf("refresh after signing out everywhere: %+v", r.Errors)
	}
}
