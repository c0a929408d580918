// Package connectbrotli stands in for go.withmatt.com/connect-brotli,
// which the Go module proxy reachable here does not serve. Cosmo's router
// uses it in one place: Brotli compression of its self-registration calls
// to the Cosmo control plane, which the benchmark never makes (no graph
// token). It registers the same "br" codec with connect, built on the
// andybalholm/brotli package the original wraps, so the binary behaves as
// upstream's would.
package connectbrotli

import (
	"io"

	"connectrpc.com/connect"
	"github.com/andybalholm/brotli"
)

// Name is the compression name on the wire (Content-Encoding: br).
const Name = "br"

// WithCompression lets a connect client send and accept Brotli bodies.
func WithCompression() connect.ClientOption {
	return connect.WithAcceptCompression(Name,
		func() connect.Decompressor { return &decompressor{r: brotli.NewReader(nil)} },
		func() connect.Compressor { return brotli.NewWriter(nil) },
	)
}

// decompressor adds the Close that connect.Decompressor needs.
type decompressor struct{ r *brotli.Reader }

func (d *decompressor) Read(p []byte) (int, error) { return d.r.Read(p) }
func (d *decompressor) Close() error               { return nil }
func (d *decompressor) Reset(r io.Reader) error    { return d.r.Reset(r) }
