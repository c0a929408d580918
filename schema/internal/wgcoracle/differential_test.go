package wgcoracle

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/schema/compose"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// oracle returns the wgc oracle, failing when Node is missing in CI or when
// NEXUS_REQUIRE_WGC=1, skipping loudly otherwise.
func oracle(t *testing.T) *Oracle {
	t.Helper()
	o, err := New()
	if errors.Is(err, ErrNoNode) && os.Getenv("NEXUS_REQUIRE_WGC") != "1" && os.Getenv("CI") == "" {
		t.Skipf("SKIPPING the wgc differential test: %v (set NEXUS_REQUIRE_WGC=1 to make this a failure)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// corpusSet is one directory of testdata/corpus: a subgraph per .graphqls
// file (the file name is the subgraph name); an error.txt file means both
// composers must reject the set and ours must name the rule it holds.
type corpusSet struct {
	name      string
	subgraphs []Subgraph
	wantRule  string
	// forWgc, from a wgc/ subdirectory, is the same graph written the way
	// wgc accepts it (see wgcVariants for why each exists).
	forWgc []Subgraph
	// want lists facts our metadata must contain (want.txt), checked for
	// sets wgc cannot compose (wgcRejects).
	want []string
}

func readSubgraphs(t *testing.T, dir string) []Subgraph {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.graphqls"))
	sort.Strings(files)
	var out []Subgraph
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".graphqls")
		out = append(out, Subgraph{Name: name, URL: "http://" + name + ":4000/graphql", SDL: string(b)})
	}
	return out
}

func loadCorpus(t *testing.T) []corpusSet {
	t.Helper()
	dirs, err := os.ReadDir("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	var sets []corpusSet
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := filepath.Join("testdata/corpus", d.Name())
		cs := corpusSet{name: d.Name(), subgraphs: readSubgraphs(t, dir), forWgc: readSubgraphs(t, filepath.Join(dir, "wgc"))}
		if (len(cs.forWgc) > 0) != (wgcVariants[cs.name] != "") {
			t.Fatalf("corpus set %s: a wgc/ variant needs a reason in wgcVariants and vice versa", cs.name)
		}
		if b, err := os.ReadFile(filepath.Join(dir, "want.txt")); err == nil {
			for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				cs.want = append(cs.want, strings.TrimSpace(line))
			}
		}
		if (len(cs.want) > 0) != (wgcRejects[cs.name].Reason != "") {
			t.Fatalf("corpus set %s: a set wgc rejects needs want.txt and a reason in wgcRejects, and vice versa", cs.name)
		}
		if b, err := os.ReadFile(filepath.Join("testdata/corpus", d.Name(), "error.txt")); err == nil {
			cs.wantRule = strings.TrimSpace(string(b))
		}
		if len(cs.subgraphs) == 0 {
			t.Fatalf("corpus set %s has no .graphqls files", d.Name())
		}
		sets = append(sets, cs)
	}
	suites, err := os.ReadDir(conformanceSuites)
	if err != nil {
		t.Fatalf("the router's conformance suites: %v", err)
	}
	for _, d := range suites {
		if !d.IsDir() {
			continue
		}
		cs := corpusSet{name: "conformance-" + d.Name(), subgraphs: readSubgraphs(t, filepath.Join(conformanceSuites, d.Name()))}
		if len(cs.subgraphs) == 0 {
			t.Fatalf("conformance suite %s has no .graphqls files", d.Name())
		}
		sets = append(sets, cs)
	}
	return sets
}

// conformanceSuites holds the router's conformance suites: each suite's
// subgraphs are a corpus set too (named conformance-<suite>), so the
// metadata the router plans those cases with matches Cosmo's.
const conformanceSuites = "../../../router/internal/conformance/testdata/suites"

