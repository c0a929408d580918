package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	stdlog "log"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/auth"
	"github.com/nexus-commerce/nexus/router/internal/config"
	"github.com/nexus-commerce/nexus/router/internal/cookie"
	"github.com/nexus-commerce/nexus/router/internal/gateway"
	"github.com/nexus-commerce/nexus/router/internal/gctune"
	"github.com/nexus-commerce/nexus/router/internal/graphiql"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/persisted"
	"github.com/nexus-commerce/nexus/router/internal/proxy"
	"github.com/nexus-commerce/nexus/router/internal/server"
	"github.com/nexus-commerce/nexus/router/internal/source"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions"
	"github.com/nexus-commerce/nexus/router/internal/web"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// serveFlags are the serve subcommand's inputs; a reload re-reads the
// config file with the same flags so flags keep overriding the file.
type serveFlags struct {
	config, supergraph, listen string
	// configGiven is true when --config or ROUTER_CONFIG named the file:
	// only then does --supergraph come with a config file.
	configGiven bool
}

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	var f serveFlags
	fs.StringVar(&f.config, "config", envOr("ROUTER_CONFIG", defaultConfig), "")
	fs.StringVar(&f.supergraph, "supergraph", os.Getenv("ROUTER_SUPERGRAPH"), "")
	fs.StringVar(&f.listen, "listen", os.Getenv("ROUTER_LISTEN"), "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f.configGiven = os.Getenv("ROUTER_CONFIG") != "" || flagGiven(fs, "config")
	log, err := newLogger(stderr)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(f)
	if err != nil {
		return err
	}
	// The engine's stray log.Printf lines: structured and rate-limited.
	stdlog.SetFlags(0)
	stdlog.SetOutput(gateway.EngineLog(log, 10))
	m := metrics.New()
	gw, err := buildGateway(ctx, cfg, m, log)
	if err != nil {
		return err
	}
	hook, closeAuth, revs, err := buildAuth(ctx, cfg, log, nil)
	if err != nil {
		gw.Close()
		return err
	}
	var curRevs atomic.Pointer[auth.Revocations]
	curRevs.Store(revs)
	watchRevocations(m, &curRevs)
	srvOpts, err := serverOptions(cfg, m, log)
	if err != nil {
		closeAuth()
		gw.Close()
		return err
	}
	srvOpts.Exec = hook
	// Subgraph-owned files (product images) under the router's origin.
	if srvOpts.Files, err = proxy.FromConfig(cfg, log); err != nil {
		closeAuth()
		gw.Close()
		return err
	}
	// The storefront (web/dist) at /, when web.dir is set.
	if cfg.Web.Dir != "" {
		site, err := storefront(cfg)
		if err != nil {
			closeAuth()
			gw.Close()
			return err
		}
		defer site.Close()
		srvOpts.Web = site
		log.Info("storefront", "dir", cfg.Path(cfg.Web.Dir))
	}
	// WebSocket and SSE subscriptions on the GraphQL path: each starts on
	// the newest gateway and authenticates with the current hook.
	var srv *server.Server
	sc := cfg.Subscriptions
	subs := subscriptions.New(subscriptions.Options{
		Gateway:           func() *gateway.Gateway { return srv.Gateway() },
		Exec:              func(r *http.Request, o *gateway.ExecOptions) error { return srv.Exec(r, o) },
		KeepAlive:         sc.KeepAlive,
		InitTimeout:       sc.InitTimeout,
		BufferMessages:    sc.BufferMessages,
		BufferBytes:       sc.BufferBytes,
		MaxPerConnection:  sc.MaxPerConnection,
		WriteTimeout:      sc.WriteTimeout,
		SocketBufferBytes: sc.SocketBufferBytes,
		PaceTimeout:       sc.PaceTimeout,
		NoPongClose:       *sc.RequirePong,
		OriginPatterns:    originPatterns(cfg.CORS.AllowOrigins),
		ResolveQuery:      func(q string, ext json.RawMessage) (string, error) { return srv.ResolveQuery(q, ext) },
		Log:               log,
		Metrics:           m,
	})
	srvOpts.Subscriptions = subs
	srvOpts.IsSubscription = subscriptions.Wants
	m.WatchSubscriptions(func() metrics.SubscriptionStats {
		st := subs.Stats()
		return metrics.SubscriptionStats{Connections: st.Connections, Active: st.Subscriptions,
			SlowBufferFull: st.SlowBufferFull, SlowNotReading: st.SlowNotReading}
	})
	srv = server.New(srvOpts)
	srv.Swap(gw)
	defer func() {
		if g := srv.Swap(nil); g != nil {
			g.Close()
		}
	}()

	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Listen, err)
	}
	log.Info("router listening", "url", "http://"+ln.Addr().String()+cfg.GraphQLPath, "mode", cfg.Mode,
		"subgraphs", graphNames(gw), "graphiql", *cfg.GraphiQL, "introspection", *cfg.Introspection)

	headroom, err := gcHeadroom()
	if err != nil {
		return err
	}
	if tu := gctune.Start(headroom); tu != nil {
		defer tu.Stop()
		log.Info("GC headroom", "mib", headroom>>20)
	}

	if addr := os.Getenv("ROUTER_PPROF_ADDR"); addr != "" {
		// Profiling on its own (loopback) listener, never on the public one.
		go func() {
			mux := http.NewServeMux()
			mux.HandleFunc("/debug/pprof/", pprof.Index)
			mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
			mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
			log.Info("pprof listening", "addr", addr)
			if err := http.ListenAndServe(addr, mux); err != nil {
				log.Error("pprof", "err", err)
			}
		}()
	}
	r := &reloader{flags: f, log: log, metrics: m, srv: srv, cfg: cfg, closeAuth: closeAuth, revs: &curRevs}
	defer func() { r.mu.Lock(); r.closeAuth(); r.mu.Unlock() }()
	r.fingerprint = r.files(cfg)
	go r.run(ctx)
	return srv.Serve(ctx, ln)
}

