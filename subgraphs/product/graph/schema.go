package graph

import (
	"context"
	"errors"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/generated"
)

// NewSchema returns the executable schema to serve. Every query or
// mutation executed through it gets fresh batch loaders, so nested fields
// are batched within an operation while no cached row outlives it; a
// subscription gets fresh loaders for each event it delivers, since it may
// live for hours.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	return requestScoped{
		ExecutableSchema: generated.NewExecutableSchema(generated.Config{Resolvers: r}),
		resolver:         r,
	}
}

// requestScoped decorates the generated schema with per-operation loaders
// and with the delivery of errors that end a subscription stream.
type requestScoped struct {
	graphql.ExecutableSchema
	resolver *Resolver
}

// Exec attaches one set of loaders to the operation; the response handler may
// run more than once (deferred fragments) and reuses the same set.
func (s requestScoped) Exec(ctx context.Context) graphql.ResponseHandler {
	l := newLoaders(s.resolver.Store)
	if !isSubscription(ctx) {
		next := s.ExecutableSchema.Exec(withLoaders(ctx, l))
		return func(ctx context.Context) *graphql.Response {
			return next(withLoaders(ctx, l))
		}
	}
	failed := &streamErrors{}
	next := s.ExecutableSchema.Exec(withLoaders(context.WithValue(ctx, streamErrorsKey{}, failed), l))
	done := false
	return func(ctx context.Context) *graphql.Response {
		if done {
			return nil
		}
		if resp := next(withLoaders(ctx, newLoaders(s.resolver.Store))); resp != nil {
			return resp
		}
		// The stream ended: after a failure the client gets it as a last
		// message (then completion), after unsubscribing just completion.
		done = true
		if err := failed.get(); err != nil {
			return &graphql.Response{Errors: gqlerror.List{present(graphql.GetOperationContext(ctx), err)}}
		}
		return nil
	}
}

func isSubscription(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Subscription
}

// streamErrors holds the error that ended an operation's subscription
// stream; the stream's goroutine sets it before closing its channel.
type streamErrors struct {
	mu  sync.Mutex
	err error
}

func (s *streamErrors) get() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

type streamErrorsKey struct{}

// setStreamError records why the operation's stream is about to end.
func setStreamError(ctx context.Context, err error) {
	if s, ok := ctx.Value(streamErrorsKey{}).(*streamErrors); ok {
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
	}
}

// present renders a stream-ending error the way the kit's presenter
// renders resolver errors: the domain error's own (client-safe) message
// and code, and the subscription field as the path.
func present(oc *graphql.OperationContext, err error) *gqlerror.Error {
	out := &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": product.Internal}}
	var e *product.Error
	if errors.As(err, &e) {
		out.Message = e.Error()
		out.Extensions["code"] = e.Code
		if e.Field != "" {
			out.Extensions["field"] = e.Field
		}
	}
	if oc != nil && oc.Operation != nil && len(oc.Operation.SelectionSet) == 1 {
		if f, ok := oc.Operation.SelectionSet[0].(*ast.Field); ok {
			out.Path = ast.Path{ast.PathName(f.Alias)}
		}
	}
	return out
}
