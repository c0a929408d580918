package main

import (
	"io"
	"testing"
)

func TestParseSeedLargeFlags(t *testing.T) {
	for _, tt := range []struct {
		args     []string
		code     int
		products int
		reset    bool
	}{
		{nil, -1, 100_000, false},
		{[]string{"--products", "2000", "--reset"}, -1, 2000, true},
		{[]string{"-products=5"}, -1, 5, false},
		{[]string{"--products", "0"}, exitUsage, 0, false},
		{[]string{"--products", "x"}, exitUsage, 0, false},
		{[]string{"extra"}, exitUsage, 0, false},
		{[]string{"-h"}, exitOK, 0, false},
	} {
		f, code := parseLarge(tt.args, io.Discard, io.Discard)
		if code != tt.code || (code == -1 && (f.products != tt.products || f.reset != tt.reset)) {
			t.Errorf("parseLarge(%q) = %+v, %d; want %d products, reset %v, code %d", tt.args, f, code, tt.products, tt.reset, tt.code)
		}
	}
}
