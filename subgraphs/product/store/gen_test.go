package store

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// words is the whole vocabulary of generated names, descriptions,
// category names and searches. Each is its own English stem and no
// stopword, so "matches the search" is computable in Go as "contains the
// word" without re-implementing PostgreSQL's parser.
var words = []string{"alpha", "bravo", "delta", "kilo", "tango", "zulu"}

// tagPool is small so that products share tags and tag filters hit.
var tagPool = []string{"red", "green", "blue", "large"}

// genProduct is one generated product; small value sets make ties (equal
// price, rating, created_at) common, so the id tie-breaker is exercised.
type genProduct struct {
	Price   int64
	Stock   int
	Tags    []string
	Rating  int // tenths
	Reviews int
	Age     int // minutes before the epoch
	Name    []string
	Desc    []string
	Cat     int // index into the generated tree
}

// genCatalog is a generated catalog over a fixed-shape tree: 0 is a root
// with child 1 and grandchild 2; 3 is another root. Only the category
// names vary, so searches also hit through category (and ancestor) names.
type genCatalog struct {
	CatNames []string
	Products []genProduct
}

// parentOf is the fixed tree's shape (-1: root).
var parentOf = []int{-1, 0, 1, -1}

// genQuery is a generated listing request.
type genQuery struct {
	First   int
	Search  searchExpr
	Cat     int // -1: no category filter
	Min     *int64
	Max     *int64
	Tags    []string
	InStock int // 0 none, 1 true, 2 false
	Sort    product.Sort
}

// String prints q readably in counterexamples (values, not pointers).
func (q genQuery) String() string {
	bound := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("{first:%d search:%q cat:%d price:%s..%s tags:%v inStock:%d sort:%q}",
		q.First, q.Search.text(), q.Cat, bound(q.Min), bound(q.Max), q.Tags, q.InStock, q.Sort)
}

// searchExpr is a web-search query over the vocabulary: Op "" (no
// search), "word", "and" ("a b"), "or" ("a or b") or "not" ("a -b").
type searchExpr struct {
	Op    string
	A, B  string
	Upper bool // shout the first word: matching is case-insensitive
}

// text is the search string sent to the store.
func (e searchExpr) text() string {
	a := e.A
	if e.Upper {
		a = strings.ToUpper(a)
	}
	switch e.Op {
	case "word":
		return a
	case "and":
		return a + " " + e.B
	case "or":
		return a + " or " + e.B
	case "not":
		return a + " -" + e.B
	}
	return ""
}

// matches evaluates the search in Go over a document's words.
func (e searchExpr) matches(doc []string) bool {
	has := func(w string) bool { return slices.Contains(doc, w) }
	switch e.Op {
	case "word":
		return has(e.A)
	case "and":
		return has(e.A) && has(e.B)
	case "or":
		return has(e.A) || has(e.B)
	case "not":
		return has(e.A) && !has(e.B)
	}
	return true
}

func oneOf(pool []string) gopter.Gen {
	vals := make([]any, len(pool))
	for i, v := range pool {
		vals[i] = v
	}
	return gen.OneConstOf(vals...)
}

var stringType = reflect.TypeOf("")

// subset draws a sorted set of distinct elements of pool.
func subset(pool []string) gopter.Gen {
	return gen.SliceOf(oneOf(pool), stringType).Map(func(v []string) []string {
		slices.Sort(v)
		return slices.Compact(v)
	})
}

func priceGen() gopter.Gen {
	return gen.OneGenOf(gen.OneConstOf(int64(0), int64(999), int64(1000), int64(2500)), gen.Int64Range(0, 5000))
}

func catalogGen() gopter.Gen {
	product := gen.Struct(reflect.TypeOf(genProduct{}), map[string]gopter.Gen{
		"Price":   priceGen(),
		"Stock":   gen.IntRange(0, 3),
		"Tags":    subset(tagPool),
		"Rating":  gen.OneConstOf(0, 25, 40, 50),
		"Reviews": gen.IntRange(0, 3),
		"Age":     gen.IntRange(0, 4),
		"Name":    gen.SliceOfN(2, oneOf(words), stringType),
		"Desc":    gen.SliceOfN(3, oneOf(words), stringType),
		"Cat":     gen.IntRange(0, len(parentOf)-1),
	})
	return gen.Struct(reflect.TypeOf(genCatalog{}), map[string]gopter.Gen{
		"CatNames": gen.SliceOfN(len(parentOf), oneOf(words), stringType),
		"Products": gen.SliceOf(product),
	})
}

func searchGen() gopter.Gen {
	return gen.Struct(reflect.TypeOf(searchExpr{}), map[string]gopter.Gen{
		"Op":    gen.OneConstOf("", "", "word", "word", "and", "or", "not"),
		"A":     oneOf(words),
		"B":     oneOf(words),
		"Upper": gen.Bool(),
	})
}

func queryGen() gopter.Gen {
	return gen.Struct(reflect.TypeOf(genQuery{}), map[string]gopter.Gen{
		"First":   gen.IntRange(1, 7),
		"Search":  searchGen(),
		"Cat":     gen.IntRange(-1, len(parentOf)-1),
		"Min":     gen.PtrOf(priceGen()),
		"Max":     gen.PtrOf(priceGen()),
		"Tags":    subset(tagPool).Map(func(t []string) []string { return t[:min(len(t), 2)] }),
		"InStock": gen.IntRange(0, 2),
		"Sort":    gen.OneConstOf(product.Sort(""), product.SortPriceAsc, product.SortPriceDesc, product.SortRating, product.SortNewest, product.SortRelevance),
	})
}

// clamp keeps v within [lo, hi]. gopter's shrinker may step outside a
// generator's range (to 0 or a negative), and a shrunk counterexample
// must still be a valid request and a loadable catalog.
func clamp[T int | int64](v, lo, hi T) T { return min(max(v, lo), hi) }

// normalize clamps a (possibly shrunk) product into the generated ranges.
func (p genProduct) normalize() genProduct {
	p.Price, p.Stock, p.Reviews = clamp(p.Price, 0, 5000), clamp(p.Stock, 0, 3), clamp(p.Reviews, 0, 3)
	p.Rating, p.Age, p.Cat = clamp(p.Rating, 0, 50), clamp(p.Age, 0, 4), clamp(p.Cat, 0, len(parentOf)-1)
	return p
}

// normalize clamps a (possibly shrunk) request into the generated ranges.
func (q genQuery) normalize() genQuery {
	q.First, q.Cat, q.InStock = clamp(q.First, 1, 7), clamp(q.Cat, -1, len(parentOf)-1), clamp(q.InStock, 0, 2)
	for _, b := range []**int64{&q.Min, &q.Max} {
		if *b != nil {
			v := clamp(**b, 0, 5000)
			*b = &v
		}
	}
	if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
		q.Min, q.Max = q.Max, q.Min
	}
	return q
}

// catID and prodID derive well-spread UUIDs, so id order (the tie-breaker)
// is unrelated to generation order.
func catID(i int) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "cat-%d", i)).String()
}

func prodID(i int) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "prod-%d", i)).String()
}
