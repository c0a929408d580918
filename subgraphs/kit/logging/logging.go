// Package logging builds the slog logger every binary uses, so level and
// format are configured the same way everywhere.
package logging

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
)

// New returns a logger writing to w at level (debug|info|warn|error) in
// format (text|json).
func New(w io.Writer, level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}

// FromEnv reads LOG_LEVEL (default info) and LOG_FORMAT (default text).
func FromEnv(w io.Writer) (*slog.Logger, error) {
	return New(w, config.String("LOG_LEVEL", "info"), config.String("LOG_FORMAT", "text"))
}
