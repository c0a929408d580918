package graph

import (
	"context"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/graph/model"
)

// users resolves Query.users for an admin caller.
func (r *Resolver) users(ctx context.Context, c account.Caller, first *int, after *string, filter *model.UserFilter) (*model.UserConnection, error) {
	n := 20
	if first != nil {
		n = *first
	}
	var f auth.UserFilter
	if filter != nil {
		if filter.Search != nil {
			f.Search = *filter.Search
		}
		if filter.Role != nil {
			f.Role = auth.Role(*filter.Role)
		}
		f.Disabled = filter.Disabled
	}
	a := ""
	if after != nil {
		a = *after
	}
	page, err := r.Accounts.Users(ctx, c, f, n, a)
	if err != nil {
		return nil, fail(ctx, err)
	}
	conn := &model.UserConnection{
		Edges:      make([]*model.UserEdge, len(page.Users)),
		PageInfo:   &model.PageInfo{HasNextPage: page.HasNext, HasPreviousPage: page.HasPrevious},
		TotalCount: page.TotalCount,
	}
	for i, u := range page.Users {
		cur := auth.CursorOf(u).Encode()
		conn.Edges[i] = &model.UserEdge{Cursor: cur, Node: user(u)}
	}
	if len(conn.Edges) > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[len(conn.Edges)-1].Cursor
	}
	return conn, nil
}
