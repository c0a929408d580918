package migrations

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// name is golang-migrate's file naming, which kit/migrate relies on.
var name = regexp.MustCompile(`^[0-9]{4}_[a-z0-9_]+\.(up|down)\.sql$`)

func TestEveryDomain(t *testing.T) {
	domains := Domains()
	if !slices.Contains(domains, "product") || !slices.IsSorted(domains) {
		t.Fatalf("Domains = %v, want sorted and including product", domains)
	}
	for _, d := range domains {
		t.Run(d, func(t *testing.T) {
			f, err := FS(d)
			if err != nil {
				t.Fatal(err)
			}
			entries, err := fs.ReadDir(f, ".")
			if err != nil {
				t.Fatal(err)
			}
			ups := 0
			for _, e := range entries {
				if !name.MatchString(e.Name()) {
					t.Errorf("%s/%s: want NNNN_name.up.sql or NNNN_name.down.sql", d, e.Name())
				}
				if strings.HasSuffix(e.Name(), ".up.sql") {
					ups++
				}
			}
			if ups == 0 {
				t.Errorf("domain %s has no up migrations", d)
			}
		})
	}
}

func TestUnknownDomain(t *testing.T) {
	_, err := FS("nope")
	if err == nil || !strings.Contains(err.Error(), `unknown domain "nope"`) || !strings.Contains(err.Error(), "product") {
		t.Fatalf("err = %v, want it to name the domain and list the known ones", err)
	}
}
