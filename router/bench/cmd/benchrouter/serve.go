package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/nexus-commerce/nexus/router/bench/harness"
	"github.com/nexus-commerce/nexus/router/bench/subgraphs"
)

// serveSubgraph serves one benchmark subgraph (memoized with memo) on a free loopback port
// until ctx ends, announcing its URL on stdout.
func serveSubgraph(ctx context.Context, name string, memo bool) error {
	h, err := subgraphs.Handler(name)
	if err != nil {
		return err
	}
	if memo {
		h = subgraphs.Memoize(h)
	}
	return serveHTTP(ctx, h)
}

// serveStatic answers every request with the bytes of file: the ceiling
// of what any router could do with this response on this machine.
func serveStatic(ctx context.Context, file string) error {
	body, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	return serveHTTP(ctx, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/graphql-response+json")
		// A length rather than chunked encoding, as a tuned server would send.
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	}))
}

func serveHTTP(ctx context.Context, h http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	mux.Handle("/graphql", h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("%shttp://%s/graphql\n", harness.ListeningPrefix, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
