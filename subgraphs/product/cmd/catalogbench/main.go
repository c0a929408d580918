// Command catalogbench is the load generator of `make bench-catalog`
// (scripts/bench-catalog.sh; the catalog comes from `product seed-large`):
// it sends distinct search + filter + facet listings and search-box
// suggestions through the router from concurrent clients, and prints
// the query plans and index sizes behind them.
//
//	catalogbench load -url http://127.0.0.1:4100/graphql -clients 50 -duration 20s
//	catalogbench explain -db URL
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"github.com/nexus-commerce/nexus/subgraphs/product/store"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: catalogbench load|explain [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dbURL := fs.String("db", os.Getenv("DATABASE_URL"), "PostgreSQL URL (explain)")
	url := fs.String("url", "http://127.0.0.1:4100/graphql", "GraphQL endpoint (load)")
	clients := fs.Int("clients", 50, "concurrent clients of the listing phase (load)")
	sclients := fs.Int("suggest-clients", 4, "concurrent clients of the suggestions phase (load)")
	dur := fs.Duration("duration", 20*time.Second, "listing phase length (load)")
	sdur := fs.Duration("suggest-duration", 10*time.Second, "suggestions phase length (load)")
	_ = fs.Parse(os.Args[2:])
	ctx := context.Background()
	var err error
	switch os.Args[1] {
	case "load":
		err = load(ctx, *url, *clients, *dur, *sclients, *sdur)
	case "explain":
		err = withDB(*dbURL, func(db *sqlx.DB) error { return explain(ctx, db) })
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogbench:", err)
		os.Exit(1)
	}
}

func withDB(url string, fn func(*sqlx.DB) error) error {
	db, err := sqlx.Open("postgres", url)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// load runs the listing phase, then the suggestions phase.
func load(ctx context.Context, url string, clients int, d time.Duration, sclients int, sd time.Duration) error {
	v, err := loadVocab(ctx, url)
	if err != nil {
		return err
	}
	fmt.Printf("vocabulary: %d words, %d categories, %d tags, %d options\n", len(v.words), len(v.categories), len(v.tags), len(v.options))
	run(ctx, "warm-up", url, listingQuery, clients, 3*time.Second, v.listing)
	// Twice: the index caches search matches per term until the catalog
	// changes, so the first run pays PostgreSQL for each new word and the
	// second shows the steady state of a catalog that is not being edited.
	run(ctx, fmt.Sprintf("listings (search+filters+facets, %d clients), 1st run", clients), url, listingQuery, clients, d, v.listing).print()
	run(ctx, fmt.Sprintf("listings (search+filters+facets, %d clients), 2nd run", clients), url, listingQuery, clients, d, v.listing).print()
	run(ctx, fmt.Sprintf("suggestions (%d clients)", sclients), url, suggestQuery, sclients, sd, v.suggestion).print()
	run(ctx, "suggestions (1 client)", url, suggestQuery, 1, sd/2, v.suggestion).print()
	return nil
}

// explain prints the plans of a few searches and the product indexes' sizes.
func explain(ctx context.Context, db *sqlx.DB) error {
	s := store.New(db)
	for _, text := range []string{"wireless", "headphnes", "snea"} {
		plans, err := s.Explain(ctx, text)
		if err != nil {
			return err
		}
		for _, p := range plans {
			fmt.Printf("-- %s\n%s\n\n", p.Name, p.Plan)
		}
	}
	var sizes []struct {
		Name string `db:"name"`
		Size string `db:"size"`
	}
	if err := db.SelectContext(ctx, &sizes, `SELECT c.relname AS name, pg_size_pretty(pg_relation_size(c.oid)) AS size
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'product' AND c.relkind IN ('r', 'i')
		ORDER BY c.relkind DESC, pg_relation_size(c.oid) DESC`); err != nil {
		return err
	}
	fmt.Println("-- relation sizes (tables, then indexes)")
	for _, s := range sizes {
		fmt.Printf("%-40s %s\n", s.Name, s.Size)
	}
	return nil
}
