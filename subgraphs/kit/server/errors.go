package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
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

// ErrorPresenter maps domain errors to GraphQL errors: the message and
// extensions.code (and extensions.field) for coded errors; anything else is
// an internal error whose details go to the log, never to the client.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gerr *gqlerror.Error
		if errors.As(err, &gerr) && gerr.Err == nil {
			// Parse and validation errors from gqlgen itself keep their text.
			return gerr
		}
		out := graphql.DefaultErrorPresenter(ctx, err)
		var c coded
		if errors.As(err, &c) && c.ErrorCode() != "INTERNAL" {
			out.Message = c.Error()
			if out.Extensions == nil {
				out.Extensions = map[string]any{}
			}
			out.Extensions["code"] = c.ErrorCode()
			var f fielded
			if errors.As(err, &f) && f.ErrorField() != "" {
				out.Extensions["field"] = f.ErrorField()
			}
			return out
		}
		log.ErrorContext(ctx, "internal error", "err", err, "request_id", RequestID(ctx))
		out.Message = "internal error"
		out.Extensions = map[string]any{"code": "INTERNAL"}
		return out
	}
}

// recoverFunc turns a resolver panic into an INTERNAL error, logged.
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "request_id", RequestID(ctx))
		return errors.New("panic in resolver")
	}
}
