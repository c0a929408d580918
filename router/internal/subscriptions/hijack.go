package subscriptions

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"time"
)

// connBufferSize is the read and write buffer of an upgraded WebSocket
// connection. net/http hands a hijacked connection over with its own 4 KiB
// reader and writer, which the WebSocket library keeps for the life of the
// connection: 8 KiB for every idle subscriber. Client messages are small
// (init, subscribe, pong), larger ones bypass the buffer, and the library
// writes only control frames (the router writes its messages to the
// socket itself), so 1 KiB each is enough.
const connBufferSize = 1 << 10

// smallBuffers is the ResponseWriter the WebSocket upgrade sees: its
// Hijack swaps the server's buffers for connBufferSize ones, keeping any
// bytes the client already sent after the upgrade request, and hands the
// library the connection wrapped as a socket (sock), whose writes the
// router shares with it.
type smallBuffers struct {
	http.ResponseWriter
	hj http.Hijacker
	// sndbuf and timeout configure the socket.
	sndbuf  int
	timeout time.Duration
	// sock is the hijacked connection, once Hijack succeeded.
	sock *socket
}

func (h *Handler) newSmallBuffers(w http.ResponseWriter) (*smallBuffers, bool) {
	hj, ok := hijackerOf(w)
	if !ok {
		return nil, false
	}
	return &smallBuffers{ResponseWriter: w, hj: hj, sndbuf: h.opts.SocketBufferBytes, timeout: h.opts.WriteTimeout}, true
}

func (s *smallBuffers) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := s.hj.Hijack()
	if err != nil {
		return conn, brw, err
	}
	s.sock = newSocket(conn, s.sndbuf, s.timeout)
	// The server flushed its writer when hijacking (the 101 response was
	// written before), so a new writer loses nothing; it writes through
	// the socket. Bytes the client already sent must survive the swap of
	// the reader, inside the new reader's buffer: the WebSocket library
	// keeps only what is buffered and re-points the reader at the
	// connection.
	bw := bufio.NewWriterSize(s.sock, connBufferSize)
	n := brw.Reader.Buffered()
	if n > connBufferSize {
		return s.sock, bufio.NewReadWriter(brw.Reader, bw), nil
	}
	var r io.Reader = conn
	if n > 0 {
		early, _ := brw.Reader.Peek(n)
		r = io.MultiReader(bytes.NewReader(bytes.Clone(early)), conn)
	}
	br := bufio.NewReaderSize(r, connBufferSize)
	if n > 0 {
		if _, err := br.Peek(n); err != nil {
			return conn, nil, err
		}
	}
	return s.sock, bufio.NewReadWriter(br, bw), nil
}

// hijackerOf finds the http.Hijacker under middleware wrappers.
func hijackerOf(w http.ResponseWriter) (http.Hijacker, bool) {
	for {
		switch t := w.(type) {
		case http.Hijacker:
			return t, true
		case interface{ Unwrap() http.ResponseWriter }:
			w = t.Unwrap()
		default:
			return nil, false
		}
	}
}
