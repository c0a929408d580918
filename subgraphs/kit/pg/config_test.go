package pg

import (
	"strings"
	"testing"
	"time"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr []string
	}{
		{
			name: "defaults",
			env:  map[string]string{"DATABASE_URL": "postgres://db.test/nexus"},
			want: Config{URL: "postgres://db.test/nexus", MaxOpenConns: 20, MaxIdleConns: 10, ConnMaxLifetime: 30 * time.Minute, ConnectTimeout: 30 * time.Second},
		},
		{
			name: "overrides",
			env: map[string]string{"DATABASE_URL": "postgres://db.test/nexus", "DB_MAX_OPEN_CONNS": "5", "DB_MAX_IDLE_CONNS": "2",
				"DB_CONN_MAX_LIFETIME": "1h", "DB_CONNECT_TIMEOUT": "3s"},
			want: Config{URL: "postgres://db.test/nexus", MaxOpenConns: 5, MaxIdleConns: 2, ConnMaxLifetime: time.Hour, ConnectTimeout: 3 * time.Second},
		},
		{
			name:    "missing url",
			env:     map[string]string{"DATABASE_URL": ""},
			wantErr: []string{"DATABASE_URL is not set"},
		},
		{
			name:    "every bad value named",
			env:     map[string]string{"DATABASE_URL": "postgres://db.test/x", "DB_MAX_OPEN_CONNS": "many", "DB_CONNECT_TIMEOUT": "soon"},
			wantErr: []string{`DB_MAX_OPEN_CONNS: "many"`, `DB_CONNECT_TIMEOUT: "soon"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"DATABASE_URL", "DB_MAX_OPEN_CONNS", "DB_MAX_IDLE_CONNS", "DB_CONN_MAX_LIFETIME", "DB_CONNECT_TIMEOUT"} {
				t.Setenv(k, tt.env[k])
			}
			got, err := ConfigFromEnv()
			if len(tt.wantErr) == 0 {
				if err != nil || got != tt.want {
					t.Fatalf("ConfigFromEnv = %+v, %v; want %+v", got, err, tt.want)
				}
				return
			}
			for _, w := range tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestValidate(t *testing.T) {
	ok := Config{URL: "postgres://db.test/x", MaxOpenConns: 2, MaxIdleConns: 5, ConnectTimeout: time.Second}
	tests := []struct {
		name   string
		mutate func(*Config)
		want   string // "" means valid
	}{
		{"valid, idle above open is clamped later", func(*Config) {}, ""},
		{"postgresql scheme", func(c *Config) { c.URL = "postgresql://db.test/x" }, ""},
		{"socket host in query", func(c *Config) { c.URL = "postgres:///x?host=/run/postgresql" }, ""},
		{"no url", func(c *Config) { c.URL = "" }, "DATABASE_URL is not set"},
		{"bad scheme", func(c *Config) { c.URL = "mysql://u:hunter2@db.test/x" }, "is not a postgres://"},
		{"no host", func(c *Config) { c.URL = "postgres:x" }, "is not a postgres://"},
		{"pool", func(c *Config) { c.MaxOpenConns = 0 }, "DB_MAX_OPEN_CONNS"},
		{"idle", func(c *Config) { c.MaxIdleConns = -1 }, "DB_MAX_IDLE_CONNS"},
		{"lifetime", func(c *Config) { c.ConnMaxLifetime = -time.Second }, "DB_CONN_MAX_LIFETIME"},
		{"timeout", func(c *Config) { c.ConnectTimeout = 0 }, "DB_CONNECT_TIMEOUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.mutate(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate = %v, want %q", err, tt.want)
			case err != nil && strings.Contains(err.Error(), "hunter2"):
				t.Fatalf("password in error: %v", err)
			}
		})
	}
}
