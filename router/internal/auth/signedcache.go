package auth

import (
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
)

// signedCache keeps the Forwarder signed for each verified token (by its
// *Claims, which the Authenticator's token cache shares between the
// requests carrying that token), so a client sending the same token again
// within the signature's Fresh window reuses it: no JSON encoding and HMAC
// per request, as for anonymous requests. Forwarders are immutable once
// published.
type signedCache struct {
	lru *lru.Cache[*Claims, *gateway.Forwarder]
}

func newSignedCache() *signedCache {
	c, _ := lru.New[*Claims, *gateway.Forwarder](tokenCacheSize)
	return &signedCache{lru: c}
}

// get returns c's Forwarder while it is fresh at now, else nil.
func (s *signedCache) get(c *Claims, now time.Time) *gateway.Forwarder {
	fw, ok := s.lru.Get(c)
	if !ok || now.Before(fw.SignedAt) || now.Sub(fw.SignedAt) >= fw.Fresh {
		return nil
	}
	return fw
}

func (s *signedCache) add(c *Claims, fw *gateway.Forwarder) { s.lru.Add(c, fw) }
