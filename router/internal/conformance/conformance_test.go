package conformance

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/conformance/fixture"
	"github.com/nexus-commerce/nexus/router/internal/jsoncmp"
)

var (
	// update drafts the goldens that do not exist yet (never those of
	// knownBugs) and rewrites the fetch records from the router's answers.
	// Check every drafted value against the suite's data by hand: a golden
	// states the correct answer. To redraft a golden, delete it first.
	update = flag.Bool("update", false, "draft missing goldens (not knownBugs) and rewrite fetch records from the router's responses")
	// updateFetches rewrites only the fetch records, to lower them after
	// the planner got better (or raise them after a reasoned change).
	updateFetches = flag.Bool("update-fetches", false, "rewrite the fetch records (fetches.json) from the fetches the cases make")
)

// knownBugs are cases ("suite/case") whose golden the router does not
// produce today, each with what goes wrong. Their subtests pass only while
// the router still differs, so a fix must also remove the entry (and add
// the case's fetch record with -update-fetches).
var knownBugs = map[string]string{
	// Issue 11's classes 1-4 are fixed; what remains was found beyond them.
	// @interfaceObject with @requires.
	"interfaceobject-requires/media_fragments_score": "score is asked only for Books, but the planner sends stats every Media representation without title for the Film (which wants views only): stats answers an error for Media.score at f1 (the representation lacks the required title) and data is null",
	"interfaceobject-requires/trending_score_only":   "the planner fetches title from media for score's @requires but never sends the fetch to stats for score itself: Cannot return null for non-nullable field 'Query.trending.score', data null (with title also selected it works: trending_title_score)",
	// Entities in a list of lists.
	"lists-nested/board_colors":     "entities inside a list of lists ([[Cell]!]!) are never fetched from paint: the router sends grid {board {id __typename}} and no _entities request, so every color is null (Cannot return null for non-nullable field 'Query.board.color' at [board,0,0,color], ...)",
	"lists-nested/board_color_only": "as board_colors: no entity fetch for a list of lists",
	"lists-nested/board_and_rows":   "as board_colors: paint is asked only for the rows' cells (a single list), not the board's",
	// Aliases on entity fields.
	"aliases-entities/alias_hides_key": "QUERY_PLAN_FAILED: printOperation planner id: 0: validation failed: external: differing fields for objectName 'id' on (potentially) same type, path: [query,user]: the client's alias id: name collides with the key field id the planner adds to the upstream query for the entity fetch",
}

// knownBrokenSuites are suites that our composer refuses although the
// federation spec accepts them, with the cause. The refusal must last (a
// fix removes the entry); meanwhile the suite's cases run on the
// hand-written Apollo-style supergraph.graphql in its directory, if any.
var knownBrokenSuites = map[string]string{}

func TestConformance(t *testing.T) {
	entries, err := os.ReadDir(SuitesDir())
	if err != nil {
		t.Fatal(err)
	}
	var suites []*Suite
	seen := map[string]bool{}
	for _, d := range entries {
		if !d.IsDir() {
			continue
		}
		s, err := LoadSuite(filepath.Join(SuitesDir(), d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Cases) == 0 {
			t.Fatalf("suite %s has no cases", s.Name)
		}
		seen[s.Name] = true
		for _, c := range s.Cases {
			seen[s.Name+"/"+c] = true
		}
		suites = append(suites, s)
	}
	for name := range knownBrokenSuites {
		if !seen[name] {
			t.Errorf("knownBrokenSuites lists %s, which is not a suite", name)
		}
	}
	for name := range knownBugs {
		if !seen[name] {
			t.Errorf("knownBugs lists %s, which is not a case", name)
		}
	}
	for _, s := range suites {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			runSuite(t, s)
		})
	}
}

