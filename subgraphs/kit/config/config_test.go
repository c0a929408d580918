package config

import (
	"strings"
	"testing"
	"time"
)

func TestEnv(t *testing.T) {
	t.Setenv("N_OK", "7")
	t.Setenv("N_BAD", "seven")
	t.Setenv("D_OK", "2s")
	t.Setenv("B_BAD", "maybe")
	if n, err := Int("N_OK", 1); err != nil || n != 7 {
		t.Fatalf("Int = %d, %v", n, err)
	}
	if n, err := Int("N_UNSET", 3); err != nil || n != 3 {
		t.Fatalf("Int default = %d, %v", n, err)
	}
	if _, err := Int("N_BAD", 1); err == nil || !strings.Contains(err.Error(), `N_BAD: "seven"`) {
		t.Fatalf("Int bad = %v", err)
	}
	if d, err := Duration("D_OK", time.Second); err != nil || d != 2*time.Second {
		t.Fatalf("Duration = %v, %v", d, err)
	}
	if _, err := Bool("B_BAD", false); err == nil || !strings.Contains(err.Error(), "B_BAD") {
		t.Fatalf("Bool bad = %v", err)
	}
	if s := String("S_UNSET", "def"); s != "def" {
		t.Fatalf("String = %q", s)
	}
}
