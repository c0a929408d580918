package password_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/subgraphs/auth/password"
)

var cheap = password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashFormat(t *testing.T) {
	h, err := password.Hash("correct horse battery", password.OWASP)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`).MatchString(h) {
		t.Fatalf("PHC string %q", h)
	}
	h2, _ := password.Hash("correct horse battery", password.OWASP)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	ok, stale, err := password.Verify("correct horse battery", h, password.OWASP)
	if !ok || stale || err != nil {
		t.Fatalf("verify: %v %v %v", ok, stale, err)
	}
	if ok, _, _ := password.Verify("correct horse batterY", h, password.OWASP); ok {
		t.Fatal("a wrong password verifies")
	}
}

// A hash made with other parameters still verifies and is reported stale,
// so sign-in rehashes it with the current ones.
func TestStaleParameters(t *testing.T) {
	h, _ := password.Hash("pw", cheap)
	ok, stale, err := password.Verify("pw", h, password.OWASP)
	if !ok || !stale || err != nil {
		t.Fatalf("verify old hash: %v %v %v", ok, stale, err)
	}
}

func TestMalformed(t *testing.T) {
	good, _ := password.Hash("pw", cheap)
	parts := strings.Split(good, "$")
	for _, bad := range []string{
		"", "plain", "$argon2i$v=19$m=64,t=1,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=18$m=64,t=1,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=99999999,t=1,p=1$" + parts[4] + "$" + parts[5],
		"$argon2id$v=19$m=64,t=1,p=1$!!$" + parts[5],
		"$argon2id$v=19$m=64,t=1,p=1$" + parts[4] + "$short",
	} {
		if _, _, err := password.Verify("pw", bad, cheap); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// BenchmarkHash is argon2id with the production parameters (OWASP:
// m=19 MiB, t=2, p=1): the cost of every registration and sign-in.
func BenchmarkHash(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := password.Hash("correct horse battery", password.OWASP); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify is one sign-in's password check with the production parameters.
func BenchmarkVerify(b *testing.B) {
	h, _ := password.Hash("correct horse battery", password.OWASP)
	b.ReportAllocs()
	for b.Loop() {
		if ok, _, _ := password.Verify("correct horse battery", h, password.OWASP); !ok {
			b.Fatal("no match")
		}
	}
}
