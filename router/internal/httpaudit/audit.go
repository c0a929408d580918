// Package httpaudit checks the router against the GraphQL over HTTP spec by
// running the graphql-http npm package's server audit — the reference suite
// the spec's authors maintain — instead of a hand-written copy of its cases
// that would drift from the spec. The npm packages are pinned in
// package-lock.json beside this file and installed into a git-ignored
// node_modules on first use.
package httpaudit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Result is one audit as graphql-http reports it.
type Result struct {
	// ID is graphql-http's stable id for the audit, e.g. "22EB".
	ID string `json:"id"`
	// Name starts with the requirement level: "MUST ...", "SHOULD ..." or "MAY ...".
	Name string `json:"name"`
	// Status is "ok", or "error" (a MUST failed), "warn" (SHOULD) or "notice" (MAY).
	Status string `json:"status"`
	// Reason, HTTPStatus, ContentType and Body describe a failure.
	Reason      string `json:"reason"`
	HTTPStatus  int    `json:"httpStatus"`
	ContentType string `json:"contentType"`
	Body        string `json:"body"`
}

// Level is the audit's RFC 2119 requirement level: MUST, SHOULD or MAY.
func (r Result) Level() string {
	level, _, _ := strings.Cut(r.Name, " ")
	return level
}

// Passed reports whether the server met the audit.
func (r Result) Passed() bool { return r.Status == "ok" }

// ErrNoNode means node or npm is not on PATH; callers decide whether that
// skips or fails.
var ErrNoNode = errors.New("httpaudit: node and npm are required (Node 20+)")

// Dir is the directory holding package.json, package-lock.json and audit.mjs.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Install runs `npm ci` in Dir unless node_modules already holds exactly the
// versions package-lock.json pins, so repeated runs stay offline.
func Install(ctx context.Context) error {
	if _, err := exec.LookPath("node"); err != nil {
		return ErrNoNode
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return ErrNoNode
	}
	dir := Dir()
	if installed(dir) {
		return nil
	}
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("httpaudit: npm ci in %s: %v\n%s", dir, err, out)
	}
	return nil
}

// installed compares the versions npm recorded in node_modules with the lock.
func installed(dir string) bool {
	want, err := lockVersions(filepath.Join(dir, "package-lock.json"))
	if err != nil || len(want) == 0 {
		return false
	}
	have, err := lockVersions(filepath.Join(dir, "node_modules", ".package-lock.json"))
	if err != nil {
		return false
	}
	for path, v := range want {
		if have[path] != v {
			return false
		}
	}
	return true
}

func lockVersions(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(raw, &lock); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]string{}
	for p, pkg := range lock.Packages {
		if p != "" {
			out[p] = pkg.Version
		}
	}
	return out, nil
}

// Run installs the pinned packages if needed and audits the GraphQL endpoint
// at url, returning every audit's result in graphql-http's order.
func Run(ctx context.Context, url string) ([]Result, error) {
	if err := Install(ctx); err != nil {
		return nil, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "node", "audit.mjs", url)
	cmd.Dir = Dir()
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("httpaudit: node audit.mjs: %v\n%s", err, stderr.Bytes())
	}
	var results []Result
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		return nil, fmt.Errorf("httpaudit: audit output is not a JSON list of results: %v\n%s", err, stdout.Bytes())
	}
	if len(results) == 0 {
		return nil, errors.New("httpaudit: the audit reported no results")
	}
	return results, nil
}

// Tally counts passed and failed audits of one requirement level.
type Tally struct{ Pass, Fail int }

// Count tallies results by level (MUST, SHOULD, MAY).
func Count(results []Result) map[string]Tally {
	out := map[string]Tally{}
	for _, r := range results {
		t := out[r.Level()]
		if r.Passed() {
			t.Pass++
		} else {
			t.Fail++
		}
		out[r.Level()] = t
	}
	return out
}
