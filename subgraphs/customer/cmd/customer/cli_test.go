package main

import (
	"bytes"
	"strings"
	"testing"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{[]string{"-h"}, exitOK, "Usage:", ""},
		{[]string{"help"}, exitOK, "CUSTOMER_TEST_TOKENIZER", ""},
		{[]string{"migrate", "--help"}, exitOK, "customer migrate", ""},
		{[]string{"seed"}, exitUsage, "", `unknown command "seed"`},
		{[]string{"serve", "--port=1"}, exitUsage, "", `unexpected argument "--port=1"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(t.Context(), tt.args, &stdout, &stderr, hooks{})
			if code != tt.wantCode || !strings.Contains(stdout.String(), tt.wantStdout) || !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
			}
		})
	}
}

func TestConfig(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://postgres@db.test:5432/nexus?sslmode=disable")
	for _, k := range []string{"HTTP_ADDR", "NEXUS_MODE", "CUSTOMER_TEST_TOKENIZER", kitauth.SecretEnv} {
		t.Setenv(k, "")
	}
	cfg, err := ConfigFromEnv()
	if err != nil || cfg.HTTPAddr != ":4003" || cfg.Mode != ModeProduction || cfg.TestTokenizer {
		t.Fatalf("defaults %+v, %v", cfg, err)
	}
	if err := cfg.ValidateServe(); err == nil || !strings.Contains(err.Error(), kitauth.SecretEnv) {
		t.Fatalf("production without secret: %v", err)
	}
	t.Setenv("NEXUS_MODE", "development")
	if cfg, _ := ConfigFromEnv(); !cfg.TestTokenizer || cfg.ValidateServe() != nil {
		t.Fatalf("development: %+v", cfg)
	}
	t.Setenv("CUSTOMER_TEST_TOKENIZER", "0")
	if cfg, _ := ConfigFromEnv(); cfg.TestTokenizer {
		t.Fatal("CUSTOMER_TEST_TOKENIZER=0 in development left it on")
	}
	t.Setenv("NEXUS_MODE", "production")
	t.Setenv("CUSTOMER_TEST_TOKENIZER", "1")
	if cfg, _ := ConfigFromEnv(); !cfg.TestTokenizer {
		t.Fatal("CUSTOMER_TEST_TOKENIZER=1 in production left it off")
	}
	t.Setenv("CUSTOMER_TEST_TOKENIZER", "yes please")
	if _, err := ConfigFromEnv(); err == nil || !strings.Contains(err.Error(), "CUSTOMER_TEST_TOKENIZER") {
		t.Fatalf("bad CUSTOMER_TEST_TOKENIZER: %v", err)
	}
	t.Setenv("CUSTOMER_TEST_TOKENIZER", "")
	t.Setenv("HTTP_ADDR", "nohost")
	t.Setenv("NEXUS_MODE", "staging")
	cfg, _ = ConfigFromEnv()
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "HTTP_ADDR") || !strings.Contains(err.Error(), "NEXUS_MODE") {
		t.Fatalf("Validate: %v", err)
	}
}
