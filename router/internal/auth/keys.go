package auth

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// staticKey is a loaded StaticKey: the verification key and the one
// algorithm it may be used with.
type staticKey struct {
	alg string
	key any // *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey or []byte (HMAC)
}

// minHMACSecret is the shortest HMAC secret accepted: shorter keys make
// HS256 tokens guessable offline.
const minHMACSecret = 32

// loadStaticKeys reads every static key's PEM or secret; errors name the
// key's config path and the environment variable, never its content.
func loadStaticKeys(keys []StaticKey, lookup func(string) (string, bool)) (map[string]staticKey, error) {
	out := make(map[string]staticKey, len(keys))
	var errs []error
	for i, k := range keys {
		if k.Optional && !keySourceSet(k, lookup) {
			// An optional key (a development key) whose variable is unset
			// is skipped: tokens for it are refused like any unknown kid.
			continue
		}
		sk, err := loadStaticKey(k, lookup)
		if err != nil {
			errs = append(errs, fmt.Errorf("auth.static_keys[%d]: %w", i, err))
			continue
		}
		out[k.KID] = sk
	}
	return out, errors.Join(errs...)
}

// keySourceSet reports whether the environment variable a key reads (if
// any) is set; an inline PEM always is.
func keySourceSet(k StaticKey, lookup func(string) (string, bool)) bool {
	name := k.SecretEnv
	if name == "" {
		name = k.PEMEnv
	}
	if name == "" {
		return true
	}
	v, ok := lookup(name)
	return ok && v != ""
}

func loadStaticKey(k StaticKey, lookup func(string) (string, bool)) (staticKey, error) {
	if k.SecretEnv != "" {
		s, ok := lookup(k.SecretEnv)
		if !ok || s == "" {
			return staticKey{}, fmt.Errorf("secret_env: environment variable %s is not set", k.SecretEnv)
		}
		if len(s) < minHMACSecret {
			return staticKey{}, fmt.Errorf("secret_env: %s holds %d bytes, at least %d are required", k.SecretEnv, len(s), minHMACSecret)
		}
		return staticKey{alg: k.Algorithm, key: []byte(s)}, nil
	}
	text, field := k.PEM, "pem"
	if k.PEMEnv != "" {
		field = "pem_env"
		var ok bool
		if text, ok = lookup(k.PEMEnv); !ok || text == "" {
			return staticKey{}, fmt.Errorf("pem_env: environment variable %s is not set", k.PEMEnv)
		}
	}
	key, err := parsePublicKey(text)
	if err != nil {
		return staticKey{}, fmt.Errorf("%s: %w", field, err)
	}
	if !keyFitsAlg(key, k.Algorithm) {
		return staticKey{}, fmt.Errorf("algorithm: %s does not fit a %s key", k.Algorithm, keyKind(key))
	}
	return staticKey{alg: k.Algorithm, key: key}, nil
}

// parsePublicKey accepts the PEM forms key tooling writes: PKIX "PUBLIC
// KEY", PKCS#1 "RSA PUBLIC KEY" and X.509 "CERTIFICATE". Private keys are
// refused: the router only verifies.
func parsePublicKey(text string) (any, error) {
	block, _ := pem.Decode([]byte(strings.TrimSpace(text)))
	if block == nil {
		return nil, errors.New("no PEM block found")
	}
	switch block.Type {
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("PUBLIC KEY: %w", err)
		}
		return k, nil
	case "RSA PUBLIC KEY":
		k, err := x509.ParsePKCS1PublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("RSA PUBLIC KEY: %w", err)
		}
		return k, nil
	case "CERTIFICATE":
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("CERTIFICATE: %w", err)
		}
		return c.PublicKey, nil
	default:
		return nil, fmt.Errorf("PEM block %q is not a public key or certificate", block.Type)
	}
}

func keyFitsAlg(key any, alg string) bool {
	switch key.(type) {
	case *rsa.PublicKey:
		return strings.HasPrefix(alg, "RS") || strings.HasPrefix(alg, "PS")
	case *ecdsa.PublicKey:
		return strings.HasPrefix(alg, "ES")
	case ed25519.PublicKey:
		return alg == "EdDSA"
	}
	return false
}

func keyKind(key any) string {
	switch key.(type) {
	case *rsa.PublicKey:
		return "RSA"
	case *ecdsa.PublicKey:
		return "ECDSA"
	case ed25519.PublicKey:
		return "Ed25519"
	}
	return fmt.Sprintf("%T", key)
}
