package main

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/auth/mail/mailpittest"
)

var tokenLink = regexp.MustCompile(`/account/(verify-email|reset-password)\?token=([A-Za-z0-9_%-]+)`)

// awaitMail waits for the n-th mail to addr: the worker sends after
// commit, woken by NOTIFY, so the test polls the mailbox for it.
func awaitMail(t *testing.T, mp *mailpittest.Mailpit, addr string, n int) mailpittest.Message {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if msgs := mp.Messages(t, addr); len(msgs) >= n {
			return msgs[0] // newest first
		}
		if time.Now().After(deadline) {
			t.Fatalf("mail %d to %s did not arrive within 20s", n, addr)
		}
		<-tick.C
	}
}

func linkToken(t *testing.T, m mailpittest.Message, kind string) string {
	t.Helper()
	match := tokenLink.FindStringSubmatch(m.Text)
	if match == nil || match[1] != kind {
		t.Fatalf("no %s link in %q:\n%s", kind, m.Subject, m.Text)
	}
	tok, err := url.QueryUnescape(match[2])
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// TestMailFlows: the served binary sends the verification mail after
// register and the reset mail after requestPasswordReset through SMTP
// (Mailpit); their links verify the email and reset the password.
func TestMailFlows(t *testing.T) {
	mp := mailpittest.Start(t)
	s := startServe(t, map[string]string{"SMTP_ADDR": mp.SMTPAddr, "SMTP_TLS": "off", "PUBLIC_URL": "http://shop.test"})
	c := s.client(t)
	var reg struct{ Register apiSession }
	c.ok(`mutation { register(input: {email: "mia@example.com", password: "correct horse battery", firstName: "Mia", lastName: "Ma"}) { `+sessionFields+` } }`, nil, nil, &reg)
	m := awaitMail(t, mp, "mia@example.com", 1)
	if m.Subject != "Verify your email address" {
		t.Fatalf("subject %q", m.Subject)
	}
	var ver struct{ VerifyEmail struct{ EmailVerified bool } }
	c.ok(`mutation($t: String!) { verifyEmail(token: $t) { emailVerified } }`, map[string]any{"t": linkToken(t, m, "verify-email")}, nil, &ver)
	if !ver.VerifyEmail.EmailVerified {
		t.Fatal("not verified")
	}

	var ok struct{ RequestPasswordReset bool }
	for _, email := range []string{"mia@example.com", "nobody@example.com"} {
		c.ok(`mutation($e: String!) { requestPasswordReset(email: $e) }`, map[string]any{"e": email}, nil, &ok)
		if !ok.RequestPasswordReset {
			t.Fatalf("requestPasswordReset(%s) = false", email)
		}
	}
	m = awaitMail(t, mp, "mia@example.com", 2)
	if m.Subject != "Reset your Nexus password" {
		t.Fatalf("subject %q", m.Subject)
	}
	var reset struct{ ResetPassword bool }
	c.ok(`mutation($t: String!) { resetPassword(input: {token: $t, newPassword: "a whole new password"}) }`, map[string]any{"t": linkToken(t, m, "reset-password")}, nil, &reset)
	c.ok(`mutation { signIn(input: {email: "mia@example.com", password: "a whole new password"}) { accessToken } }`, nil, nil, nil)
	if n := len(mp.Messages(t, "nobody@example.com")); n != 0 {
		t.Fatalf("%d mails to an unknown address", n)
	}
}
