// Package migrations embeds every domain's SQL migrations so each service
// binary carries its own schema and applies it on start (kit/migrate.Up),
// with no migration files to ship or mount beside it.
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// files holds migrations/<domain>/NNNN_name.up.sql and .down.sql.
//
//go:embed */*.sql
var files embed.FS

// FS returns one domain's migrations, rooted at its folder (golang-migrate
// naming: NNNN_name.up.sql / NNNN_name.down.sql), ready for kit/migrate.Up.
// An unknown domain is an error listing the known ones, so a typo in a
// service's domain name fails at start, not as "no migrations".
func FS(domain string) (fs.FS, error) {
	known := Domains()
	if !slices.Contains(known, domain) {
		return nil, fmt.Errorf("migrations: unknown domain %q (known: %s)", domain, strings.Join(known, ", "))
	}
	return fs.Sub(files, domain)
}

// Domains lists, sorted, the domains that have migrations, so tools can
// migrate every schema without a hand-kept list.
func Domains() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(fmt.Sprintf("migrations: embedded files unreadable: %v", err)) // cannot happen with embed.FS
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out // fs.ReadDir sorts by name
}
