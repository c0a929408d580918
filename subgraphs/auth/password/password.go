// Package password hashes and verifies passwords with argon2id, storing
// the PHC string format ($argon2id$v=19$m=19456,t=2,p=1$salt$hash) so the
// parameters travel with each hash and can be raised later: Verify says
// when a hash was made with other parameters than the current ones, and
// the caller rehashes on the next successful sign-in.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters.
type Params struct {
	// Memory in KiB.
	Memory uint32
	// Time is the number of passes.
	Time uint32
	// Threads is the degree of parallelism.
	Threads uint8
	// SaltLen and KeyLen are in bytes.
	SaltLen uint32
	KeyLen  uint32
}

// OWASP is the OWASP Password Storage Cheat Sheet's argon2id setting
// (m=19 MiB, t=2, p=1) with a 16-byte salt and a 32-byte key.
var OWASP = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// ErrMalformed means a stored hash is not an argon2id PHC string.
var ErrMalformed = errors.New("password: malformed argon2id hash")

var b64 = base64.RawStdEncoding

// Hash returns the PHC string of password with fresh random salt.
func Hash(password string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches the PHC string hash, comparing
// in constant time. stale is true when the hash was made with parameters
// other than p (the caller should store Hash(password, p) instead).
func Verify(password, hash string, p Params) (ok, stale bool, err error) {
	hp, salt, key, err := decode(hash)
	if err != nil {
		return false, false, err
	}
	got := argon2.IDKey([]byte(password), salt, hp.Time, hp.Memory, hp.Threads, uint32(len(key)))
	ok = subtle.ConstantTimeCompare(got, key) == 1
	stale = hp.Memory != p.Memory || hp.Time != p.Time || hp.Threads != p.Threads ||
		uint32(len(salt)) != p.SaltLen || uint32(len(key)) != p.KeyLen
	return ok, stale, nil
}

// decode parses $argon2id$v=19$m=..,t=..,p=..$salt$key.
func decode(hash string) (Params, []byte, []byte, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return Params{}, nil, nil, ErrMalformed
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return Params{}, nil, nil, ErrMalformed
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil ||
		p.Memory < 8 || p.Memory > 4<<20 || p.Time < 1 || p.Time > 100 || p.Threads < 1 {
		return Params{}, nil, nil, ErrMalformed
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return Params{}, nil, nil, ErrMalformed
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return Params{}, nil, nil, ErrMalformed
	}
	return p, salt, key, nil
}

// Hasher hashes with fixed parameters and verifies unknown accounts
// against a dummy hash, so a sign-in for an email that does not exist
// costs the same time as a wrong password.
type Hasher struct {
	Params Params
	once   sync.Once
	dummy  string
}

// Hash hashes password with the Hasher's parameters.
func (h *Hasher) Hash(password string) (string, error) { return Hash(password, h.Params) }

// Verify checks password against hash (see Verify).
func (h *Hasher) Verify(password, hash string) (ok, stale bool, err error) {
	return Verify(password, hash, h.Params)
}

// VerifyDummy spends the time of one Verify and always fails: the
// sign-in path for unknown emails.
func (h *Hasher) VerifyDummy(password string) {
	h.once.Do(func() {
		d, err := Hash("dummy password for timing", h.Params)
		if err != nil {
			panic("password: cannot hash the dummy: " + err.Error()) // crypto/rand failed: nothing works
		}
		h.dummy = d
	})
	_, _, _ = Verify(password, h.dummy, h.Params)
}
