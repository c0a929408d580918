package auth

import (
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// ForwardHeader returns the header the router adds to every subgraph
// request so subgraphs learn who the caller is: X-Nexus-Claims, an HS256
// token signed with secret (NEXUS_ROUTER_SECRET, see kitauth.SecretFromEnv)
// for audience nexus-subgraphs, valid for kitauth.TTL from now. For an
// anonymous request (c nil) value is empty: send no header. Either way the
// router must drop any X-Nexus-Claims the client sent. The error is a
// secret shorter than kitauth.MinSecretLen; check the secret at start.
func ForwardHeader(c *Claims, secret []byte, now time.Time) (name, value string, err error) {
	if c == nil {
		return kitauth.HeaderName, "", nil
	}
	value, err = kitauth.Sign(c, secret, now)
	if err != nil {
		return "", "", err
	}
	return kitauth.HeaderName, value, nil
}
