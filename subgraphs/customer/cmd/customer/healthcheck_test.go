package main

import (
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
)

func TestHealthcheck(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ready := true
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" || !ready {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()
	t.Setenv("HTTP_ADDR", ":"+strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
	if code := healthcheck(io.Discard); code != exitOK {
		t.Fatalf("ready server: exit %d", code)
	}
	ready = false
	if code := healthcheck(io.Discard); code != exitFailure {
		t.Fatalf("unready server: exit %d", code)
	}
	srv.Close()
	if code := healthcheck(io.Discard); code != exitFailure {
		t.Fatalf("no server: exit %d", code)
	}
}
