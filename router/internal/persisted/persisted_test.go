package persisted

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func hash(q string) string {
	s := sha256.Sum256([]byte(q))
	return hex.EncodeToString(s[:])
}

func ext(h string) json.RawMessage {
	return json.RawMessage(`{"persistedQuery":{"version":1,"sha256Hash":"` + h + `"}}`)
}

func code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

const trusted = `query Top { products(first: 5) { edges { node { id } } } }`

func TestAPQ(t *testing.T) {
	s := New(Options{APQ: true})
	q := `{ __typename }`
	// First the client sends only the hash, learns it is unknown, then
	// registers the query with its hash; afterwards the hash alone works.
	if _, err := s.Resolve("", ext(hash(q))); code(err) != CodeNotFound {
		t.Fatalf("unknown hash: err = %v, want %s", err, CodeNotFound)
	}
	if got, err := s.Resolve(q, ext(hash(q))); err != nil || got != q {
		t.Fatalf("register: %q, %v", got, err)
	}
	if got, err := s.Resolve("", ext(strings.ToUpper(hash(q)))); err != nil || got != q {
		t.Fatalf("by hash (any case): %q, %v", got, err)
	}
	// Nobody can register a body under another body's hash.
	if _, err := s.Resolve(`{ evil }`, ext(hash(q))); code(err) != CodeHashMismatch {
		t.Fatalf("mismatch: err = %v", err)
	}
	if got, _ := s.Resolve("", ext(hash(q))); got != q {
		t.Fatalf("registered body replaced: %q", got)
	}
	// Plain requests pass through.
	if got, err := s.Resolve(q, nil); err != nil || got != q {
		t.Fatalf("plain: %q, %v", got, err)
	}
}

func TestAPQBound(t *testing.T) {
	s := New(Options{APQ: true, APQCacheSize: 2})
	qs := []string{`{ a }`, `{ b }`, `{ c }`}
	for _, q := range qs {
		if _, err := s.Resolve(q, ext(hash(q))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Resolve("", ext(hash(qs[0]))); code(err) != CodeNotFound {
		t.Fatalf("oldest entry should be evicted from a store of 2: %v", err)
	}
	if got, err := s.Resolve("", ext(hash(qs[2]))); err != nil || got != qs[2] {
		t.Fatalf("newest entry: %q, %v", got, err)
	}
}

func TestBadExtensions(t *testing.T) {
	s := New(Options{APQ: true})
	for _, tt := range []struct{ ext, code string }{
		{`[]`, CodeBadRequest},
		{`{"persistedQuery": "x"}`, CodeBadRequest},
		{`{"persistedQuery": {"version": 2, "sha256Hash": "` + hash("x") + `"}}`, CodeNotSupported},
		{`{"persistedQuery": {"version": 1, "sha256Hash": "abc"}}`, CodeBadRequest},
		{`{"persistedQuery": {"version": 1, "sha256Hash": "` + strings.Repeat("z", 64) + `"}}`, CodeBadRequest},
	} {
		if _, err := s.Resolve("", json.RawMessage(tt.ext)); code(err) != tt.code {
			t.Errorf("%s: err = %v, want %s", tt.ext, err, tt.code)
		}
	}
	if got, err := s.Resolve("{ a }", json.RawMessage(`{"other": 1}`)); err != nil || got != "{ a }" {
		t.Errorf("unrelated extensions must pass: %q, %v", got, err)
	}
}

func TestTrustedDocumentsAndSafelist(t *testing.T) {
	manifest := map[string]string{hash(trusted): trusted, "my-op-id": `{ __typename }`}
	open := New(Options{Manifest: manifest, APQ: false})
	if got, err := open.Resolve("", ext(hash(trusted))); err != nil || got != trusted {
		t.Fatalf("trusted by id: %q, %v", got, err)
	}
	if got, err := open.Resolve(`{ other }`, nil); err != nil || got != `{ other }` {
		t.Fatalf("without safelist other operations run: %q, %v", got, err)
	}
	if _, err := open.Resolve(`{ other }`, ext(hash(`{ other }`))); err != nil {
		t.Fatalf("APQ off: a hash with its query simply runs: %v", err)
	}
	if _, err := open.Resolve("", ext(hash(`{ other }`))); code(err) != CodeNotFound {
		t.Fatalf("APQ off, unknown hash: %v", err)
	}

	safe := New(Options{Manifest: manifest, Safelist: true, APQ: true})
	if got, err := safe.Resolve("", ext(hash(trusted))); err != nil || got != trusted {
		t.Fatalf("safelist by id: %q, %v", got, err)
	}
	if got, err := safe.Resolve(trusted, nil); err != nil || got != trusted {
		t.Fatalf("safelist by exact body: %q, %v", got, err)
	}
	for name, try := range map[string]func() error{
		"unlisted body":         func() error { _, err := safe.Resolve(`{ other }`, nil); return err },
		"unlisted hash":         func() error { _, err := safe.Resolve("", ext(hash(`{ other }`))); return err },
		"APQ registration":      func() error { _, err := safe.Resolve(`{ other }`, ext(hash(`{ other }`))); return err },
		"listed body, new hash": func() error { _, err := safe.Resolve(trusted+" ", ext(hash(trusted+" "))); return err },
	} {
		if err := try(); code(err) != CodeNotAllowed {
			t.Errorf("%s: err = %v, want %s", name, err, CodeNotAllowed)
		}
	}
}

func TestLoadManifest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	apollo := `{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"` + hash(trusted) + `","name":"Top","type":"query","body":` + quote(trusted) + `}]}`
	m, err := LoadManifest(write("apollo.json", apollo))
	if err != nil || m[hash(trusted)] != trusted {
		t.Fatalf("apollo manifest: %v, %v", m, err)
	}
	m, err = LoadManifest(write("plain.json", `{"op1": "{ a }"}`))
	if err != nil || m["op1"] != "{ a }" {
		t.Fatalf("plain manifest: %v, %v", m, err)
	}
	for name, body := range map[string]string{
		"tampered":   `{"` + hash(trusted) + `": "{ evil }"}`,
		"bad format": `{"format":"other","version":1,"operations":[]}`,
		"missing id": `{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"body":"{ a }"}]}`,
		"not json":   `nope`,
	} {
		if _, err := LoadManifest(write(name+".json", body)); err == nil {
			t.Errorf("%s: loaded without error", name)
		}
	}
	if _, err := LoadManifest(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
