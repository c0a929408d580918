package auth_test

import (
	"strings"
	"testing"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

func TestNormalizeEmail(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"Ann@Example.COM", "Ann@example.com", ""},
		{"  bob@shop.test ", "bob@shop.test", ""},
		{"", "", "is required"},
		{"no-at-sign", "", "not a valid"},
		{"a@b@c.com", "", "not a valid"},
		{"ann@localhost", "", "not a valid"},
		{"Ann <ann@example.com>", "", "not a valid"},
		{"ann@.example.com", "", "not a valid"},
		{strings.Repeat("a", 250) + "@x.io", "", "at most 254"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := auth.NormalizeEmail("input.email", tt.in)
			if tt.err == "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) || auth.FieldErrors(err)[0].Field != "input.email" {
				t.Fatalf("err %v, want %q on input.email", err, tt.err)
			}
		})
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct{ pw, email, err string }{
		{"correct horse battery", "a@b.co", ""},
		{"ünïcödé-pässwörd", "", ""},                            // 16 code points, more bytes
		{"ääääää", "", "at least 10"},                           // 6 code points, 12 bytes
		{strings.Repeat("x", 128) + "y", "", "at most 128"},     // 129
		{"A@Example.com", "a@example.com", "not be your email"}, // compared case-insensitively
		{"Password123", "", "too common"},
		{"qwertyuiop", "", "too common"},
		{"\xff\xfe invalid utf8", "", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.pw, func(t *testing.T) {
			err := auth.CheckPassword("input.password", tt.pw, tt.email)
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("err %v, want %q", err, tt.err)
			}
		})
	}
	if err := auth.CheckPassword("input.newPassword", "someone@example.com", "someone@example.com"); err == nil ||
		auth.FieldErrors(err)[0].Field != "input.newPassword" || !strings.Contains(err.Error(), "email") {
		t.Fatalf("the email as password: %v", err)
	}
}

func TestValidateRegistrationReportsEveryField(t *testing.T) {
	_, err := auth.ValidateRegistration(auth.Registration{Email: "x", Password: "short", FirstName: " ", LastName: strings.Repeat("n", 101)})
	var fields []string
	for _, e := range auth.FieldErrors(err) {
		fields = append(fields, e.Field)
	}
	if strings.Join(fields, ",") != "input.email,input.password,input.firstName,input.lastName" {
		t.Fatalf("fields %v", fields)
	}
	in, err := auth.ValidateRegistration(auth.Registration{Email: "A@B.CO", Password: "long enough pw", FirstName: " Ann\t", LastName: "Lee"})
	if err != nil || in.Email != "A@b.co" || in.FirstName != "Ann" {
		t.Fatalf("%+v %v", in, err)
	}
}

func TestUserCursor(t *testing.T) {
	c := auth.UserCursor{Created: 1700000000123456, ID: "6f1c2a8e-0000-4000-8000-000000000001"}
	got, err := auth.DecodeUserCursor(c.Encode())
	if err != nil || got != c {
		t.Fatalf("round trip %+v %v", got, err)
	}
	for _, bad := range []string{"", "!!", "eyJ0IjoxfQ"} {
		if _, err := auth.DecodeUserCursor(bad); auth.CodeOf(err) != auth.Invalid {
			t.Fatalf("%q: %v", bad, err)
		}
	}
}
