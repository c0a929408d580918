package server

import (
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

// ErrBodyTimeout is what reading a request body returns when the body did
// not arrive within limits.body_read_timeout. It matches
// os.ErrDeadlineExceeded too, so handlers outside this package (the SSE
// transport) recognise it without importing it.
var ErrBodyTimeout error = bodyTimeout{}

type bodyTimeout struct{}

func (bodyTimeout) Error() string        { return "request body not received in time" }
func (bodyTimeout) Timeout() bool        { return true }
func (bodyTimeout) Is(target error) bool { return target == os.ErrDeadlineExceeded }

// IsBodyTimeout reports whether err (from reading a request body) means the
// body did not arrive in time: the request is answered 408.
func IsBodyTimeout(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) }

// deadlineBody bounds the reading of one request body. net/http has no
// body timeout of its own that spares long-lived responses (ReadTimeout
// would cut SSE streams and WebSockets): the connection gets a read
// deadline when the handler starts, and loses it again the moment the body
// has been read to its end, so a streaming response that follows is not
// cut. A body that never ends (a short Content-Length, an unterminated
// chunked body) fails with ErrBodyTimeout instead of holding the
// connection, and the response closes the connection.
type deadlineBody struct {
	io.ReadCloser
	rc  *http.ResponseController
	hdr http.Header
	// done: the deadline is lifted (the body ended) or expired.
	once sync.Once
}

// limitBodyRead arms the body read deadline of r's connection when r has a
// body; r.Body then reports a timeout as ErrBodyTimeout. GETs (WebSocket
// upgrades among them) carry no body and no deadline, so a hijacked
// connection starts without one.
func limitBodyRead(w http.ResponseWriter, r *http.Request, timeout time.Duration) {
	if timeout <= 0 || r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return
	}
	rc := http.NewResponseController(w)
	if rc.SetReadDeadline(time.Now().Add(timeout)) != nil {
		return // not a connection with deadlines (a test recorder)
	}
	r.Body = &deadlineBody{ReadCloser: r.Body, rc: rc, hdr: w.Header()}
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		// The whole body is in: the deadline must not outlive it (net/http
		// clears it too when its background read starts at the body's end;
		// this does not rely on that).
		b.once.Do(func() { _ = b.rc.SetReadDeadline(time.Time{}) })
	case isTimeout(err):
		// The connection's read side is now unusable: the response must
		// be the last on it.
		b.once.Do(func() { b.hdr.Set("Connection", "close") })
		return n, ErrBodyTimeout
	}
	return n, err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}
