package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// healthcheck asks a running router for /healthz, for container health
// checks in images without a shell or curl.
func healthcheck(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("healthcheck", stderr)
	cfgPath := fs.String("config", envOr("ROUTER_CONFIG", defaultConfig), "")
	listen := fs.String("listen", os.Getenv("ROUTER_LISTEN"), "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	addr := *listen
	if addr == "" {
		cfg, err := loadConfig(serveFlags{config: *cfgPath, configGiven: true})
		if err != nil {
			addr = "127.0.0.1:4000"
		} else {
			addr = cfg.Listen
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", addr, resp.Status)
	}
	return nil
}
