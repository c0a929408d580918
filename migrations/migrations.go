// Package migrations embeds every domain's SQL migrations so each service
// binary carries and applies its own schema on start.
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed */*.sql
var files embed.FS

// FS returns the migrations of one domain (golang-migrate file naming:
// NNNN_name.up.sql / NNNN_name.down.sql).
func FS(domain string) (fs.FS, error) {
	for _, d := range Domains() {
		if d == domain {
			return fs.Sub(files, domain)
		}
	}
	return nil, fmt.Errorf("migrations: unknown domain %q (known: %s)", domain, strings.Join(Domains(), ", "))
}

// Domains lists the domains that have migrations.
func Domains() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}
