// Package keys manages the ES256 (P-256) key pairs that sign access
// tokens: generated on first start and persisted in auth.signing_keys
// (sealed with AES-256-GCM when an encryption key is configured), rotated
// every Config.Rotation with publish-ahead, or read from a PEM file a
// secret provides. It serves the JWKS and issues the JWTs.
package keys

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"time"
)

// Key is one signing key pair and its schedule.
type Key struct {
	// KID is the JWK thumbprint-like id in every token's header.
	KID string
	// Private signs; its public half is published.
	Private *ecdsa.PrivateKey
	// ActivatesAt is when the key starts signing.
	ActivatesAt time.Time
	// RetiresAt, when set, is when the key leaves the JWKS.
	RetiresAt *time.Time
}

// JWK is the public JSON Web Key of a P-256 key.
type JWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y"`
	Kid string `json:"kid"`
	Use string `json:"use"`
	Alg string `json:"alg"`
}

// PublicJWK returns k's public key as a JWK.
func (k Key) PublicJWK() (JWK, error) {
	pub, err := k.Private.PublicKey.ECDH()
	if err != nil {
		return JWK{}, fmt.Errorf("keys: public key: %w", err)
	}
	b := pub.Bytes() // 0x04 || X || Y
	if len(b) != 65 {
		return JWK{}, errors.New("keys: not a P-256 key")
	}
	enc := base64.RawURLEncoding
	return JWK{Kty: "EC", Crv: "P-256", X: enc.EncodeToString(b[1:33]), Y: enc.EncodeToString(b[33:]), Kid: k.KID, Use: "sig", Alg: "ES256"}, nil
}

// Generate returns a fresh P-256 key whose kid derives from its public key.
func Generate() (*ecdsa.PrivateKey, string, error) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, "", fmt.Errorf("keys: generate: %w", err)
	}
	kid, err := KIDOf(priv)
	return priv, kid, err
}

// KIDOf derives a key id from the public key: the first 16 bytes of the
// SHA-256 of its DER form, base64url. The same key always gets the same id.
func KIDOf(priv *ecdsa.PrivateKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	if err != nil {
		return "", fmt.Errorf("keys: public key: %w", err)
	}
	sum := sha256.Sum256(der)
	return base64.RawURLEncoding.EncodeToString(sum[:16]), nil
}

// ParsePEM reads a P-256 private key from PEM ("EC PRIVATE KEY" or PKCS#8
// "PRIVATE KEY"), as AUTH_SIGNING_KEY_FILE holds.
func ParsePEM(b []byte) (*ecdsa.PrivateKey, error) {
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, errors.New("keys: no PEM block")
	}
	var priv *ecdsa.PrivateKey
	switch block.Type {
	case "EC PRIVATE KEY":
		k, err := x509.ParseECPrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("keys: %w", err)
		}
		priv = k
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("keys: %w", err)
		}
		ec, ok := k.(*ecdsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("keys: PEM holds a %T, want an ECDSA P-256 key", k)
		}
		priv = ec
	default:
		return nil, fmt.Errorf("keys: PEM block %q, want EC PRIVATE KEY or PRIVATE KEY", block.Type)
	}
	if priv.Curve != elliptic.P256() {
		return nil, errors.New("keys: ES256 needs a P-256 key")
	}
	return priv, nil
}

// sealer encrypts private keys at rest with AES-256-GCM; the key id is the
// additional data, so a sealed key cannot be moved to another row.
type sealer struct{ aead cipher.AEAD }

// newSealer derives the AES-256 key as SHA-256 of secret
// (AUTH_KEY_ENCRYPTION_KEY); nil secret means no encryption.
func newSealer(secret []byte) (*sealer, error) {
	if len(secret) == 0 {
		return nil, nil
	}
	k := sha256.Sum256(secret)
	block, err := aes.NewCipher(k[:])
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead}, nil
}

func (s *sealer) seal(plain []byte, kid string) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return s.aead.Seal(nonce, nonce, plain, []byte(kid)), nil
}

func (s *sealer) open(sealed []byte, kid string) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(sealed) < n {
		return nil, errors.New("keys: sealed key too short")
	}
	plain, err := s.aead.Open(nil, sealed[:n], sealed[n:], []byte(kid))
	if err != nil {
		return nil, errors.New("keys: cannot decrypt a stored signing key: AUTH_KEY_ENCRYPTION_KEY differs from the one it was sealed with")
	}
	return plain, nil
}

// jwksDoc renders the JWKS document of keys.
func jwksDoc(keys []Key) ([]byte, error) {
	doc := struct {
		Keys []JWK `json:"keys"`
	}{Keys: []JWK{}}
	for _, k := range keys {
		j, err := k.PublicJWK()
		if err != nil {
			return nil, err
		}
		doc.Keys = append(doc.Keys, j)
	}
	return json.Marshal(doc)
}