// buildGateway loads (or composes) the supergraph and builds a gateway for cfg.
func buildGateway(ctx context.Context, cfg *config.Config, m *metrics.Metrics, log *slog.Logger) (*gateway.Gateway, error) {
	sg, err := source.Load(ctx, cfg)
	if err != nil {
		return nil, err
	}
	urls := map[string]string{}
	timeouts := map[string]time.Duration{}
	subs := map[string]gateway.SubgraphSubscription{}
	for _, s := range cfg.Subgraphs {
		urls[s.Name] = s.RoutingURL
		if s.Timeout > 0 {
			timeouts[s.Name] = s.Timeout
		}
		if ss := s.Subscription; ss != (config.SubgraphSubscription{}) {
			subs[s.Name] = gateway.SubgraphSubscription{URL: ss.URL, Protocol: ss.Protocol, WSSubprotocol: ss.WSSubprotocol, SSEMethod: ss.SSEMethod}
		}
	}
	return gateway.New(gateway.Options{
		Supergraph:           sg,
		URLs:                 urls,
		SubgraphTimeout:      cfg.Limits.SubgraphTimeout,
		SubgraphTimeouts:     timeouts,
		Subscriptions:        subs,
		DisableSingleFlight:  !*cfg.Engine.SingleFlight,
		PlanCacheSize:        cfg.Engine.PlanCacheSize,
		DisableIntrospection: !*cfg.Introspection,
		Limits:               cfg.Limits.Operation(),
		MaskSubgraphErrors:   *cfg.MaskSubgraphErrors,
		RestrictQueryPlans:   cfg.Mode != config.ModeDevelopment,
		ShowPlanErrors:       cfg.Mode == config.ModeDevelopment,
		ResumeTimeout:        cfg.Subscriptions.ResumeTimeout,
		Metrics:              m,
		Log:                  log,
	})
}

func serverOptions(cfg *config.Config, m *metrics.Metrics, log *slog.Logger) (server.Options, error) {
	opts := server.Options{Log: log, Path: cfg.GraphQLPath, Limits: cfg.Limits, CORS: cfg.CORS, ShutdownTimeout: cfg.ShutdownTimeout, Collectors: m,
		CSRFHeader: cfg.CSRF.Header, TrustedProxies: cfg.TrustedProxyPrefixes()}
	for _, c := range cfg.Cookies {
		opts.Cookies = append(opts.Cookies, cookie.Rule{Name: c.Name, Subgraphs: c.Subgraphs})
	}
	ide := graphiql.Handler(graphiql.Config{Endpoint: cfg.GraphQLPath, Title: "Nexus"})
	// The IDE's static assets are always routed (they hold nothing
	// secret), so a reload can turn GraphiQL on without a restart.
	opts.Assets = ide
	opts.AssetPrefix = graphiql.AssetPrefix
	if *cfg.GraphiQL {
		opts.GraphiQL = ide
		opts.WantsHTML = graphiql.WantsHTML
	}
	if *cfg.Metrics.Enabled {
		opts.Metrics = m.Handler()
		opts.MetricsPath = cfg.Metrics.Path
	}
	po := cfg.PersistedOperations
	if po.File != "" || *po.APQ {
		var manifest map[string]string
		if po.File != "" {
			var err error
			if manifest, err = persisted.LoadManifest(cfg.Path(po.File)); err != nil {
				return opts, err
			}
		}
		opts.Persisted = persisted.New(persisted.Options{Manifest: manifest, Safelist: po.Safelist, APQ: *po.APQ, APQCacheSize: po.APQCacheSize})
	}
	return opts, nil
}

