package subscriptions

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// contextWithShutdown is the request's context, also ended by Shutdown.
func contextWithShutdown(r *http.Request, h *Handler) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(r.Context())
	stop := context.AfterFunc(h.ctx, cancel)
	return ctx, func() { stop(); cancel() }
}

// serveSSE runs one operation over GraphQL over SSE (graphql-sse's
// distinct connections mode): POST with a JSON body or GET with query
// parameters, answered by `event: next` messages and one `event: complete`.
// Refusals before the stream starts are plain JSON errors with a 4xx.
func (h *Handler) serveSSE(w http.ResponseWriter, r *http.Request) {
	req, status, msg := h.sseRequest(w, r)
	if status != 0 {
		writeJSONError(w, status, "BAD_REQUEST", msg)
		return
	}
	// Persisted operations, APQ and the safelist, as over HTTP.
	if err := h.resolveQuery(req); err != nil {
		pe := persistedRefusal(err)
		if pe == nil {
			h.opts.Log.Error("subscription: resolve query", "err", err)
			writeJSONError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
			return
		}
		writeJSONError(w, pe.HTTPStatus(http.StatusBadRequest), pe.Code, pe.Message)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		writeJSONError(w, http.StatusBadRequest, "BAD_REQUEST", "query is required (or a persisted operation id in extensions.persistedQuery)")
		return
	}
	exec, err := h.execOptions(r)
	if err != nil {
		var coded interface{ ErrorCode() string }
		if errors.As(err, &coded) && coded.ErrorCode() == "UNAUTHENTICATED" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			writeJSONError(w, http.StatusUnauthorized, "UNAUTHENTICATED", err.Error())
			return
		}
		h.opts.Log.Error("subscription request setup", "err", err)
		writeJSONError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error")
		return
	}

	rc := http.NewResponseController(w)
	hdr := w.Header()
	hdr.Set("Content-Type", "text/event-stream; charset=utf-8")
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Accel-Buffering", "no") // proxies must not hold events back
	w.WriteHeader(http.StatusOK)
	if err := rc.Flush(); err != nil {
		return
	}
	h.connections.Add(1)
	defer h.connections.Add(-1)
	h.subscriptions.Add(1)
	defer h.subscriptions.Add(-1)

	ctx, cancel := contextWithShutdown(r, h)
	defer cancel()
	write := func(b []byte) error {
		_ = rc.SetWriteDeadline(time.Now().Add(h.opts.WriteTimeout))
		if _, err := w.Write(b); err != nil {
			return err
		}
		return rc.Flush()
	}
	var slowFlag atomic.Bool
	out := h.newOutbox(write, func() {
		slowFlag.Store(true)
		h.slow.Add(1)
		h.opts.Log.Warn("subscription client too slow; disconnecting", "remote", r.RemoteAddr)
		cancel()
	}, func(error) { cancel() })
	// The token authenticated the request, not forever: the stream ends
	// with an error when it expires.
	var expired atomic.Bool
	if p := exec.Principal; p != nil && !p.Expires.IsZero() {
		t := time.AfterFunc(time.Until(p.Expires), func() {
			expired.Store(true)
			cancel()
		})
		defer t.Stop()
	}
	var ka *time.Timer
	ka = time.AfterFunc(time.Hour, func() {
		if out.push([]byte(":\n\n")) == nil {
			ka.Reset(h.opts.KeepAlive)
		}
	})
	ka.Reset(h.opts.KeepAlive)

	err = h.run(ctx, req.graphQL(), exec, &sseSink{out: out})
	ka.Stop()
	slow := slowFlag.Load()
	switch {
	case expired.Load() && !slow:
		_ = out.push(sseEvent("next", errorsObject(codedError("token expired: subscribe again with a fresh token", "UNAUTHENTICATED"))))
	case ctx.Err() != nil && !slow:
		// The client left or the router is shutting down.
	case err != nil:
		_ = out.push(sseEvent("next", errorsObject(h.errorList(err))))
	}
	if !slow && r.Context().Err() == nil {
		_ = out.push([]byte("event: complete\n\n"))
	}
	<-out.wait()
	out.close()
	if slow {
		// Best effort: the client may still read what is already on its
		// way and learn why it was cut off.
		_ = write(sseEvent("next", errorsObject(codedError("slow consumer: buffer full", "SLOW_CONSUMER"))))
		_ = write([]byte("event: complete\n\n"))
	}
}

// sseRequest reads the GraphQL request of a POST body or GET query.
func (h *Handler) sseRequest(w http.ResponseWriter, r *http.Request) (*request, int, string) {
	var req request
	if r.Method == http.MethodPost {
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
			return nil, http.StatusUnsupportedMediaType, "Content-Type must be application/json"
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxMessageBytes))
		if err != nil {
			return nil, http.StatusRequestEntityTooLarge, "request body too large"
		}
		if err := json.Unmarshal(body, &req); err != nil {
			return nil, http.StatusBadRequest, "body: not a JSON GraphQL request"
		}
	} else {
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if !json.Valid([]byte(v)) {
				return nil, http.StatusBadRequest, "variables: not JSON"
			}
			req.Variables = json.RawMessage(v)
		}
		if v := q.Get("extensions"); v != "" {
			if !json.Valid([]byte(v)) {
				return nil, http.StatusBadRequest, "extensions: not JSON"
			}
			req.Extensions = json.RawMessage(v)
		}
	}
	if strings.TrimSpace(req.Query) == "" && len(req.Extensions) == 0 {
		return nil, http.StatusBadRequest, "query is required"
	}
	return &req, 0, ""
}

// sseSink turns results into `event: next` messages.
type sseSink struct{ out *outbox }

func (s *sseSink) Next(payload []byte) error { return s.out.push(sseEvent("next", payload)) }

// Complete needs nothing: serveSSE completes the stream when Subscribe returns.
func (s *sseSink) Complete() {}

// Error delivers the subgraph's final errors as a result.
func (s *sseSink) Error(payload []byte) { _ = s.Next(payload) }

// sseEvent builds one event; data must be one line of JSON.
func sseEvent(event string, data []byte) []byte {
	b := make([]byte, 0, len(event)+len(data)+16)
	b = append(b, "event: "...)
	b = append(b, event...)
	b = append(b, "\ndata: "...)
	b = append(b, data...)
	return append(b, "\n\n"...)
}

// errorsObject wraps an errors array as a response: {"errors":[...]}.
func errorsObject(list []byte) []byte {
	b := append([]byte(`{"errors":`), list...)
	return append(b, '}')
}

// writeJSONError answers a request that cannot start a stream.
func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(errorsObject(codedError(msg, code)))
}
