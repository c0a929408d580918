package pg

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestOpenGivesUpClearly(t *testing.T) {
	cfg := Config{URL: "postgres://u:secret@127.0.0.1:1/x?sslmode=disable", MaxOpenConns: 1, ConnectTimeout: 300 * time.Millisecond}
	_, err := Open(context.Background(), cfg, nil)
	if err == nil || !strings.Contains(err.Error(), "did not answer within") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "secret") {
		t.Fatalf("password leaked: %v", err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no url", Config{MaxOpenConns: 1, ConnectTimeout: time.Second}, "DATABASE_URL is not set"},
		{"bad scheme", Config{URL: "mysql://x", MaxOpenConns: 1, ConnectTimeout: time.Second}, "not a postgres:// URL"},
		{"pool", Config{URL: "postgres://x", MaxOpenConns: 0, ConnectTimeout: time.Second}, "DB_MAX_OPEN_CONNS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.cfg.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if got := Redact("postgres://u:pw@h/db"); strings.Contains(got, "pw") {
		t.Fatalf("Redact = %q", got)
	}
}
