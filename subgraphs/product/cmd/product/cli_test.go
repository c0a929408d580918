package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{[]string{"-h"}, exitOK, "Usage:", ""},
		{[]string{"--help"}, exitOK, "Usage:", ""},
		{[]string{"help"}, exitOK, "DATABASE_URL", ""},
		{[]string{"seed", "-h"}, exitOK, "product migrate", ""},
		{[]string{"bogus"}, exitUsage, "", `unknown command "bogus"`},
		{[]string{"serve", "--port=1"}, exitUsage, "", `unexpected argument "--port=1"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(t.Context(), tt.args, &stdout, &stderr, hooks{})
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr: %s", code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantStdout, stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, stderr.String())
			}
			if tt.wantCode == exitUsage && !strings.Contains(stderr.String(), "Usage:") {
				t.Error("a usage error does not print the usage")
			}
		})
	}
}

func TestConfigFromEnvDefaults(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://postgres@db.test:5432/nexus?sslmode=disable")
	for _, k := range []string{"HTTP_ADDR", "PUBLIC_URL", "SHUTDOWN_TIMEOUT", "NEXUS_MODE", "GRAPHQL_MAX_DEPTH", "GRAPHQL_MAX_ALIASES", "GRAPHQL_MAX_FIELDS", "GRAPHQL_MAX_BODY_BYTES", kitauth.SecretEnv} {
		t.Setenv(k, "")
	}
	cfg, err := ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTPAddr != ":4001" || cfg.PublicURL != "http://127.0.0.1:4000" || cfg.ShutdownTimeout != 10*time.Second ||
		cfg.Mode != ModeProduction || cfg.MaxBodyBytes != 1<<20 || cfg.Limits != (server.Limits{MaxDepth: 32, MaxAliases: 256, MaxFields: 20000}) {
		t.Errorf("defaults = %+v", cfg)
	}
	// Production is the default; serving needs the router's secret
	// (migrate and seed do not).
	if err := cfg.Validate(); err != nil {
		t.Errorf("default config is invalid: %v", err)
	}
	if err := cfg.ValidateServe(); err == nil || !strings.Contains(err.Error(), kitauth.SecretEnv) || !strings.Contains(err.Error(), "NEXUS_MODE=development") {
		t.Errorf("serving in production without a secret: %v", err)
	}
	cfg.RouterSecret = []byte("0123456789abcdef0123456789abcdef")
	if err := cfg.Validate(); err != nil {
		t.Errorf("default config with a secret is invalid: %v", err)
	}

	t.Setenv("PUBLIC_URL", "https://shop.example.com/")
	if cfg, _ := ConfigFromEnv(); cfg.PublicURL != "https://shop.example.com" {
		t.Errorf("PUBLIC_URL = %q, want the trailing slash trimmed", cfg.PublicURL)
	}
}

func TestConfigValidate(t *testing.T) {
	valid := Config{
		HTTPAddr:        ":4001",
		PublicURL:       "http://127.0.0.1:4000",
		Mode:            ModeDevelopment,
		MaxBodyBytes:    1 << 20,
		ShutdownTimeout: time.Second,
		DB:              pg.Config{URL: "postgres://db.test/nexus", MaxOpenConns: 2, ConnectTimeout: time.Second},
	}
	tests := []struct {
		name    string
		mutate  func(*Config)
		wantErr string
	}{
		{"valid", func(*Config) {}, ""},
		{"host and port", func(c *Config) { c.HTTPAddr = "127.0.0.1:0" }, ""},
		{"no port", func(c *Config) { c.HTTPAddr = "localhost" }, "HTTP_ADDR"},
		{"relative public URL", func(c *Config) { c.PublicURL = "/shop" }, "PUBLIC_URL"},
		{"public URL with query", func(c *Config) { c.PublicURL = "https://shop.test?x=1" }, "PUBLIC_URL"},
		{"ftp public URL", func(c *Config) { c.PublicURL = "ftp://shop.test" }, "PUBLIC_URL"},
		{"no shutdown grace", func(c *Config) { c.ShutdownTimeout = 0 }, "SHUTDOWN_TIMEOUT"},
		{"no database", func(c *Config) { c.DB.URL = "" }, "DATABASE_URL"},
		{"production with secret", func(c *Config) { c.Mode, c.RouterSecret = ModeProduction, []byte("0123456789abcdef0123456789abcdef") }, ""},
		{"a short secret", func(c *Config) { c.Mode, c.RouterSecret = ModeProduction, []byte("short") }, "NEXUS_ROUTER_SECRET"},
		{"unknown mode", func(c *Config) { c.Mode = "staging" }, "NEXUS_MODE"},
		{"no body limit", func(c *Config) { c.MaxBodyBytes = 0 }, "GRAPHQL_MAX_BODY_BYTES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid
			tt.mutate(&c)
			err := c.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Validate() = %v, want an error naming %s", err, tt.wantErr)
			}
		})
	}
}

// serve refuses to start in production without the router's secret;
// migrate does not need it.
func TestServeInProductionNeedsTheSecret(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://postgres@db.test:5432/nexus?sslmode=disable")
	t.Setenv("NEXUS_MODE", "")
	t.Setenv(kitauth.SecretEnv, "")
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"serve"}, &stdout, &stderr, hooks{}); code != exitUsage || !strings.Contains(stderr.String(), kitauth.SecretEnv) {
		t.Errorf("serve: exit %d, stderr %s", code, stderr.String())
	}
}

func TestMissingDatabaseURL(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"migrate"}, &stdout, &stderr, hooks{}); code != exitUsage {
		t.Errorf("exit code = %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr.String(), "DATABASE_URL") {
		t.Errorf("stderr does not name DATABASE_URL:\n%s", stderr.String())
	}
}
