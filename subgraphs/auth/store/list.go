package store

import (
	"context"
	"strconv"
	"strings"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// ListUsers returns up to first users matching f, newest first, after the
// cursor (nil: from the newest), and how many match in all.
func (s *Store) ListUsers(ctx context.Context, f auth.UserFilter, first int, after *auth.UserCursor) (auth.UserPage, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Search != "" {
		p := arg("%" + escapeLike(strings.ToLower(f.Search)) + "%")
		where = append(where, "(lower(email) LIKE "+p+" OR lower(first_name) LIKE "+p+" OR lower(last_name) LIKE "+p+")")
	}
	if f.Role != "" {
		where = append(where, "role = "+arg(string(f.Role)))
	}
	if f.Disabled != nil {
		where = append(where, "disabled = "+arg(*f.Disabled))
	}
	filter := "true"
	if len(where) > 0 {
		filter = strings.Join(where, " AND ")
	}
	var page auth.UserPage
	if err := s.db.GetContext(ctx, &page.TotalCount, `SELECT count(*) FROM auth.users WHERE `+filter, args...); err != nil {
		return page, auth.InternalError("list users: count", err)
	}
	seek := filter
	if after != nil {
		seek += " AND (created_at, id) < (" + arg(after.Time()) + ", " + arg(after.ID) + "::uuid)"
		page.HasPrevious = true
	}
	q := `SELECT ` + userColumns + ` FROM auth.users WHERE ` + seek + ` ORDER BY created_at DESC, id DESC LIMIT ` + arg(first+1)
	if err := s.db.SelectContext(ctx, &page.Users, q, args...); err != nil {
		return page, auth.InternalError("list users", err)
	}
	if len(page.Users) > first {
		page.Users, page.HasNext = page.Users[:first], true
	}
	return page, nil
}

// escapeLike makes s match literally in a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
