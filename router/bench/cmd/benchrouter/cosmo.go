package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// cosmoAvailable says why the cosmo scenario cannot run: the script could
// not build Cosmo, or the binary or wgc is missing.
func (c Config) cosmoAvailable() error {
	if c.CosmoUnavailable != "" {
		return errors.New(c.CosmoUnavailable)
	}
	if _, err := os.Stat(c.Cosmo); err != nil {
		return fmt.Errorf("no Cosmo binary (%w); scripts/bench-router.sh builds it", err)
	}
	if _, err := os.Stat(c.WGC); err != nil {
		return fmt.Errorf("no wgc to compose its execution config (%w); npm ci in schema/internal/wgcoracle installs it", err)
	}
	return nil
}

// cosmoVersion is Cosmo's own account of its version and engine, from
// `router -version`, for the report's header.
func cosmoVersion(ctx context.Context, bin string) string {
	out, err := exec.CommandContext(ctx, bin, "-version").CombinedOutput()
	if err != nil {
		return fmt.Sprintf("%s (version unknown: %v)", bin, err)
	}
	var version, engine string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Version:":
			version = f[1]
		case len(f) == 2 && f[0] == "github.com/wundergraph/graphql-go-tools/v2":
			engine = f[1]
		}
	}
	return fmt.Sprintf("%s, graphql-go-tools %s (%s)", version, engine, bin)
}
