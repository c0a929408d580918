package limits

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

const propSDL = `
type Query { node: Node nodes: [Node!]! }
type Node { id: ID! name: String child: Node children: [Node!]! }
`

// propParams returns gopter's defaults with a logged seed: from
// NEXUS_PROP_SEED to replay a failure, else from the clock.
func propParams(t *testing.T, runs int) *gopter.TestParameters {
	t.Helper()
	s := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		var err error
		if s, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("NEXUS_PROP_SEED=%q: %v", v, err)
		}
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run '%s' ./internal/limits)", s, s, t.Name())
	params := gopter.DefaultTestParameters()
	params.SetSeed(s)
	params.MinSuccessfulTests = runs
	return params
}

// sel is one generated selection: a field (with children when it is an
// object field), an inline fragment, or a spread of fragment frag.
type sel struct {
	kind     byte // 'f' field, 'i' inline fragment, 's' spread
	name     string
	alias    string
	typed    bool // inline fragment with "on Node"
	children []sel
	frag     int
}

// opGen builds a random operation from r: fragments on Node and on Query,
// where fragment i may spread only fragments generated before it (the
// operation stays valid), spread any number of times.
type opGen struct {
	r     *rand.Rand
	frags map[string][][]sel // type -> fragment bodies
}

var propFields = map[string][]struct {
	name, typ string
}{
	"Query": {{"node", "Node"}, {"nodes", "Node"}},
	"Node":  {{"id", ""}, {"name", ""}, {"child", "Node"}, {"children", "Node"}},
}

func (g *opGen) selections(typ string, depth int) []sel {
	n := 1 + g.r.Intn(3)
	out := make([]sel, 0, n)
	for range n {
		switch k := g.r.Intn(10); {
		case k < 2 && len(g.frags[typ]) > 0:
			out = append(out, sel{kind: 's', frag: g.r.Intn(len(g.frags[typ]))})
		case k < 3 && depth > 0:
			out = append(out, sel{kind: 'i', typed: g.r.Intn(2) == 0, children: g.selections(typ, depth-1)})
		default:
			f := propFields[typ][g.r.Intn(len(propFields[typ]))]
			s := sel{kind: 'f', name: f.name}
			if g.r.Intn(3) == 0 {
				s.alias = fmt.Sprintf("a%d", g.r.Intn(5))
			}
			if f.typ != "" {
				if depth == 0 {
					s.children = []sel{{kind: 'f', name: "id"}}
				} else {
					s.children = g.selections(f.typ, depth-1)
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// print writes sels of type typ; with inline true every spread is replaced
// by its fragment's selections.
func (g *opGen) print(b *strings.Builder, typ string, sels []sel, inline bool) {
	b.WriteString("{")
	for _, s := range sels {
		b.WriteString(" ")
		switch s.kind {
		case 'f':
			if s.alias != "" {
				b.WriteString(s.alias + ": ")
			}
			b.WriteString(s.name)
			if len(s.children) > 0 {
				b.WriteString(" ")
				g.print(b, "Node", s.children, inline)
			}
		case 'i':
			b.WriteString("...")
			if s.typed {
				b.WriteString(" on " + typ)
			}
			b.WriteString(" ")
			g.print(b, typ, s.children, inline)
		case 's':
			if inline {
				b.WriteString("... ")
				g.print(b, typ, g.frags[typ][s.frag], inline)
			} else {
				fmt.Fprintf(b, "...%s%d", typ, s.frag)
			}
		}
	}
	b.WriteString(" }")
}

func generate(seed int64) (withFragments, inlined string) {
	g := &opGen{r: rand.New(rand.NewSource(seed)), frags: map[string][][]sel{}}
	for range g.r.Intn(4) {
		g.frags["Node"] = append(g.frags["Node"], g.selections("Node", 2))
	}
	for range g.r.Intn(3) {
		g.frags["Query"] = append(g.frags["Query"], g.selections("Query", 2))
	}
	root := g.selections("Query", 3)
	var a, b strings.Builder
	g.print(&a, "Query", root, false)
	for _, typ := range []string{"Node", "Query"} {
		for i, body := range g.frags[typ] {
			fmt.Fprintf(&a, "\nfragment %s%d on %s ", typ, i, typ)
			g.print(&a, typ, body, false)
		}
	}
	g.print(&b, "Query", root, true)
	return a.String(), b.String()
}

func TestPropertyFragmentsCountAsInlined(t *testing.T) {
	s := schema(t, propSDL)
	props := gopter.NewProperties(propParams(t, 300))
	props.Property("measures with fragments equal measures with fragments inlined", prop.ForAll(
		func(seed int64) (bool, error) {
			withFragments, inlined := generate(seed)
			a, err := Measure(operation(t, withFragments), s, "", nil, nil)
			if err != nil {
				return false, err
			}
			b, err := Measure(operation(t, inlined), s, "", nil, nil)
			if err != nil {
				return false, err
			}
			if a != b {
				return false, fmt.Errorf("with fragments %+v, inlined %+v\n%s\n---\n%s", a, b, withFragments, inlined)
			}
			return true, nil
		},
		gen.Int64(),
	))
	props.TestingRun(t)
}