// runSuite runs a suite's cases one after another against one router, so
// the requests the subgraphs receive during a case are that case's fetches.
func runSuite(t *testing.T, s *Suite) {
	env, composeErr, err := start(t, s)
	cause, broken := knownBrokenSuites[s.Name]
	switch {
	case broken && composeErr == nil:
		t.Errorf("known broken suite (%s) now composes: remove %s from knownBrokenSuites (and its supergraph.graphql)", cause, s.Name)
	case broken && err != nil:
		t.Logf("known broken suite (%s): %v", cause, err)
		return
	case broken:
		t.Logf("known broken suite (%s), its cases run on supergraph.graphql: %v", cause, composeErr)
	case composeErr != nil:
		t.Fatal(composeErr)
	}
	if err != nil {
		t.Fatal(err)
	}
	recordFile := filepath.Join(s.Dir, "fetches.json")
	record := map[string]int{}
	if b, err := os.ReadFile(recordFile); err == nil {
		if err := json.Unmarshal(b, &record); err != nil {
			t.Fatalf("%s: %v", recordFile, err)
		}
	}
	for name := range record {
		if _, bug := knownBugs[s.Name+"/"+name]; bug || !slices.Contains(s.Cases, name) {
			t.Errorf("fetches.json records %s, which is not a passing case; rewrite it with -update-fetches", name)
		}
	}
	// Cases a -run filter leaves out keep their record.
	newRecord := map[string]int{}
	for name, n := range record {
		if _, bug := knownBugs[s.Name+"/"+name]; !bug && slices.Contains(s.Cases, name) {
			newRecord[name] = n
		}
	}
	for _, c := range s.Cases {
		t.Run(c, func(t *testing.T) {
			runCase(t, env, s, c, record, newRecord)
		})
	}
	if *update || *updateFetches {
		b, _ := json.MarshalIndent(newRecord, "", "  ")
		if err := os.WriteFile(recordFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runCase(t *testing.T, env *Env, s *Suite, c string, record, newRecord map[string]int) {
	base := filepath.Join(s.Dir, "cases", c)
	query, err := os.ReadFile(base + ".graphql")
	if err != nil {
		t.Fatal(err)
	}
	var vars json.RawMessage
	if b, err := os.ReadFile(base + ".vars.json"); err == nil {
		vars = b
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	env.Reset()
	got := Post(t, env.RouterURL, string(query), vars)
	requests, fetches := env.Fetches()
	bug, isBug := knownBugs[s.Name+"/"+c]

	if _, err := os.Stat(base + ".golden.json"); *update && !isBug && os.IsNotExist(err) {
		if err := os.WriteFile(base+".golden.json", jsoncmp.Pretty(t, got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("drafted %s.golden.json: check every value by hand", c)
	}
	want, err := os.ReadFile(base + ".golden.json")
	if err != nil {
		t.Fatalf("no golden (draft one with -update, then check it by hand): %v", err)
	}
	same := equalJSON(t, want, got)
	switch {
	case isBug && same:
		t.Errorf("known bug %q is fixed: the router now returns the golden answer; remove %s/%s from knownBugs and record its fetches (-update-fetches)", bug, s.Name, c)
	case isBug:
		t.Logf("known bug (%s):\nwant %s\ngot  %s", bug, jsoncmp.Compact(want), jsoncmp.Compact(got))
		return
	case !same:
		t.Errorf("response differs from the golden\nquery: %s\nwant %s\ngot  %s\nsubgraph requests:\n%s", query, jsoncmp.Compact(want), jsoncmp.Compact(got), describe(requests))
		return
	}
	newRecord[c] = fetches
	if *update || *updateFetches {
		return
	}
	rec, ok := record[c]
	switch {
	case !ok:
		t.Errorf("no fetch record for %s (the plan made %d fetches): add it with -update-fetches", c, fetches)
	case fetches > rec:
		t.Errorf("the plan makes %d subgraph fetches, the record says %d: the plan got worse\nsubgraph requests:\n%s", fetches, rec, describe(requests))
	case fetches < rec:
		t.Errorf("the plan makes %d subgraph fetches, fewer than the %d recorded: lower the record with -update-fetches", fetches, rec)
	}
}

// describe lists the requests each subgraph received, for failure messages.
func describe(requests map[string][]fixture.Request) string {
	var names []string
	for n := range requests {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		for _, r := range requests[n] {
			fmt.Fprintf(&b, "  %s: %s %s\n", n, r.Query, r.Variables)
		}
	}
	return b.String()
}
