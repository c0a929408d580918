package testenv

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// jwksKID returns the kid of the one key a JWKS publishes.
func jwksKID(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("JWKS: %w", err)
	}
	defer resp.Body.Close()
	var set struct {
		Keys []struct {
			Kid string `json:"kid"`
		} `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil {
		return "", fmt.Errorf("JWKS: %w", err)
	}
	if len(set.Keys) != 1 {
		return "", fmt.Errorf("JWKS has %d keys, want the one from AUTH_SIGNING_KEY_FILE", len(set.Keys))
	}
	return set.Keys[0].Kid, nil
}
