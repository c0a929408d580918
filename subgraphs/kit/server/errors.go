package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Error codes the kit itself produces in extensions.code; domain codes
// (NOT_FOUND, INVALID, ...) come from the domain errors.
const (
	CodeInternal        = "INTERNAL"
	CodeBadRequest      = "BAD_REQUEST"
	CodeRequestTooLarge = "REQUEST_TOO_LARGE"
)

// coded is a domain error with a client-facing code (NOT_FOUND, INVALID,
// CONFLICT, UNAUTHENTICATED, FORBIDDEN, INTERNAL).
type coded interface {
	error
	ErrorCode() string
}

// fielded names the argument or input field an error is about.
type fielded interface {
	ErrorField() string
}

// panicked is what recoverFunc returns: already logged with its stack, so
// the presenter masks it without logging it again.
type panicked struct{}

func (panicked) Error() string { return "panic in resolver" }

// ErrorPresenter decides what clients may see of an error, so no SQL text
// or stack trace ever leaves a service:
//
//   - an error implementing ErrorCode() string (found through wrapping)
//     keeps its own message, with extensions.code and, when ErrorField()
//     returns a name, extensions.field; code INTERNAL is masked as below;
//   - gqlgen's own errors (parse and validation failures, which carry
//     GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED, APQ, unreadable
//     bodies) keep their message; without a code they get BAD_REQUEST, or
//     INTERNAL when they concern a field (e.g. null for a non-null field);
//   - anything else becomes "internal error" with code INTERNAL; the
//     details are logged with the request id.
//
// The error's path and locations are kept.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return func(ctx context.Context, err error) *gqlerror.Error {
		out := &gqlerror.Error{Path: graphql.GetPath(ctx)}
		var gerr *gqlerror.Error
		if errors.As(err, &gerr) {
			if gerr.Path != nil {
				out.Path = gerr.Path
			}
			out.Locations = gerr.Locations
			if gerr.Err == nil {
				return ownError(gerr, out.Path)
			}
		}
		var c coded
		if errors.As(err, &c) && c.ErrorCode() != CodeInternal {
			out.Message = c.Error()
			out.Extensions = map[string]any{"code": c.ErrorCode()}
			if f, ok := c.(fielded); ok && f.ErrorField() != "" {
				out.Extensions["field"] = f.ErrorField()
			}
			return out
		}
		if !errors.As(err, new(panicked)) {
			log.ErrorContext(ctx, "internal error", "err", err, "path", out.Path.String(), "request_id", RequestID(ctx))
		}
		out.Message = "internal error"
		out.Extensions = map[string]any{"code": CodeInternal}
		return out
	}
}

// ownError presents an error gqlgen or a resolver built as a gqlerror
// without a cause: its message is meant for clients already.
func ownError(gerr *gqlerror.Error, path ast.Path) *gqlerror.Error {
	out := *gerr
	out.Path = path
	if _, ok := out.Extensions["code"]; !ok {
		ext := make(map[string]any, len(gerr.Extensions)+1)
		for k, v := range gerr.Extensions {
			ext[k] = v
		}
		ext["code"] = CodeBadRequest
		if len(path) > 0 {
			ext["code"] = CodeInternal
		}
		out.Extensions = ext
	}
	return &out
}

// recoverFunc logs a resolver panic with its stack and returns an error the
// presenter turns into a bare INTERNAL error: the panic text may hold
// anything and never reaches the client.
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "request_id", RequestID(ctx), "stack", string(debug.Stack()))
		return panicked{}
	}
}
