package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/nexus-commerce/nexus/subgraphs/product/seed"
)

// largeFlags are seed-large's arguments.
type largeFlags struct {
	products int
	reset    bool
}

// parseLarge reads seed-large's flags; code is -1 to go on, else the exit
// code (help printed, or a usage error).
func parseLarge(args []string, stdout, stderr io.Writer) (largeFlags, int) {
	var f largeFlags
	fs := flag.NewFlagSet("product seed-large", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&f.products, "products", 100_000, "products to generate (1 to 1000000)")
	fs.BoolVar(&f.reset, "reset", false, "wipe the catalog (products, variants, options, categories) first")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, usage)
			return f, exitOK
		}
		return f, exitUsage
	}
	if fs.NArg() > 0 || f.products < 1 || f.products > 1_000_000 {
		fmt.Fprintf(stderr, "product seed-large: want [--products N] with N from 1 to 1000000 and [--reset]\n")
		return f, exitUsage
	}
	return f, -1
}

// seedLarge migrates, then loads the benchmark catalog and prints what it
// wrote and how long it took (make seed-large shows this line).
func seedLarge(ctx context.Context, cfg Config, log *slog.Logger, f largeFlags, stdout io.Writer) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := seed.LoadLarge(ctx, db, seed.LargeOptions{Products: f.products, Reset: f.reset, Log: log})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "seed-large: %d categories, %d products, %d options, %d variants in %.1fs\n",
		res.Categories, res.Products, res.Options, res.Variants, res.Took.Seconds())
	return nil
}