// storefront serves web.dir; the router's own paths never fall back to
// the app's index.html.
func storefront(cfg *config.Config) (*web.Handler, error) {
	reserved := []string{cfg.GraphQLPath, "/healthz", "/readyz", graphiql.AssetPrefix, cfg.Metrics.Path}
	for _, p := range cfg.Proxy {
		reserved = append(reserved, p.Path)
	}
	return web.New(web.Options{Dir: cfg.Path(cfg.Web.Dir), CSP: cfg.Web.ContentSecurityPolicy, Reserved: reserved})
}

// originPatterns turns CORS origins (https://shop.example.com,
// https://*.example.com) into the host patterns the WebSocket handshake
// checks, so browsers allowed by CORS may also open subscriptions.
func originPatterns(origins []string) []string {
	var out []string
	for _, o := range origins {
		if o == "*" {
			out = append(out, "*")
			continue
		}
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			out = append(out, u.Host)
		}
	}
	return out
}

// buildAuth returns the per-request hook that verifies the caller's JWT,
// hands the principal to the gateway (for @authenticated/@requiresScopes)
// and signs every subgraph request (the caller's claims, or the shared
// anonymous signature) with NEXUS_ROUTER_SECRET, which production
// subgraphs require. Without a key source every request is anonymous;
// without the secret nothing is signed. With auth.revocations_url it
// follows the revocation feed, starting from prev's state (a reload).
func buildAuth(ctx context.Context, cfg *config.Config, log *slog.Logger, prev *auth.Revocations) (func(*http.Request, *gateway.ExecOptions) error, func(), *auth.Revocations, error) {
	secret, err := kitauth.SecretFromEnv()
	if err != nil {
		log.Warn("subgraph requests are not signed; production subgraphs will refuse them", "reason", err.Error())
		secret = nil
	}
	var a *auth.Authenticator
	closeAuth := func() {}
	revs := auth.NewRevocations(cfg.Auth, auth.WithLogger(log), auth.WithRouterSecret(secret))
	if cfg.Auth.Enabled() {
		if revs != nil {
			revs.Inherit(prev)
			revs.Start(context.WithoutCancel(ctx))
		}
		if a, err = auth.New(context.WithoutCancel(ctx), cfg.Auth, auth.WithLogger(log), auth.WithRevocations(revs)); err != nil {
			revs.Close()
			return nil, nil, nil, err
		}
		closeAuth = func() { a.Close(); revs.Close() }
	}
	if a == nil && secret == nil {
		return nil, closeAuth, nil, nil
	}
	hook, err := auth.ExecHook(a, secret)
	if err != nil {
		closeAuth()
		return nil, nil, nil, err
	}
	return hook, closeAuth, revs, nil
}

// watchRevocations publishes the current revocation feed's cursor (-1
// before its first state, and when there is no feed) and size.
func watchRevocations(m *metrics.Metrics, cur *atomic.Pointer[auth.Revocations]) {
	m.WatchRevocations(func() (int64, int) {
		r := cur.Load()
		if r == nil {
			return -1, 0
		}
		return r.Cursor(), r.Len()
	})
}

func graphNames(gw *gateway.Gateway) []string {
	sg := gw.Supergraph()
	names := make([]string, len(sg.Graphs))
	for i, g := range sg.Graphs {
		names[i] = g.Name
	}
	return names
}

// reloader swaps in a new gateway when the config or supergraph changes
// (SIGHUP, or the files' contents when watch.enabled). Requests in flight
// finish on the gateway they started on; a failed reload keeps serving the
// old one and says why.
type reloader struct {
	flags       serveFlags
	log         *slog.Logger
	metrics     *metrics.Metrics
	srv         *server.Server
	closeAuth   func()
	revs        *atomic.Pointer[auth.Revocations] // the current revocation feed
	mu          sync.Mutex
	cfg         *config.Config
	fingerprint [32]byte
}

func (r *reloader) run(ctx context.Context) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	interval := r.cfg.Watch.Interval
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			r.log.Info("reload requested (SIGHUP)")
			r.reload(ctx)
		case <-tick.C:
			r.mu.Lock()
			watch := r.cfg.Watch.Enabled
			changed := watch && r.files(r.cfg) != r.fingerprint
			r.mu.Unlock()
			if changed {
				r.log.Info("config or supergraph changed; reloading")
				r.reload(ctx)
			}
		}
	}
}

