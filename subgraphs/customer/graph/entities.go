package graph

import (
	"context"

	"github.com/nexus-commerce/nexus/subgraphs/customer/graph/model"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// usersByIDs answers a batch of User representations in input order:
// every UUID is a user as far as this subgraph knows (the auth subgraph
// owns users; a profile is created on first use), anything else is null.
// Nothing is read here: each customer field of a User checks on its own
// that the caller is that user or an admin (authorize), so a batch mixing
// the caller and others yields the caller's fields and one FORBIDDEN error
// per field of each other user. The users the caller may read are
// announced to the loaders, so each field costs one query for the batch.
func (r *Resolver) usersByIDs(ctx context.Context, reps []*model.UserByIDsInput) []*model.User {
	me, _ := caller(ctx)
	admin := kitauth.HasScope(ctx, AdminScope)
	l := r.loadersOf(ctx)
	out := make([]*model.User, len(reps))
	for i, rep := range reps {
		if rep == nil {
			continue
		}
		if id, ok := canonicalUUID(rep.ID); ok {
			out[i] = &model.User{ID: id}
			if me != "" && (admin || id == me) {
				l.expect(id)
			}
		}
	}
	return out
}
