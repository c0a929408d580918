package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/lib/pq"
)

// throwawayDatabase creates an empty database nexus_bench_subs_<random> on
// base's server, so the benchmark's stock changes and event log never
// touch the development catalog, and returns its URL and a func that
// drops it (WITH (FORCE): the subgraph's connections do not keep it).
func throwawayDatabase(ctx context.Context, base string) (string, func(), error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		return "", nil, fmt.Errorf("DATABASE_URL must be a postgres:// URL: %v", err)
	}
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	name := "nexus_bench_subs_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("postgres", base)
	if err != nil {
		return "", nil, err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)); err != nil {
		return "", nil, fmt.Errorf("create database %s: %w", name, err)
	}
	drop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		a, err := sql.Open("postgres", base)
		if err == nil {
			_, err = a.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)+` WITH (FORCE)`)
			a.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "benchsubs: drop database %s: %v\n", name, err)
		}
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), drop, nil
}
