package golden

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/nexus-commerce/nexus/router/internal/jsoncmp"
)

// update rewrites the golden files from the router's answers. Use it only
// to draft a new case's golden, then check every value against the data in
// subgraphs/: a golden states the correct answer, not what the router said.
// Goldens of knownBugs are never rewritten.
var update = flag.Bool("update", false, "rewrite golden files and fetch records from the router's responses (not those in knownBugs)")

// updateFetches rewrites only the fetch record (testdata/fetches.json), to
// lower it after the planner got better.
var updateFetches = flag.Bool("update-fetches", false, "rewrite testdata/fetches.json from the fetches the cases make")

// knownBugs are cases whose golden (the correct answer) the router does not
// produce today, each with what goes wrong. Their subtests pass only while
// the router still differs, so a fix must also remove the entry.
var knownBugs = map[string]string{}

// routerFor picks the router a case's area runs against.
func routerFor(env *Env, area string) string {
	if area == "down" {
		return env.DownRouterURL
	}
	return env.RouterURL
}

func TestGolden(t *testing.T) {
	env := Start(t)
	cases := findCases(t)
	if len(cases) == 0 {
		t.Fatal("no cases under testdata/cases")
	}
	seen := map[string]bool{}
	recordFile := filepath.Join(dir(), "testdata", "fetches.json")
	record := map[string]int{}
	if b, err := os.ReadFile(recordFile); err == nil {
		if err := json.Unmarshal(b, &record); err != nil {
			t.Fatalf("%s: %v", recordFile, err)
		}
	}
	newRecord := map[string]int{}
	for name, n := range record {
		if _, bug := knownBugs[name]; !bug && slices.Contains(cases, name) {
			newRecord[name] = n
		} else {
			t.Errorf("fetches.json records %s, which is not a passing case; rewrite it with -update-fetches", name)
		}
	}
	if *update || *updateFetches {
		defer func() {
			b, _ := json.MarshalIndent(newRecord, "", "  ")
			if err := os.WriteFile(recordFile, append(b, '\n'), 0o644); err != nil {
				t.Error(err)
			}
		}()
	}
	for _, name := range cases {
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			base := filepath.Join(dir(), "testdata", "cases", filepath.FromSlash(name))
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
			area, _, _ := strings.Cut(name, "/")
			env.Fetches()
			got := Post(t, routerFor(env, area), string(query), vars)
			fetches := env.Fetches()
			bug, isBug := knownBugs[name]

			if *update && !isBug {
				if err := os.WriteFile(base+".golden.json", jsoncmp.Pretty(t, got), 0o644); err != nil {
					t.Fatal(err)
				}
				newRecord[name] = fetches
				return
			}
			want, err := os.ReadFile(base + ".golden.json")
			if err != nil {
				t.Fatalf("no golden (draft one with -update, then check it by hand): %v", err)
			}
			same := jsoncmp.Equal(t, want, got)
			switch {
			case isBug && same:
				t.Errorf("known bug %q is fixed: the router now returns the golden answer; remove %s from knownBugs", bug, name)
			case isBug:
				t.Logf("known bug (%s):\nwant %s\ngot  %s", bug, jsoncmp.Compact(want), jsoncmp.Compact(got))
			case !same:
				t.Errorf("response differs from the golden\nquery: %s\nwant %s\ngot  %s", query, jsoncmp.Compact(want), jsoncmp.Compact(got))
			}
			if isBug || !same {
				return
			}
			checkFetches(t, name, fetches, record, newRecord)
		})
	}
	for name := range knownBugs {
		if !seen[name] {
			t.Errorf("knownBugs lists %s, which is not a case", name)
		}
	}
}

// checkFetches is the plan quality check: the subgraph fetches a passing
// case made must equal its record in testdata/fetches.json — more means
// the plan got worse, fewer that the record should be lowered.
func checkFetches(t *testing.T, name string, fetches int, record, newRecord map[string]int) {
	t.Helper()
	newRecord[name] = fetches
	if *update || *updateFetches {
		return
	}
	rec, ok := record[name]
	switch {
	case !ok:
		t.Errorf("no fetch record for %s (the plan made %d subgraph fetches): add it with -update-fetches", name, fetches)
	case fetches > rec:
		t.Errorf("the plan makes %d subgraph fetches, the record says %d: the plan got worse", fetches, rec)
	case fetches < rec:
		t.Errorf("the plan makes %d subgraph fetches, fewer than the %d recorded: lower the record with -update-fetches", fetches, rec)
	}
}

// findCases returns "area/name" for every testdata/cases/<area>/<name>.graphql.
func findCases(t *testing.T) []string {
	t.Helper()
	root := filepath.Join(dir(), "testdata", "cases")
	var out []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".graphql") {
			return nil
		}
		rel, err := filepath.Rel(root, strings.TrimSuffix(path, ".graphql"))
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
