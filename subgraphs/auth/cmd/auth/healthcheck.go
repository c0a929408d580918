package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
)

// healthcheck asks the server on HTTP_ADDR for /readyz. Distroless images
// have no curl, so the binary checks itself.
func healthcheck(stderr io.Writer) int {
	_, port, err := net.SplitHostPort(config.String("HTTP_ADDR", DefaultHTTPAddr))
	if err != nil {
		fmt.Fprintf(stderr, "auth healthcheck: HTTP_ADDR: %v\n", err)
		return exitUsage
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort("127.0.0.1", port) + "/readyz")
	if err != nil {
		fmt.Fprintf(stderr, "auth healthcheck: %v\n", err)
		return exitFailure
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "auth healthcheck: /readyz answered %d\n", resp.StatusCode)
		return exitFailure
	}
	return exitOK
}
