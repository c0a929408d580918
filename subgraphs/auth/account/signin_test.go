package account_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/password"
)

const goodPassword = "correct horse battery"

func register(t *testing.T, e *env, email string) auth.Session {
	t.Helper()
	s, err := e.svc.Register(context.Background(), auth.Registration{Email: email, Password: goodPassword, FirstName: "Ann", LastName: "Lee"})
	if err != nil {
		t.Fatalf("register %s: %v", email, err)
	}
	return s
}

func code(err error) string { return auth.CodeOf(err) }

// badCredentials asserts the one sign-in refusal that reveals nothing.
func badCredentials(t *testing.T, err error, what string) {
	t.Helper()
	var e *auth.Error
	if !errors.As(err, &e) || e.Code != auth.Unauthenticated || e.Message != auth.MsgBadCredentials || e.RetryAfter != 0 {
		t.Fatalf("%s: %v, want UNAUTHENTICATED %q", what, err, auth.MsgBadCredentials)
	}
}

func TestSignInRefusalsLookAlike(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	register(t, e, "ann@example.com")
	disabled := register(t, e, "dis@example.com")
	admin := account.Caller{UserID: "00000000-0000-0000-0000-000000000001", Admin: true}
	if _, err := e.svc.Disable(ctx, admin, disabled.User.ID, "spam"); err != nil {
		t.Fatal(err)
	}
	c := account.Caller{Address: "192.0.2.1"}
	tests := []struct{ name, email, password string }{
		{"wrong password", "ann@example.com", "not the password"},
		{"unknown email", "nobody@example.com", goodPassword},
		{"disabled account", "dis@example.com", goodPassword},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.hash.checks.Load()
			_, err := e.svc.SignIn(ctx, tt.email, tt.password, c)
			badCredentials(t, err, tt.name)
			if e.hash.checks.Load() != before+1 {
				t.Fatalf("%d password checks, want exactly 1 (a dummy one for unknown emails)", e.hash.checks.Load()-before)
			}
		})
	}
	_, err := e.svc.SignIn(ctx, "", "", c)
	if fes := auth.FieldErrors(err); len(fes) != 2 || fes[0].Field != "input.email" || fes[1].Field != "input.password" {
		t.Fatalf("empty input: %v", err)
	}
	if s, err := e.svc.SignIn(ctx, "ANN@example.com", goodPassword, c); err != nil || s.User.Email != "ann@example.com" {
		t.Fatalf("sign in: %v", err)
	}
}

// After five failures an account backs off exponentially; during the
// backoff even the right password gets the same refusal, unchecked.
func TestSignInAccountBackoff(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	register(t, e, "ann@example.com")
	c := account.Caller{Address: "192.0.2.1"}
	for i := range 5 {
		_, err := e.svc.SignIn(ctx, "ann@example.com", fmt.Sprintf("wrong password %d", i), c)
		badCredentials(t, err, "wrong password")
	}
	checks := e.hash.checks.Load()
	_, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, c)
	badCredentials(t, err, "right password during the backoff")
	if e.hash.checks.Load() != checks {
		t.Fatal("the password was checked during the backoff")
	}
	for i, wait := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		e.clock.Advance(wait - time.Millisecond)
		_, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, c)
		badCredentials(t, err, fmt.Sprintf("before backoff %d ends", i))
		e.clock.Advance(time.Millisecond)
		_, err = e.svc.SignIn(ctx, "ann@example.com", "still wrong!", c)
		badCredentials(t, err, "wrong password after the backoff")
	}
	e.clock.Advance(8 * time.Second)
	if _, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, c); err != nil {
		t.Fatalf("right password after the backoff: %v", err)
	}
	// Success cleared the count: five more attempts are free again.
	for i := range 5 {
		_, err := e.svc.SignIn(ctx, "ann@example.com", "wrong again!", c)
		badCredentials(t, err, fmt.Sprint("fresh failure ", i))
	}
	// The cap is 15 minutes.
	for range 20 {
		e.clock.Advance(15 * time.Minute)
		_, _ = e.svc.SignIn(ctx, "ann@example.com", "wrong again!", c)
	}
	e.clock.Advance(15 * time.Minute)
	if _, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, c); err != nil {
		t.Fatalf("backoff exceeds 15 minutes: %v", err)
	}
}

