package migrations

import (
	"io/fs"
	"strings"
	"testing"
)

func TestFS(t *testing.T) {
	if len(Domains()) == 0 {
		t.Fatal("no domains embedded")
	}
	for _, d := range Domains() {
		f, err := FS(d)
		if err != nil {
			t.Fatal(err)
		}
		ups, _ := fs.Glob(f, "*.up.sql")
		if len(ups) == 0 {
			t.Fatalf("domain %s has no up migrations", d)
		}
	}
	if _, err := FS("nope"); err == nil || !strings.Contains(err.Error(), "unknown domain") {
		t.Fatalf("err = %v", err)
	}
}
