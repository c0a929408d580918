package subscriptions

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
)

// connBufferSize is the read and write buffer of an upgraded WebSocket
// connection. net/http hands a hijacked connection over with its own 4 KiB
// reader and writer, which the WebSocket library keeps for the life of the
// connection: 8 KiB for every idle subscriber. Client messages are small
// (init, subscribe, pong) and each server message is one buffered frame
// flushed at once, so 1 KiB each is enough; larger payloads bypass the
// buffer.
const connBufferSize = 1 << 10

// smallBuffers is the ResponseWriter the WebSocket upgrade sees: its
// Hijack swaps the server's buffers for connBufferSize ones, keeping any
// bytes the client already sent after the upgrade request.
type smallBuffers struct {
	http.ResponseWriter
	hj http.Hijacker
}

func newSmallBuffers(w http.ResponseWriter) http.ResponseWriter {
	hj, ok := hijackerOf(w)
	if !ok {
		return w
	}
	return &smallBuffers{ResponseWriter: w, hj: hj}
}

func (s *smallBuffers) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := s.hj.Hijack()
	if err != nil {
		return conn, brw, err
	}
	// The server flushed its writer when hijacking (the 101 response was
	// written before). Bytes the client already sent must survive the
	// swap, inside the new reader's buffer: the WebSocket library keeps
	// only what is buffered and re-points the reader at the connection.
	n := brw.Reader.Buffered()
	if n > connBufferSize {
		return conn, brw, nil
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
	return conn, bufio.NewReadWriter(br, bufio.NewWriterSize(conn, connBufferSize)), nil
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
