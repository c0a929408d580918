// Package config reads service settings from the environment with
// documented defaults; every error names the variable and the bad value so
// a misconfigured deployment fails at start with a clear message.
package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// String returns the variable's value, or def when unset or empty (an
// empty value in a compose file or unit means "use the default").
func String(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

// Int parses an integer variable, or returns def when unset or empty; a
// bad value is an error, never silently the default.
func Int(key string, def int) (int, error) {
	v, ok := os.LookupEnv(key)
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not an integer", key, v)
	}
	return n, nil
}

// Duration parses a Go duration ("30s", "5m"), or returns def when unset
// or empty; bare numbers are rejected because their unit is ambiguous.
func Duration(key string, def time.Duration) (time.Duration, error) {
	v, ok := os.LookupEnv(key)
	if !ok || v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a duration (like 30s or 5m)", key, v)
	}
	return d, nil
}

// Bool parses a boolean variable (true/false/1/0), or returns def when
// unset or empty.
func Bool(key string, def bool) (bool, error) {
	v, ok := os.LookupEnv(key)
	if !ok || v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: %q is not true or false", key, v)
	}
	return b, nil
}
