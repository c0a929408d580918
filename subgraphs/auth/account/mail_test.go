package account_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/mail"
	"github.com/nexus-commerce/nexus/subgraphs/auth/mail/mailpittest"
)

// withMail starts Mailpit and returns a worker sending the env's queue to it.
func withMail(t *testing.T, e *env) (*mailpittest.Mailpit, *mail.Worker) {
	t.Helper()
	mp := mailpittest.Start(t)
	sender, err := mail.NewSMTP(mail.SMTPConfig{Addr: mp.SMTPAddr, TLS: "off", From: "Nexus <no-reply@nexus.local>"})
	if err != nil {
		t.Fatal(err)
	}
	return mp, &mail.Worker{Store: e.svc.Store, Sender: sender}
}

var linkToken = regexp.MustCompile(`http://shop\.test(/account/[a-z-]+)\?token=([A-Za-z0-9_%-]+)`)

// tokenOf returns the link path and token of a mail's text body.
func tokenOf(t *testing.T, m mailpittest.Message) (string, string) {
	t.Helper()
	match := linkToken.FindStringSubmatch(m.Text)
	if match == nil || !strings.Contains(m.HTML, `href="http://shop.test`+match[1]) {
		t.Fatalf("no link in mail %q:\n%s\n%s", m.Subject, m.Text, m.HTML)
	}
	tok, err := url.QueryUnescape(match[2])
	if err != nil {
		t.Fatal(err)
	}
	return match[1], tok
}

func flush(t *testing.T, w *mail.Worker, want int) {
	t.Helper()
	n, err := w.SendDue(context.Background())
	if err != nil || n != want {
		t.Fatalf("SendDue: %d mails (%v), want %d", n, err, want)
	}
}

func TestVerificationMail(t *testing.T) {
	e := newEnv(t)
	mp, w := withMail(t, e)
	ctx := context.Background()
	s := register(t, e, "vera@example.com")
	flush(t, w, 1)
	msgs := mp.Messages(t, "vera@example.com")
	if len(msgs) != 1 || msgs[0].Subject != mail.SubjectVerify {
		t.Fatalf("mails %+v", msgs)
	}
	path, tok := tokenOf(t, msgs[0])
	if path != mail.VerifyPath {
		t.Fatalf("link path %s", path)
	}
	var body string
	if err := e.db.Get(&body, `SELECT text_body FROM auth.mail_queue`); err != nil || body != "" {
		t.Fatalf("a sent mail keeps its body (%v)", err)
	}

	c := account.Caller{UserID: s.User.ID, Address: "192.0.2.1"}
	_, err := e.svc.ResendVerification(ctx, c)
	if code(err) != auth.TooManyRequests {
		t.Fatalf("resend within a minute: %v", err)
	}
	e.clock.Advance(time.Minute)
	if sent, err := e.svc.ResendVerification(ctx, c); err != nil || !sent {
		t.Fatalf("resend: %v %v", sent, err)
	}
	flush(t, w, 1)
	if n := len(mp.Messages(t, "vera@example.com")); n != 2 {
		t.Fatalf("%d mails after resend", n)
	}

	u, err := e.svc.VerifyEmail(ctx, tok) // the first mail's token still works
	if err != nil || !u.EmailVerified || u.ID != s.User.ID {
		t.Fatalf("verify: %+v %v", u, err)
	}
	for _, bad := range []string{tok, "", "garbage"} {
		if _, err := e.svc.VerifyEmail(ctx, bad); code(err) != auth.Invalid || auth.FieldErrors(err)[0].Field != "token" {
			t.Fatalf("verify with %q: %v", bad, err)
		}
	}
	if sent, err := e.svc.ResendVerification(ctx, c); err != nil || sent {
		t.Fatalf("resend once verified: %v %v", sent, err)
	}
	e.clock.Advance(48 * time.Hour)
	fresh := register(t, e, "late@example.com")
	flush(t, w, 1)
	_, late := tokenOf(t, mp.Messages(t, "late@example.com")[0])
	e.clock.Advance(48*time.Hour + time.Second)
	if _, err := e.svc.VerifyEmail(ctx, late); code(err) != auth.Invalid {
		t.Fatalf("expired token of %s: %v", fresh.User.ID, err)
	}
}

