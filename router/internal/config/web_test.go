package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWebDir: web.dir resolves against the config file and must be a
// built tree (a directory with index.html); unset means off.
func TestWebDir(t *testing.T) {
	base := t.TempDir()
	_ = os.MkdirAll(filepath.Join(base, "built"), 0o755)
	_ = os.WriteFile(filepath.Join(base, "built", "index.html"), []byte("<title>x</title>"), 0o644)
	_ = os.MkdirAll(filepath.Join(base, "empty"), 0o755)
	_ = os.MkdirAll(filepath.Join(base, "etc"), 0o755)
	cases := []struct{ web, want string }{
		{"", ""},
		{"web: {dir: ../built}", ""},
		{"web: {dir: ${WEB:-../built}}", ""},
		{"web: {dir: ../missing}", "does not exist"},
		{"web: {dir: ../empty}", "no index.html"},
		{"web: {dir: ../built/index.html}", "not a directory"},
	}
	for _, c := range cases {
		file := filepath.Join(base, "etc", "router.yaml")
		yaml := "subgraphs:\n  - {name: a, routing_url: http://127.0.0.1:1/graphql, introspect: true}\n" + c.web + "\n"
		if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(file, func(string) (string, bool) { return "", false })
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.web, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: error %v, want %q", c.web, err, c.want)
		case c.want == "" && c.web != "" && cfg.Path(cfg.Web.Dir) != filepath.Join(base, "built"):
			t.Errorf("%q: dir resolves to %s", c.web, cfg.Path(cfg.Web.Dir))
		}
	}
}