// TestDifferentialAgainstWgc composes every corpus set with our composer and
// with `wgc router compose`, then compares the planner metadata our
// supergraph package reads from our supergraph with the metadata in Cosmo's
// router execution config, and our API schema with Cosmo's client schema.
// Known, reasoned disagreements are listed in allowlist_test.go; a listed
// difference that no longer occurs fails too, so the list stays honest.
func TestDifferentialAgainstWgc(t *testing.T) {
	o := oracle(t)
	sets := loadCorpus(t)
	if len(sets) < 30 {
		t.Fatalf("corpus has %d sets; the differential test needs at least 30", len(sets))
	}
	for _, cs := range sets {
		t.Run(cs.name, func(t *testing.T) {
			t.Parallel()
			var ours []compose.Subgraph
			for _, s := range cs.subgraphs {
				ours = append(ours, compose.Subgraph{Name: s.Name, URL: s.URL, SDL: s.SDL})
			}
			sdl, ourErr := compose.Compose(ours)
			forWgc := cs.subgraphs
			if len(cs.forWgc) > 0 {
				forWgc = cs.forWgc
			}
			cfg, wgcErr := o.Compose(forWgc)
			if cs.wantRule != "" {
				if ourErr == nil || !strings.Contains(ourErr.Error(), "["+cs.wantRule+"]") {
					t.Errorf("our composer: want rule %s, got %v", cs.wantRule, ourErr)
				}
				if wgcErr == nil {
					t.Errorf("wgc accepted a set our composer must reject with %s", cs.wantRule)
				}
				return
			}
			if rej := oursRejects[cs.name]; rej.Reason != "" {
				if ourErr == nil || !strings.Contains(ourErr.Error(), rej.Contains) {
					t.Fatalf("allow-listed rejection by our composer (%s) no longer occurs as %q: %v", rej.Reason, rej.Contains, ourErr)
				}
				if wgcErr != nil {
					t.Errorf("wgc rejects the set too (%v): the entry in oursRejects is wrong", wgcErr)
				}
				return
			}
			if ourErr != nil {
				t.Fatalf("our composer rejected the set: %v", ourErr)
			}
			sg, err := supergraph.Parse(sdl)
			if err != nil {
				t.Fatalf("our supergraph does not parse: %v\n%s", err, sdl)
			}
			ourFacts := FromSupergraph(sg)
			if rej := wgcRejects[cs.name]; rej.Reason != "" {
				if wgcErr == nil || !strings.Contains(wgcErr.Error(), rej.Contains) {
					t.Fatalf("allow-listed wgc rejection (%s) no longer occurs as %q: %v", rej.Reason, rej.Contains, wgcErr)
				}
				for _, w := range cs.want {
					if !slices.Contains(ourFacts, w) {
						t.Errorf("our metadata lacks %q\nhave:\n  %s", w, strings.Join(ourFacts, "\n  "))
					}
				}
				return
			}
			if wgcErr != nil {
				t.Fatalf("wgc rejected the set: %v", wgcErr)
			}
			apiOurs, err := APIFacts(sg.APISchema)
			if err != nil {
				t.Fatalf("our API schema: %v\n%s", err, sg.APISchema)
			}
			client := cfg.EngineConfig.GraphqlSchema
			if cfg.EngineConfig.GraphqlClientSchema != "" {
				client = cfg.EngineConfig.GraphqlClientSchema
			}
			apiWgc, err := APIFacts(client)
			if err != nil {
				t.Fatalf("wgc client schema: %v", err)
			}
			onlyOurs, onlyWgc := Diff(append(ourFacts, apiOurs...), append(FromConfig(cfg), apiWgc...))
			onlyOurs, onlyWgc = allowed(t, cs.name, onlyOurs, onlyWgc)
			if len(onlyOurs)+len(onlyWgc) > 0 {
				t.Errorf("planner metadata differs from wgc\nonly ours:\n  %s\nonly wgc:\n  %s\nour supergraph:\n%s",
					strings.Join(onlyOurs, "\n  "), strings.Join(onlyWgc, "\n  "), sdl)
			}
		})
	}
}
