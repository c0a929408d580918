package limits

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// bomb is the fragment bomb: F0 selects one field, every Fk spreads
// F(k-1) twice (through the given wrapper), and the query spreads Fn.
// wrap formats one spread of F(k-1), e.g. "...F%d" or
// "... @include(if: true) { ...F%d }".
func bomb(n int, leaf, wrap string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "{ ...F%d }\nfragment F0 on Query { %s }", n, leaf)
	for k := 1; k <= n; k++ {
		s := fmt.Sprintf(wrap, k-1)
		fmt.Fprintf(&b, "\nfragment F%d on Query { %s %s }", k, s, s)
	}
	return b.String()
}

func TestFieldsAndDirectives(t *testing.T) {
	s := schema(t, testSDL)
	tests := []struct {
		name, query       string
		fields, directive int
	}{
		{"plain fields", `{ me { id name } product(id: 1) { id } }`, 5, 0},
		// The spread, then the fragment's two fields each time.
		{"a fragment spread twice counts twice", `{ me { ...U ...U } } fragment U on User { id name }`, 7, 0},
		// Skipped selections count: the normaliser copies them first.
		{"skipped selections count", `{ me @skip(if: true) { id } ... @include(if: false) { me { id } } }`, 5, 2},
		{"cycle holds nothing", `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A me { id } }`, 5, 0},
		{"unknown fragment holds nothing", `{ ...Nope me { id } }`, 3, 0},
		// S(k) = 2 + 2 S(k-1), S(0) = 1: S(n) = 3·2^n - 2, plus the query's spread.
		{"bomb N=20", bomb(20, "__typename", "...F%d"), 3<<20 - 2 + 1, 0},
		// Each spread of F(k-1) sits in an inline fragment: S(k) = 4 + 2 S(k-1).
		{"bomb N=16 through @include inline fragments", bomb(16, "__typename", "... @include(if: true) { ...F%d }"), 5<<16 - 4 + 1, 32},
		{"bomb N=16 through @skip inline fragments", bomb(16, "__typename", "... @skip(if: false) { ...F%d }"), 5<<16 - 4 + 1, 32},
		{"bomb N=100 saturates", bomb(100, "__typename", "...F%d"), maxCost, 0},
		{"directives are counted as written", `{ me @include(if: true) @skip(if: false) { id } }`, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := measure(t, s, tt.query, "", nil)
			if m.Fields != tt.fields || m.Directives != tt.directive {
				t.Fatalf("fields/directives = %d/%d, want %d/%d", m.Fields, m.Directives, tt.fields, tt.directive)
			}
		})
	}
}

// Every count saturates: a bomb of aliased root fields used to wrap the
// alias and root field counts around to small numbers.
func TestBombMeasuresSaturate(t *testing.T) {
	s := schema(t, testSDL)
	m := measure(t, s, bomb(200, "a: me { id }", "...F%d"), "", nil)
	for name, v := range map[string]int{"fields": m.Fields, "aliases": m.Aliases, "root fields": m.RootFields, "cost": m.Cost} {
		if v != maxCost {
			t.Errorf("%s = %d, want the saturated %d", name, v, maxCost)
		}
	}
	if m.Depth != 2 {
		t.Errorf("depth = %d, want 2", m.Depth)
	}
}

func TestCheckFieldsAndDirectives(t *testing.T) {
	s := schema(t, testSDL)
	tests := []struct {
		name, query string
		cfg         Config
		code        string
	}{
		// A bomb breaks every limit; the fields limit names it.
		{"bomb", bomb(20, "__typename", "...F%d"), Config{MaxDepth: 10, MaxAliases: 10, MaxRootFields: 10, MaxFields: 5000, MaxDirectives: 100}, CodeFields},
		{"under the field limit", `{ me { id } }`, Config{MaxFields: 2}, ""},
		{"over the field limit", `{ me { id name } }`, Config{MaxFields: 2}, CodeFields},
		{"fields off", bomb(20, "__typename", "...F%d"), Config{MaxDirectives: 100}, ""},
		{"over the directive limit", `{ me @include(if: true) @skip(if: false) { id } }`, Config{MaxDirectives: 1}, CodeDirectives},
		{"at the directive limit", `{ me @include(if: true) { id } }`, Config{MaxDirectives: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(operation(t, tt.query), s, "", nil, tt.cfg, nil)
			var e *Error
			switch {
			case tt.code == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.code != "" && (!errors.As(err, &e) || e.Code != tt.code):
				t.Fatalf("err = %v, want code %s", err, tt.code)
			}
		})
	}
}

func TestConfigValidateNamesNewKeys(t *testing.T) {
	for _, c := range []struct {
		cfg Config
		key string
	}{{Config{MaxFields: -1}, "limits.max_fields"}, {Config{MaxDirectives: -1}, "limits.max_directives"}} {
		if err := c.cfg.Validate(); err == nil || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%+v: %v, want an error naming %s", c.cfg, err, c.key)
		}
	}
}

// BenchmarkCheckBomb measures refusing the fragment bombs on the
// parsed, un-expanded document (parse excluded): go test -bench CheckBomb
// -benchmem ./internal/limits.
func BenchmarkCheckBomb(b *testing.B) {
	s := schema(b, testSDL)
	cfg := Config{MaxDepth: 16, MaxAliases: 64, MaxRootFields: 32, MaxFields: 5000, MaxDirectives: 100}
	for _, n := range []int{16, 17, 20} {
		for kind, wrap := range map[string]string{"spread": "...F%d", "include": "... @include(if: true) { ...F%d }"} {
			doc := bomb(n, "__typename", wrap)
			op := operation(b, doc)
			b.Run(fmt.Sprintf("N=%d/%s/%dB", n, kind, len(doc)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := Check(op, s, "", nil, cfg, nil); err == nil {
						b.Fatal("not refused")
					}
				}
			})
		}
	}
}
