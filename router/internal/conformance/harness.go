// Package conformance is the router's data-driven federation conformance
// harness: each suite under testdata/suites is a set of subgraph SDLs with
// fixture data, served by generic fixture subgraphs (fixture/), composed
// with schema/compose and served through the real router; its cases
// compare whole responses with goldens and record how many subgraph
// fetches each plan makes.
package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/conformance/fixture"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// Suite is one directory of testdata/suites.
type Suite struct {
	// Name is the directory name.
	Name string
	// Dir is the suite's directory.
	Dir string
	// Subgraphs are the suite's subgraphs in file-name order.
	Subgraphs []*fixture.Subgraph
	// Cases are the case names (cases/<name>.graphql), sorted.
	Cases []string
}

// SuitesDir is where the suites live.
func SuitesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata", "suites")
}

// LoadSuite reads a suite's SDLs, data and case names.
func LoadSuite(dir string) (*Suite, error) {
	s := &Suite{Name: filepath.Base(dir), Dir: dir}
	raw, err := os.ReadFile(filepath.Join(dir, "data.json"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	perSubgraph := map[string]json.RawMessage{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &perSubgraph); err != nil {
			return nil, fmt.Errorf("suite %s: data.json: %w", s.Name, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.graphqls"))
	sort.Strings(files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graphqls")
		sdl, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		data, err := fixture.ParseData(perSubgraph[name])
		if err != nil {
			return nil, fmt.Errorf("suite %s, subgraph %s: %w", s.Name, name, err)
		}
		delete(perSubgraph, name)
		sg, err := fixture.New(name, string(sdl), data)
		if err != nil {
			return nil, fmt.Errorf("suite %s: %w", s.Name, err)
		}
		s.Subgraphs = append(s.Subgraphs, sg)
	}
	for name := range perSubgraph {
		return nil, fmt.Errorf("suite %s: data.json has data for %s, which has no %s.graphqls", s.Name, name, name)
	}
	cases, _ := filepath.Glob(filepath.Join(dir, "cases", "*.graphql"))
	for _, c := range cases {
		s.Cases = append(s.Cases, strings.TrimSuffix(filepath.Base(c), ".graphql"))
	}
	sort.Strings(s.Cases)
	return s, nil
}

// Env is a suite served by the real router.
type Env struct {
	// RouterURL is the router's GraphQL endpoint.
	RouterURL string
	// Supergraph is the composed supergraph SDL.
	Supergraph string
	suite      *Suite
}

// Start serves the suite's subgraphs and a router over them on ephemeral
// ports; everything stops when t ends. The router shows planner errors
// (development mode), so a case the planner refuses says why.
func Start(t testing.TB, s *Suite) *Env {
	t.Helper()
	env, composeErr, err := start(t, s)
	if err == nil {
		err = composeErr
	}
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// start is Start returning the composition error apart, so a test can
// expect it (knownBrokenSuites): a suite our composer refuses runs on the
// hand-written supergraph.graphql in its directory, if it has one.
func start(t testing.TB, s *Suite) (env *Env, composeErr, err error) {
	var subs []compose.Subgraph
	for _, sg := range s.Subgraphs {
		srv := httptest.NewServer(sg)
		t.Cleanup(srv.Close)
		subs = append(subs, compose.Subgraph{Name: sg.Name, URL: srv.URL, SDL: sg.SDL})
	}
	urls := map[string]string{}
	for _, sub := range subs {
		urls[sub.Name] = sub.URL
	}
	sdl, composeErr := compose.Compose(subs)
	if composeErr != nil {
		composeErr = fmt.Errorf("compose suite %s: %w", s.Name, composeErr)
		b, err := os.ReadFile(filepath.Join(s.Dir, "supergraph.graphql"))
		if err != nil {
			return nil, composeErr, composeErr
		}
		sdl = string(b)
	}
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		return nil, composeErr, fmt.Errorf("parse the supergraph of suite %s: %w", s.Name, err)
	}
	gw, err := gateway.New(gateway.Options{Supergraph: sg, URLs: urls, SubgraphTimeout: 5 * time.Second, ShowPlanErrors: true,
		// Cases run one at a time per suite and count fetches; sharing
		// could only hide a fetch.
		DisableSingleFlight: true})
	if err != nil {
		return nil, composeErr, fmt.Errorf("gateway for suite %s: %w", s.Name, err)
	}
	t.Cleanup(gw.Close)
	cfg := &config.Config{}
	cfg.Defaults()
	srv := server.New(server.Options{Path: cfg.GraphQLPath, Limits: cfg.Limits})
	srv.Swap(gw)
	rs := httptest.NewServer(srv.Handler())
	t.Cleanup(rs.Close)
	return &Env{RouterURL: rs.URL + cfg.GraphQLPath, Supergraph: sdl, suite: s}, composeErr, nil
}

// Reset forgets the requests every subgraph received.
func (e *Env) Reset() {
	for _, sg := range e.suite.Subgraphs {
		sg.Reset()
	}
}

// Fetches returns the requests each subgraph received since Reset, by
// subgraph name, and their total.
func (e *Env) Fetches() (map[string][]fixture.Request, int) {
	out := map[string][]fixture.Request{}
	n := 0
	for _, sg := range e.suite.Subgraphs {
		if r := sg.Requests(); len(r) > 0 {
			out[sg.Name] = r
			n += len(r)
		}
	}
	return out, n
}

// Post sends one GraphQL request to the router and returns the raw body.
func Post(t testing.TB, url, query string, vars json.RawMessage) []byte {
	t.Helper()
	req := map[string]any{"query": query}
	if len(vars) > 0 {
		req["variables"] = vars
	}
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read response of %s: %v", url, err)
	}
	return raw
}
