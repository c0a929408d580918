package account_test

import (
	"context"
	"testing"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/password"
)

// BenchmarkSignIn is one successful sign-in against PostgreSQL with the
// production argon2id parameters: two throttle rows, the user lookup, the
// password check, the session family and its event, the ES256 token.
func BenchmarkSignIn(b *testing.B) {
	e := newBenchEnv(b)
	ctx := context.Background()
	if _, err := e.svc.Register(ctx, auth.Registration{Email: "bench@example.com", Password: goodPassword, FirstName: "B", LastName: "N"}); err != nil {
		b.Fatal(err)
	}
	c := account.Caller{Address: "192.0.2.1"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.svc.SignIn(ctx, "bench@example.com", goodPassword, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignInWrongPassword is a refused sign-in within the budget
// (the throttle is cleared every four attempts so every one is checked).
func BenchmarkSignInWrongPassword(b *testing.B) {
	e := newBenchEnv(b)
	ctx := context.Background()
	if _, err := e.svc.Register(ctx, auth.Registration{Email: "bench@example.com", Password: goodPassword, FirstName: "B", LastName: "N"}); err != nil {
		b.Fatal(err)
	}
	c := account.Caller{Address: "192.0.2.1"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i++; i%4 == 0 {
			if _, err := e.db.Exec(`DELETE FROM auth.throttle`); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := e.svc.SignIn(ctx, "bench@example.com", "wrong password", c); auth.CodeOf(err) != auth.Unauthenticated {
			b.Fatal(err)
		}
	}
}

func newBenchEnv(b *testing.B) *env {
	e := newEnv(b)
	e.hash.Hasher = &password.Hasher{Params: password.OWASP}
	return e
}
