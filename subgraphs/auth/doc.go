// Package auth is the Nexus auth domain: users, password hashes, sessions
// (rotating refresh-token families), signing keys and their JWKS, password
// reset and email verification (issue #13; being built).
package auth
