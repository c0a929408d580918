package index

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// Lexemes of the random documents and words of the random terms: stems
// that are prefixes of each other, a word whose stem differs from its
// prefix (running: 'run' | 'running':*), a stop word, a quote.
var (
	docLexemes = []string{"sa", "sauc", "sauce", "run", "runn", "running", "shirt", "class", "classic", "cla", "red", "r", "it's", "o'brien", "x"}
	termWords  = []string{"sa", "sauce", "sauces", "running", "run", "shirt", "shirts", "class", "classic", "cla", "red", "r", "the", "it", "x", "zzz", "c", "s"}
)

// randomDoc is a tsvector's text: distinct lexemes, each with 0-6
// ascending positions of random weights (0 positions: PostgreSQL's POSNULL).
func randomDoc(r *rand.Rand) string {
	var parts []string
	for _, l := range docLexemes {
		if r.IntN(3) != 0 {
			continue
		}
		e := "'" + strings.ReplaceAll(l, "'", "''") + "'"
		if n := r.IntN(7); n > 0 {
			pos := 0
			var ps []string
			for range n {
				pos += 1 + r.IntN(20)
				ps = append(ps, strconv.Itoa(pos)+[]string{"A", "B", "C", ""}[r.IntN(4)])
			}
			e += ":" + strings.Join(ps, ",")
		}
		parts = append(parts, e)
	}
	return strings.Join(parts, " ")
}

// TestTSRankMatchesPostgreSQL: for random documents and terms, the rows
// rankItems matches and their ranks equal PostgreSQL's `search @@ q` and
// ts_rank(search, q)::float8 bit for bit (q as store/search.go builds it).
func TestTSRankMatchesPostgreSQL(t *testing.T) {
	db := pgtest.New(t)
	seed := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		seed, _ = strconv.ParseInt(v, 10, 64)
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run '%s' ./index)", seed, seed, t.Name())
	params := gopter.DefaultTestParameters()
	params.SetSeed(seed)
	params.MinSuccessfulTests = 300
	props := gopter.NewProperties(params)
	props.Property("rank and matches equal PostgreSQL's", prop.ForAll(func(docSeed uint64, wi int, last bool) string {
		r := rand.New(rand.NewPCG(docSeed, 1))
		docs := make([]string, 12)
		for i := range docs {
			docs[i] = randomDoc(r)
		}
		word := termWords[wi]
		// PostgreSQL's normal form of each document, as products.search::text.
		var norm []string
		if err := db.Select(&norm, `SELECT d::tsvector::text FROM unnest($1::text[]) WITH ORDINALITY AS u(d, i) ORDER BY i`, pq.Array(docs)); err != nil {
			return err.Error()
		}
		var want []struct {
			Match bool    `db:"m"`
			Rank  float64 `db:"rank"`
		}
		q := `to_tsquery('english', $2::text)`
		if last {
			q = `(` + q + ` || to_tsquery('simple', $2::text || ':*'))`
		}
		if err := db.Select(&want, `SELECT d::tsvector @@ `+q+` AS m, ts_rank(d::tsvector, `+q+`)::float8 AS rank
			FROM unnest($1::text[]) WITH ORDINALITY AS u(d, i) ORDER BY i`, pq.Array(norm), word); err != nil {
			return err.Error()
		}
		var ti termItems
		if err := db.QueryRow(`SELECT to_tsquery('english', $1::text)::text, to_tsquery('simple', $1::text || ':*')::text`, word).Scan(&ti.english, &ti.prefix); err != nil {
			return err.Error()
		}
		items, ok := termQueryItems(ti, last)
		if !ok {
			return "" // PostgreSQL answers this term
		}
		fi := make([]product.FacetItem, len(norm))
		for i, d := range norm {
			fi[i] = product.FacetItem{ID: fmt.Sprintf("%02d", i), Search: d}
		}
		s := newSnapshot(fi, nil, nil)
		if s.lex == nil {
			return "lexicon did not parse"
		}
		got := s.rankItems(items)
		for i, w := range want {
			g, in := got[fmt.Sprintf("%02d", i)]
			if in != w.Match || (in && g != w.Rank) {
				return fmt.Sprintf("doc %q word %q last %v items %v: got (%v, %v) want (%v, %v)", norm[i], word, last, items, in, g, w.Match, w.Rank)
			}
		}
		return ""
	}, gen.UInt64(), gen.IntRange(0, len(termWords)-1), gen.Bool()))
	props.TestingRun(t)
}
