// Package logging builds the slog logger every binary uses, so level and
// format are configured by the same variables everywhere.
package logging

import (
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
)

// Defaults of FromEnv, as in docs/conventions.md.
const (
	DefaultLevel  = "info"
	DefaultFormat = "text"
)

var levels = map[string]slog.Level{
	"debug": slog.LevelDebug,
	"info":  slog.LevelInfo,
	"warn":  slog.LevelWarn,
	"error": slog.LevelError,
}

// New returns a logger writing to w at level (debug, info, warn or error,
// any case) in format (text for terminals, json for log collectors). Other
// values are an error rather than a silent default, so a typo in
// LOG_LEVEL does not hide the logs someone is looking for.
func New(w io.Writer, level, format string) (*slog.Logger, error) {
	l, ok := levels[strings.ToLower(level)]
	if !ok {
		return nil, fmt.Errorf("log level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch strings.ToLower(format) {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}

// FromEnv is New configured by LOG_LEVEL (default info) and LOG_FORMAT
// (default text); errors name the variable.
func FromEnv(w io.Writer) (*slog.Logger, error) {
	level := config.String("LOG_LEVEL", DefaultLevel)
	format := config.String("LOG_FORMAT", DefaultFormat)
	log, err := New(w, level, format)
	if err != nil {
		if _, ok := levels[strings.ToLower(level)]; !ok {
			return nil, fmt.Errorf("LOG_LEVEL: %w", err)
		}
		return nil, fmt.Errorf("LOG_FORMAT: %w", err)
	}
	return log, nil
}
