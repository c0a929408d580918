package config

import (
	"errors"
	"strings"

	"github.com/nexus-commerce/nexus/router/internal/web"
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
	var errs []error
	if c.Web.Dir != "" {
		if err := web.Check(c.Path(c.Web.Dir)); err != nil {
			errs = append(errs, err)
		}
	}
	if strings.ContainsAny(c.Web.ContentSecurityPolicy, "\r\n") {
		errs = append(errs, errors.New("web.content_security_policy: must be one line"))
	}
	return errs
}
