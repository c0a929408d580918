package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Web serves the built storefront from the router's origin: the shell at
// /, microfrontends under /mfe/<name>/, index.html for app routes.
type Web struct {
	// Dir is the built tree (scripts/web.sh writes web/dist), relative to
	// the config file. Empty turns the storefront off.
	Dir string `yaml:"dir"`
	// ContentSecurityPolicy replaces the default policy (web.DefaultCSP:
	// same-origin scripts, styles with inline, images with data:, fetch
	// and WebSocket to the same origin); "off" sends none.
	ContentSecurityPolicy string `yaml:"content_security_policy"`
}

// validateWeb checks that web.dir, when set, is a built tree: a directory
// holding index.html, so a router started before `make web` says so at
// start instead of answering 404s.
func (c *Config) validateWeb() []error {
	if c.Web.Dir == "" {
		return nil
	}
	dir := c.Path(c.Web.Dir)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return []error{fmt.Errorf("web.dir: %s does not exist (build the storefront with `make web`)", dir)}
	case err != nil:
		return []error{fmt.Errorf("web.dir: %w", err)}
	case !st.IsDir():
		return []error{fmt.Errorf("web.dir: %s is not a directory", dir)}
	}
	if st, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || !st.Mode().IsRegular() {
		return []error{fmt.Errorf("web.dir: %s has no index.html (build the storefront with `make web`)", dir)}
	}
	if strings.ContainsAny(c.Web.ContentSecurityPolicy, "\r\n") {
		return []error{errors.New("web.content_security_policy: must be one line")}
	}
	return nil
}