// reload builds a new gateway from the files as they are now and swaps it in.
func (r *reloader) reload(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fp := r.files(r.cfg)
	cfg, err := loadConfig(r.flags)
	if err == nil {
		fp = r.files(cfg)
		var gw *gateway.Gateway
		var hook func(*http.Request, *gateway.ExecOptions) error
		var closeAuth func()
		var revs *auth.Revocations
		if hook, closeAuth, revs, err = buildAuth(ctx, cfg, r.log, r.revs.Load()); err == nil {
			if _, err = serverOptions(cfg, r.metrics, r.log); err == nil {
				gw, err = buildGateway(ctx, cfg, r.metrics, r.log)
			}
			if err != nil {
				closeAuth()
			}
		}
		if err == nil {
			if cfg.Listen != r.cfg.Listen || cfg.GraphQLPath != r.cfg.GraphQLPath {
				r.log.Warn("listen and graphql_path changes take effect on restart", "listen", r.cfg.Listen, "graphql_path", r.cfg.GraphQLPath)
			}
			opts, _ := serverOptions(cfg, r.metrics, r.log) // checked below before anything is swapped
			opts.Exec = hook
			r.srv.Reconfigure(opts)
			old := r.srv.Swap(gw)
			oldAuth := r.closeAuth
			r.closeAuth = closeAuth
			r.revs.Store(revs)
			r.cfg = cfg
			if old != nil {
				// Resumable subscriptions continue on the new gateway from
				// their last cursor; the rest keep the old one until they end.
				old.Handoff(gw)
				go func() {
					rctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
					defer cancel()
					old.Retire(rctx)
					oldAuth()
				}()
			}
			r.log.Info("reloaded", "subgraphs", graphNames(gw))
			r.metrics.Reloads.WithLabelValues("ok").Inc()
		}
	}
	// Remember the files even when they are broken, so a bad edit is
	// reported once rather than on every poll.
	r.fingerprint = fp
	if err != nil {
		r.log.Error("reload failed; still serving the previous configuration", "err", err)
		r.metrics.Reloads.WithLabelValues("error").Inc()
	}
}

// files hashes the contents of every file the configuration is built
// from: the config file, the supergraph file and subgraph schema files.
func (r *reloader) files(cfg *config.Config) [32]byte {
	h := sha256.New()
	add := func(p string) {
		b, _ := os.ReadFile(p)
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
	}
	add(r.flags.config)
	if cfg.Supergraph != "" {
		add(cfg.Path(cfg.Supergraph))
	}
	for _, s := range cfg.Subgraphs {
		if s.SchemaFile != "" {
			add(cfg.Path(s.SchemaFile))
		}
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// defaultConfig is the config file serve reads when neither --config nor
// --supergraph says otherwise.
const defaultConfig = "router.yaml"

// loadConfig reads the config file, applies the flags over it and then
// validates the result, so flags beat the environment, which beats the
// file. The file is read when --config (or ROUTER_CONFIG) names it, or
// when there is no --supergraph: `router --supergraph FILE` serves that
// supergraph with the defaults and never picks up a router.yaml that
// happens to lie in the working directory.
func loadConfig(f serveFlags) (*config.Config, error) {
	var cfg *config.Config
	switch {
	case f.configGiven || f.supergraph == "":
		if !f.configGiven {
			if _, err := os.Stat(f.config); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("config: no %s in the working directory: pass --config FILE (or ROUTER_CONFIG), or --supergraph FILE to serve a supergraph without a config file", f.config)
			}
		}
		c, err := config.Read(f.config, os.LookupEnv)
		if err != nil {
			return nil, err
		}
		cfg = c
	default:
		cfg = &config.Config{}
		cfg.Defaults()
	}
	if f.supergraph != "" {
		abs, err := absPath(f.supergraph)
		if err != nil {
			return nil, err
		}
		cfg.Supergraph = abs
	}
	if f.listen != "" {
		cfg.Listen = f.listen
	}
	if err := cfg.Validate(); err != nil {
		if f.configGiven || f.supergraph == "" {
			return nil, fmt.Errorf("config %s (with the flags applied): %w", f.config, err)
		}
		return nil, fmt.Errorf("config (defaults with the flags applied): %w", err)
	}
	return cfg, nil
}

// flagGiven reports whether the command line set the named flag.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

func absPath(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if p[0] == '/' {
		return p, nil
	}
	return wd + "/" + p, nil
}

// gcHeadroom is ROUTER_GC_HEADROOM_MB in bytes (default 40 MiB; 0 turns
// the tuning off): the garbage collector's next target is kept at least
// that far above the live heap (see package gctune). GOGC, when set, wins.
func gcHeadroom() (uint64, error) {
	v := os.Getenv("ROUTER_GC_HEADROOM_MB")
	if v == "" {
		return gctune.DefaultHeadroom, nil
	}
	mb, err := strconv.ParseUint(v, 10, 32)
	if err != nil {
		return 0, fmt.Errorf("ROUTER_GC_HEADROOM_MB=%q: want a whole number of MiB (0 turns GC tuning off)", v)
	}
	return mb << 20, nil
}
