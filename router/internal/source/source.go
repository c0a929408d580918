// Package source produces the supergraph the router serves: read from a
// supergraph file, or composed at start from the configured subgraphs'
// SDL files or their live `_service { sdl }`.
package source

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// Load returns the parsed supergraph for cfg.
func Load(ctx context.Context, cfg *config.Config) (*supergraph.Supergraph, error) {
	var sdl string
	if cfg.Supergraph != "" {
		b, err := os.ReadFile(cfg.Path(cfg.Supergraph))
		if err != nil {
			return nil, fmt.Errorf("supergraph: %w", err)
		}
		sdl = string(b)
	} else {
		var err error
		if sdl, err = Compose(ctx, cfg); err != nil {
			return nil, err
		}
	}
	sg, err := supergraph.ParseWith(sdl, supergraph.Options{OverrideLabels: cfg.OverrideLabels})
	if err != nil {
		return nil, err
	}
	for _, s := range cfg.Subgraphs {
		if _, ok := sg.Graph(s.Name); !ok && cfg.Supergraph != "" {
			return nil, fmt.Errorf("config lists subgraph %q, which the supergraph %s does not contain", s.Name, cfg.Supergraph)
		}
	}
	return sg, nil
}

// Compose composes the configured subgraphs into a supergraph SDL.
func Compose(ctx context.Context, cfg *config.Config) (string, error) {
	subgraphs := make([]compose.Subgraph, 0, len(cfg.Subgraphs))
	for _, s := range cfg.Subgraphs {
		sdl, err := SDL(ctx, cfg, s)
		if err != nil {
			return "", err
		}
		subgraphs = append(subgraphs, compose.Subgraph{Name: s.Name, URL: s.RoutingURL, SDL: sdl})
	}
	return compose.Compose(subgraphs)
}

// SDL returns one subgraph's SDL from its file or by introspection.
func SDL(ctx context.Context, cfg *config.Config, s config.Subgraph) (string, error) {
	if !s.Introspect {
		b, err := os.ReadFile(cfg.Path(s.SchemaFile))
		if err != nil {
			return "", fmt.Errorf("subgraph %q: %w", s.Name, err)
		}
		return string(b), nil
	}
	return introspect(ctx, s)
}

// introspect asks a live subgraph for its SDL via `_service { sdl }`.
func introspect(ctx context.Context, s config.Subgraph) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	body := []byte(`{"query":"query __NexusServiceSDL { _service { sdl } }"}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.RoutingURL, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("subgraph %q: %w", s.Name, err)
	}
	req.Header.Set("Content-Type", "application/json")
	// Production subgraphs answer only the router's signed requests; sign
	// this one as anonymous when the shared secret is there.
	if secret, err := kitauth.SecretFromEnv(); err == nil {
		if v, err := kitauth.SignAnonymous(secret, time.Now()); err == nil {
			req.Header.Set(kitauth.HeaderName, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("subgraph %q: introspection at %s failed: %w", s.Name, s.RoutingURL, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return "", fmt.Errorf("subgraph %q: %w", s.Name, err)
	}
	var out struct {
		Data struct {
			Service struct {
				SDL string `json:"sdl"`
			} `json:"_service"`
		} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", fmt.Errorf("subgraph %q: introspection answered HTTP %d with non-JSON", s.Name, resp.StatusCode)
	}
	if len(out.Errors) > 0 || out.Data.Service.SDL == "" {
		msg := "no SDL"
		if len(out.Errors) > 0 {
			msg = out.Errors[0].Message
		}
		return "", fmt.Errorf("subgraph %q: _service { sdl } failed: %s", s.Name, msg)
	}
	return out.Data.Service.SDL, nil
}
