package config

import (
	"strings"
	"testing"
	"time"
)

// setenv sets key for the test, or leaves it unset when value is nil.
func setenv(t *testing.T, key string, value *string) {
	t.Helper()
	t.Setenv(key, "")
	if value != nil {
		t.Setenv(key, *value)
	}
}

func ptr(s string) *string { return &s }

func TestString(t *testing.T) {
	tests := []struct {
		name  string
		value *string
		want  string
	}{
		{"unset", nil, "def"},
		{"empty means default", ptr(""), "def"},
		{"set", ptr("x"), "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setenv(t, "NEXUS_T", tt.value)
			if got := String("NEXUS_T", "def"); got != tt.want {
				t.Fatalf("String = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParsers(t *testing.T) {
	tests := []struct {
		name    string
		value   *string
		parse   func() (any, error)
		want    any
		wantErr string
	}{
		{"int unset", nil, func() (any, error) { return Int("NEXUS_T", 3) }, 3, ""},
		{"int", ptr("7"), func() (any, error) { return Int("NEXUS_T", 3) }, 7, ""},
		{"int bad", ptr("seven"), func() (any, error) { return Int("NEXUS_T", 3) }, nil, `NEXUS_T: "seven" is not an integer`},
		{"duration unset", nil, func() (any, error) { return Duration("NEXUS_T", time.Second) }, time.Second, ""},
		{"duration", ptr("2m"), func() (any, error) { return Duration("NEXUS_T", time.Second) }, 2 * time.Minute, ""},
		{"duration bare number", ptr("30"), func() (any, error) { return Duration("NEXUS_T", time.Second) }, nil, `NEXUS_T: "30" is not a duration`},
		{"bool unset", nil, func() (any, error) { return Bool("NEXUS_T", true) }, true, ""},
		{"bool", ptr("false"), func() (any, error) { return Bool("NEXUS_T", true) }, false, ""},
		{"bool 1", ptr("1"), func() (any, error) { return Bool("NEXUS_T", false) }, true, ""},
		{"bool bad", ptr("maybe"), func() (any, error) { return Bool("NEXUS_T", false) }, nil, `NEXUS_T: "maybe" is not true or false`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setenv(t, "NEXUS_T", tt.value)
			got, err := tt.parse()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
