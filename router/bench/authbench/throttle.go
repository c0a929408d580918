package authbench

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// throttleFailures reads the auth service's throttle counter of key from
// its database: the attempts counted against it, each one let through
// (a refused attempt is not counted). For the sign-in keys that is
// exactly the number of password checks it allowed: the service checks a
// password only after both its address key and its account key let the
// attempt through. found is false when the row does not exist (nothing
// was counted, or a successful sign-in cleared it). It runs psql (which
// `make db` installs) rather than linking a driver into the router module.
func throttleFailures(ctx context.Context, dbURL, key string) (n int, found bool, err error) {
	cmd := exec.CommandContext(ctx, "psql", "-Atq", "-v", "ON_ERROR_STOP=1", "-v", "key="+key, dbURL)
	cmd.Stdin = strings.NewReader("SELECT failures FROM auth.throttle WHERE key = :'key';\n")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return 0, false, fmt.Errorf("psql: %v: %s", err, strings.TrimSpace(errb.String()))
	}
	s := strings.TrimSpace(out.String())
	if s == "" {
		return 0, false, nil
	}
	n, err = strconv.Atoi(s)
	return n, err == nil, err
}

// Keys of the auth service's sign-in throttles (subgraphs/auth/account).
func accountKey(email string) string {
	return "signin:acct:" + strings.ToLower(strings.TrimSpace(email))
}
func addressKey(ip string) string { return "signin:addr:" + ip }