// Thirty failures from one address in ten minutes, on any accounts, make
// it TOO_MANY_REQUESTS with retryAfter until the window ends.
func TestSignInAddressLimit(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	register(t, e, "ann@example.com")
	c := account.Caller{Address: "198.51.100.7"}
	for i := range 30 {
		_, err := e.svc.SignIn(ctx, fmt.Sprintf("probe%d@example.com", i), "some password", c)
		badCredentials(t, err, "probe")
	}
	e.clock.Advance(time.Minute)
	_, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, c)
	var ae *auth.Error
	if !errors.As(err, &ae) || ae.Code != auth.TooManyRequests || ae.RetryAfter != 9*time.Minute {
		t.Fatalf("31st attempt: %v (%+v)", err, ae)
	}
	if _, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, account.Caller{Address: "198.51.100.8"}); err != nil {
		t.Fatalf("another address is throttled too: %v", err)
	}
	e.clock.Advance(9 * time.Minute)
	if _, err := e.svc.SignIn(ctx, "ann@example.com", goodPassword, c); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

// Twenty concurrent wrong sign-ins for one account never check more
// passwords than the five-attempt budget: each attempt is counted under
// the throttle row's lock before its password is checked.
func TestConcurrentWrongSignInsKeepTheBudget(t *testing.T) {
	e := newEnv(t)
	register(t, e, "ann@example.com")
	before := e.hash.checks.Load()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := e.svc.SignIn(context.Background(), "ann@example.com", fmt.Sprintf("wrong password %d", i), account.Caller{Address: "203.0.113.9"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		badCredentials(t, err, "concurrent attempt")
	}
	if n := e.hash.checks.Load() - before; n != 5 {
		t.Fatalf("%d passwords checked, want the budget of 5", n)
	}
}

// A hash made with older parameters is replaced at the next sign-in.
func TestRehashOnSignIn(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	s := register(t, e, "old@example.com")
	e.hash.Hasher = &password.Hasher{Params: password.Params{Memory: 128, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}}
	if _, err := e.svc.SignIn(ctx, "old@example.com", goodPassword, account.Caller{Address: "192.0.2.1"}); err != nil {
		t.Fatal(err)
	}
	var h string
	if err := e.db.Get(&h, `SELECT password_hash FROM auth.users WHERE id = $1`, s.User.ID); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=128,t=2,p=1$") {
		t.Fatalf("hash not upgraded: %s", h)
	}
	if _, err := e.svc.SignIn(ctx, "old@example.com", goodPassword, account.Caller{Address: "192.0.2.1"}); err != nil {
		t.Fatalf("sign in with the new hash: %v", err)
	}
}

// TestConcurrentSignInsToOneAccount: the owner signing in from several
// devices at the same instant always succeeds. Before, the account's
// throttle row was inserted (or not) and then selected FOR UPDATE in two
// statements, and a concurrent successful sign-in deleted it in between:
// INTERNAL "no rows" (found by make bench-auth). Four devices: every
// attempt is counted before its password is checked, so more at the same
// instant than the account's budget (5) would meet its backoff.
func TestConcurrentSignInsToOneAccount(t *testing.T) {
	e := newEnv(t)
	register(t, e, "bo@example.com")
	for round := range 20 {
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for i := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := e.svc.SignIn(context.Background(), "bo@example.com", goodPassword, account.Caller{Address: fmt.Sprintf("198.51.100.%d", i)})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: concurrent sign-in of the owner: %v", round, err)
			}
		}
	}
}

// TestHashingGateRefusesWhenBusy: with every hashing slot taken, a
// sign-in (known or unknown email alike) is refused with
// TOO_MANY_REQUESTS and a retryAfter, without checking a password or
// counting a failure against the account; a freed slot admits again.
func TestHashingGateRefusesWhenBusy(t *testing.T) {
	e := newEnv(t)
	register(t, e, "cy@example.com")
	gate := password.NewGate(1, 20*time.Millisecond)
	e.svc.Gate = gate
	release, ok := gate.Enter(context.Background())
	if !ok {
		t.Fatal("could not take the only slot")
	}
	before := e.hash.checks.Load()
	for _, email := range []string{"cy@example.com", "nobody@example.com"} {
		_, err := e.svc.SignIn(context.Background(), email, goodPassword, account.Caller{Address: "203.0.113.7"})
		var ae *auth.Error
		if !errors.As(err, &ae) || ae.Code != auth.TooManyRequests || ae.RetryAfter <= 0 || strings.Contains(ae.Message, email) {
			t.Fatalf("%s with the gate full: %v, want TOO_MANY_REQUESTS with retryAfter", email, err)
		}
	}
	if n := e.hash.checks.Load() - before; n != 0 {
		t.Fatalf("%d passwords checked while the gate was full", n)
	}
	release()
	if _, err := e.svc.SignIn(context.Background(), "cy@example.com", goodPassword, account.Caller{Address: "203.0.113.7"}); err != nil {
		t.Fatalf("sign-in after the slot came free: %v", err)
	}
}
