package auth

import (
	"fmt"
	"os"
)

// SecretEnv names the environment variable holding the secret shared by the
// router and every subgraph.
const SecretEnv = "NEXUS_ROUTER_SECRET"

// MinSecretLen is the shortest secret accepted: HS256 is only as strong as
// its key, and 32 bytes matches the hash size.
const MinSecretLen = 32

// SecretFromEnv reads NEXUS_ROUTER_SECRET, failing at start (rather than on
// the first request) when it is unset or too short. The error names the
// variable, never its value.
func SecretFromEnv() ([]byte, error) {
	return CheckSecret(os.Getenv(SecretEnv))
}

// CheckSecret validates a secret from any source with the rules of
// SecretFromEnv.
func CheckSecret(s string) ([]byte, error) {
	switch {
	case s == "":
		return nil, fmt.Errorf("%s is not set: the router and subgraphs need a shared secret of at least %d bytes", SecretEnv, MinSecretLen)
	case len(s) < MinSecretLen:
		return nil, fmt.Errorf("%s is %d bytes long, at least %d are required", SecretEnv, len(s), MinSecretLen)
	}
	return []byte(s), nil
}
