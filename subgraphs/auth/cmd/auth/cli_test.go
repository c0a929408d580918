package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		args               []string
		code               int
		stdout, stderrPart string
	}{
		{[]string{"-h"}, exitOK, "Usage:", ""},
		{[]string{"help"}, exitOK, "AUTH_SIGNING_KEY_FILE", ""},
		{[]string{"seed", "--help"}, exitOK, "create-admin", ""},
		{[]string{"bogus"}, exitUsage, "", `unknown command "bogus"`},
		{[]string{"serve", "--port=1"}, exitUsage, "", `unexpected argument "--port=1"`},
		{[]string{"create-admin"}, exitUsage, "", "--email is required"},
		{[]string{"create-admin", "--email", "a@b.co", "--password", "x"}, exitUsage, "", "flag provided but not defined: -password"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(t.Context(), tt.args, strings.NewReader(""), &stdout, &stderr, hooks{}); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderrPart) {
				t.Fatalf("stdout %q\nstderr %q", stdout.String(), stderr.String())
			}
		})
	}
}

func TestConfig(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://postgres@db.test:5432/nexus?sslmode=disable")
	for _, k := range []string{"HTTP_ADDR", "PUBLIC_URL", "NEXUS_MODE", "SMTP_TLS", "AUTH_ACCESS_TTL", "AUTH_COOKIE_SECURE", "AUTH_KEY_ENCRYPTION_KEY", kitauth.SecretEnv} {
		t.Setenv(k, "")
	}
	cfg, err := ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTPAddr != ":4002" || cfg.AccessTTL != 15*time.Minute || cfg.RefreshTTL != 30*24*time.Hour || cfg.RefreshIdleTTL != 7*24*time.Hour ||
		cfg.KeyRotation != 24*time.Hour || cfg.CookieName != "nexus_session" || cfg.CookieSecure || cfg.Issuer != "nexus-auth" ||
		cfg.Audience != "nexus" || cfg.SMTPTLS != "starttls" || cfg.SMTPAddr != "127.0.0.1:1025" || cfg.MailFrom != "Nexus <no-reply@nexus.local>" {
		t.Fatalf("defaults %+v", cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := cfg.ValidateServe(); err == nil || !strings.Contains(err.Error(), kitauth.SecretEnv) {
		t.Fatalf("production without a secret: %v", err)
	}
	t.Setenv("PUBLIC_URL", "https://shop.example.com")
	t.Setenv("NEXUS_MODE", "development")
	if cfg, _ := ConfigFromEnv(); !cfg.CookieSecure || cfg.SMTPTLS != "off" {
		t.Fatalf("https storefront: Secure %v, SMTP_TLS %s", cfg.CookieSecure, cfg.SMTPTLS)
	}
	bad := []struct{ key, value, names string }{
		{"AUTH_ACCESS_TTL", "10s", "AUTH_ACCESS_TTL"},
		{"AUTH_KEY_ROTATION", "5m", "AUTH_KEY_ROTATION"},
		{"AUTH_KEY_ENCRYPTION_KEY", "short", "AUTH_KEY_ENCRYPTION_KEY"},
		{"SMTP_TLS", "maybe", "SMTP_TLS"},
		{"AUTH_REFRESH_IDLE_TTL", "1000h", "AUTH_REFRESH_IDLE_TTL"},
	}
	for _, b := range bad {
		t.Run(b.key, func(t *testing.T) {
			t.Setenv(b.key, b.value)
			cfg, err := ConfigFromEnv()
			if err == nil {
				err = cfg.Validate()
			}
			if err == nil || !strings.Contains(err.Error(), b.names) {
				t.Fatalf("%s=%s: %v", b.key, b.value, err)
			}
		})
	}
	t.Setenv("AUTH_COOKIE_SECURE", "sometimes")
	if _, err := ConfigFromEnv(); err == nil {
		t.Fatal("AUTH_COOKIE_SECURE=sometimes accepted")
	}
}

// TestSeedAndCreateAdmin: seed creates the two documented accounts once;
// create-admin reads the password from stdin or AUTH_ADMIN_PASSWORD,
// creates an admin or promotes an existing account.
func TestSeedAndCreateAdmin(t *testing.T) {
	url := pgtest.URL(t)
	t.Setenv("DATABASE_URL", url)
	t.Setenv("LOG_LEVEL", "error")
	t.Setenv(AdminPasswordEnv, "")
	cli := func(stdin string, args ...string) (int, string) {
		var out bytes.Buffer
		code := run(t.Context(), args, strings.NewReader(stdin), &out, &out, hooks{})
		return code, out.String()
	}
	for i, want := range []string{"created admin@nexus.local (ADMIN)", ""} {
		code, out := cli("", "seed")
		if code != exitOK || (want != "" && !strings.Contains(out, want)) || (want == "" && strings.Contains(out, "created")) {
			t.Fatalf("seed run %d: %d %s", i+1, code, out)
		}
	}
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	role := func(email string) (r string) {
		if err := db.Get(&r, `SELECT role || ':' || email_verified FROM auth.users WHERE email = $1`, email); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if role("admin@nexus.local") != "ADMIN:true" || role("shopper@nexus.local") != "CUSTOMER:true" {
		t.Fatal("seeded accounts have the wrong role or are unverified")
	}

	if code, out := cli("", "create-admin", "--email", "ops@example.com"); code != exitFailure || !strings.Contains(out, AdminPasswordEnv) {
		t.Fatalf("no password: %d %s", code, out)
	}
	if code, out := cli("short\n", "create-admin", "--email", "ops@example.com"); code != exitFailure || !strings.Contains(out, "password: must be at least 10") {
		t.Fatalf("weak password: %d %s", code, out)
	}
	if code, out := cli("an operator password\n", "create-admin", "--email", "ops@example.com", "--first-name", "Op"); code != exitOK || !strings.Contains(out, "created admin") {
		t.Fatalf("create-admin: %d %s", code, out)
	}
	t.Setenv(AdminPasswordEnv, "an operator password")
	if code, out := cli("", "create-admin", "--email", "shopper@nexus.local"); code != exitOK || role("shopper@nexus.local") != "ADMIN:true" {
		t.Fatalf("promote: %d %s", code, out)
	}
	var revoked int
	if err := db.Get(&revoked, `SELECT count(*) FROM auth.revocations`); err != nil || revoked != 1 {
		t.Fatalf("promotion wrote %d revocations", revoked)
	}
	if role("ops@example.com") != "ADMIN:true" {
		t.Fatal("create-admin did not make an admin")
	}
}

// /revocations answers only requests the router signed (when a secret is
// configured), like GraphQL in production; the JWKS is public.
func TestRevocationsNeedTheRouter(t *testing.T) {
	s := startServe(t, nil)
	get := func(header string) int {
		req, _ := http.NewRequest(http.MethodGet, s.base+"/revocations?after=0", nil)
		if header != "" {
			req.Header.Set(kitauth.HeaderName, header)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	anon, err := kitauth.SignAnonymous([]byte(testSecret), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	forged, _ := kitauth.SignAnonymous([]byte("another-secret-another-secret-!!"), time.Now())
	if code := get(""); code != http.StatusForbidden {
		t.Fatalf("unsigned: %d", code)
	}
	if code := get(forged); code != http.StatusForbidden {
		t.Fatalf("forged: %d", code)
	}
	if code := get(anon); code != http.StatusOK {
		t.Fatalf("router-signed: %d", code)
	}
	fetchJWKS(t, s.base) // public
}