func TestPasswordReset(t *testing.T) {
	e := newEnv(t)
	mp, w := withMail(t, e)
	ctx := context.Background()
	s := register(t, e, "rita@example.com")
	flush(t, w, 1)
	c := account.Caller{Address: "192.0.2.1"}
	// The same answer for a known and an unknown email; only one mail.
	for _, email := range []string{"Rita@Example.com", "ghost@example.com"} {
		if err := e.svc.RequestPasswordReset(ctx, email, c); err != nil {
			t.Fatalf("request reset for %s: %v", email, err)
		}
	}
	flush(t, w, 1)
	if n := len(mp.Messages(t, "ghost@example.com")); n != 0 {
		t.Fatalf("%d mails to an unknown address", n)
	}
	var resets []mailpittest.Message
	for _, m := range mp.Messages(t, "rita@example.com") {
		if m.Subject == mail.SubjectReset {
			resets = append(resets, m)
		}
	}
	if len(resets) != 1 {
		t.Fatalf("%d reset mails", len(resets))
	}
	path, tok := tokenOf(t, resets[0])
	if path != mail.ResetPath {
		t.Fatalf("link path %s", path)
	}

	err := e.svc.ResetPassword(ctx, tok, "short")
	if fes := auth.FieldErrors(err); len(fes) != 1 || fes[0].Field != "input.newPassword" {
		t.Fatalf("weak new password: %v", err)
	}
	if err := e.svc.ResetPassword(ctx, tok, "a brand new secret"); err != nil {
		t.Fatalf("reset: %v", err)
	}
	if err := e.svc.ResetPassword(ctx, tok, "another new secret"); code(err) != auth.Invalid || auth.FieldErrors(err)[0].Field != "input.token" {
		t.Fatalf("second use of the token: %v", err)
	}
	// Every session ended; the new password works, the old one does not.
	if _, err := e.svc.Refresh(ctx, s.RefreshToken); code(err) != auth.Unauthenticated {
		t.Fatalf("refresh after reset: %v", err)
	}
	var n int
	if err := e.db.Get(&n, `SELECT count(*) FROM auth.revocations WHERE subject = $1`, s.User.ID); err != nil || n != 1 {
		t.Fatalf("revocations of the user: %d (%v)", n, err)
	}
	_, err = e.svc.SignIn(ctx, "rita@example.com", goodPassword, c)
	badCredentials(t, err, "old password")
	if _, err := e.svc.SignIn(ctx, "rita@example.com", "a brand new secret", c); err != nil {
		t.Fatalf("new password: %v", err)
	}

	// A token is good for one hour.
	if err := e.svc.RequestPasswordReset(ctx, "rita@example.com", c); err != nil {
		t.Fatal(err)
	}
	flush(t, w, 1)
	_, tok2 := tokenOf(t, mp.Messages(t, "rita@example.com")[0])
	e.clock.Advance(time.Hour + time.Second)
	if err := e.svc.ResetPassword(ctx, tok2, "yet another secret"); code(err) != auth.Invalid {
		t.Fatalf("expired token: %v", err)
	}
}

// Reset requests: three mails per email per hour, silently; too many per
// address is TOO_MANY_REQUESTS.
func TestPasswordResetThrottle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	register(t, e, "rita@example.com")
	for i := range 5 {
		if err := e.svc.RequestPasswordReset(ctx, "rita@example.com", account.Caller{Address: fmt.Sprint("192.0.2.", i)}); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	var queued int
	if err := e.db.Get(&queued, `SELECT count(*) FROM auth.mail_queue WHERE subject = $1`, mail.SubjectReset); err != nil || queued != 3 {
		t.Fatalf("%d reset mails queued (%v), want 3", queued, err)
	}
	e.clock.Advance(time.Hour)
	if err := e.svc.RequestPasswordReset(ctx, "rita@example.com", account.Caller{Address: "192.0.2.9"}); err != nil {
		t.Fatal(err)
	}
	if err := e.db.Get(&queued, `SELECT count(*) FROM auth.mail_queue WHERE subject = $1`, mail.SubjectReset); err != nil || queued != 4 {
		t.Fatalf("%d reset mails after an hour, want 4", queued)
	}
	c := account.Caller{Address: "198.51.100.1"}
	for i := range account.ResetAddress.Max {
		if err := e.svc.RequestPasswordReset(ctx, fmt.Sprintf("x%d@example.com", i), c); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	err := e.svc.RequestPasswordReset(ctx, "rita@example.com", c)
	var ae *auth.Error
	if code(err) != auth.TooManyRequests || !asError(err, &ae) || ae.RetryAfter <= 0 {
		t.Fatalf("address over the limit: %v", err)
	}
	if err := e.svc.RequestPasswordReset(ctx, "not an email", c); code(err) != auth.Invalid {
		t.Fatalf("invalid email: %v", err)
	}
}
