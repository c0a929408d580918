package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// devTokenEnv holds the development HMAC key router.yaml's optional "dev"
// static key reads; `make run` sets it.
const devTokenEnv = "NEXUS_DEV_JWT_SECRET"

// devToken prints a JWT for the development key, so a developer can act as
// an admin in GraphiQL (Headers: {"Authorization": "Bearer <token>"}). It
// refuses to run without the development key, so it can never mint tokens
// a production router (which has no such key) would accept.
func devToken(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("dev-token", stderr)
	sub := fs.String("sub", "dev-admin", "subject")
	scope := fs.String("scope", "admin", "space-separated scopes")
	issuer := fs.String("issuer", envOr("ROUTER_JWT_ISSUER", "nexus-dev"), "issuer (router.yaml auth.issuer; default $ROUTER_JWT_ISSUER or nexus-dev)")
	audience := fs.String("audience", envOr("ROUTER_JWT_AUDIENCE", "nexus"), "audience (router.yaml auth.audience; default $ROUTER_JWT_AUDIENCE or nexus)")
	ttl := fs.Duration("ttl", 8*time.Hour, "lifetime")
	if err := fs.Parse(args); err != nil {
		return err
	}
	secret := os.Getenv(devTokenEnv)
	if len(secret) < 32 {
		return errors.New(devTokenEnv + " must hold the development key (at least 32 bytes); `make run` sets it")
	}
	if strings.TrimSpace(*audience) == "" {
		return errors.New("--audience: required (the router refuses tokens without its audience)")
	}
	if *ttl <= 0 || *ttl > 24*time.Hour {
		return fmt.Errorf("--ttl %s: must be between 0 and 24h", *ttl)
	}
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"iss": *issuer, "aud": *audience, "sub": *sub, "scope": strings.TrimSpace(*scope),
		"iat": now.Unix(), "exp": now.Add(*ttl).Unix(),
	})
	tok.Header["kid"] = "dev"
	s, err := tok.SignedString([]byte(secret))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, s)
	return err
}
