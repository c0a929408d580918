package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/auth/mail"
	"github.com/nexus-commerce/nexus/subgraphs/auth/password"
	"github.com/nexus-commerce/nexus/subgraphs/auth/revocation"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
)

// domain is the PostgreSQL schema and migration set this service owns.
const domain = "auth"

// keyCheckInterval is how often serve checks the key schedule (rotation
// and reloading keys another replica created).
const keyCheckInterval = time.Minute

// mailPoll is how often the mail worker looks for retries due; new mail
// wakes it at once through NOTIFY.
const mailPoll = 30 * time.Second

// migrateOnly applies pending migrations.
func migrateOnly(ctx context.Context, cfg Config, log *slog.Logger) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	return db.Close()
}

// openMigrated connects and applies this service's migrations.
func openMigrated(ctx context.Context, cfg Config, log *slog.Logger) (*sqlx.DB, error) {
	db, err := pg.Open(ctx, cfg.DB, log)
	if err != nil {
		return nil, err
	}
	fsys, err := migrations.FS(domain)
	if err == nil {
		err = migrate.Up(ctx, db, domain, fsys, log)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", domain, err)
	}
	return db, nil
}

// newService builds the account service over db; its key manager has
// loaded (and if needed generated) the signing keys.
func newService(ctx context.Context, cfg Config, log *slog.Logger, db *sqlx.DB) (*account.Service, *keys.Manager, error) {
	kc := keys.Config{Rotation: cfg.KeyRotation, PublishAhead: cfg.KeyPublishAhead, AccessTTL: cfg.AccessTTL, EncryptionKey: cfg.KeyEncryptionKey}
	if cfg.SigningKeyFile != "" {
		b, err := os.ReadFile(cfg.SigningKeyFile)
		if err != nil {
			return nil, nil, fmt.Errorf("AUTH_SIGNING_KEY_FILE: %w", err)
		}
		if kc.Fixed, err = keys.ParsePEM(b); err != nil {
			return nil, nil, fmt.Errorf("AUTH_SIGNING_KEY_FILE %s: %w", cfg.SigningKeyFile, err)
		}
	}
	km, err := keys.New(db, kc, log, nil)
	if err != nil {
		return nil, nil, err
	}
	if err := km.Rotate(ctx); err != nil {
		return nil, nil, err
	}
	return &account.Service{
		Store:     store.New(db),
		Hasher:    &password.Hasher{Params: password.OWASP},
		Gate:      password.NewGate(cfg.HashConcurrency, cfg.HashWait),
		Tokens:    &keys.Issuer{Keys: km, Issuer: cfg.Issuer, Audience: cfg.Audience, TTL: cfg.AccessTTL},
		Sessions:  store.SessionPolicy{Absolute: cfg.RefreshTTL, Idle: cfg.RefreshIdleTTL, Grace: store.DefaultGrace},
		PublicURL: cfg.PublicURL,
		Log:       log,
	}, km, nil
}

// openService migrates and builds the service, for the CLI commands.
func openService(ctx context.Context, cfg Config, log *slog.Logger) (*account.Service, func(), error) {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return nil, nil, err
	}
	svc, _, err := newService(ctx, cfg, log, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return svc, func() { db.Close() }, nil
}

// serve migrates, then serves until ctx is cancelled. Beside the HTTP
// server run the outbox relay (events to the bus), the key schedule and
// the mail worker.
func serve(ctx context.Context, cfg Config, log *slog.Logger, h hooks) error {
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	svc, km, err := newService(ctx, cfg, log, db)
	if err != nil {
		return err
	}
	bus, err := events.FromEnv(ctx, db, cfg.DB.URL, domain, os.LookupEnv)
	if err != nil {
		return fmt.Errorf("event bus: %w", err)
	}
	defer func() {
		if err := bus.Close(); err != nil {
			log.Warn("closing the event bus", "err", err)
		}
	}()
	if cfg.Mode == ModeDevelopment {
		log.Warn("NEXUS_MODE=development: GraphQL requests that did not come through the router are served too (as anonymous); production refuses them")
		if len(cfg.RouterSecret) == 0 {
			log.Warn(kitauth.SecretEnv + " is not set: callers are anonymous, admin operations are refused and /revocations is open")
		}
	}
	notifier := revocation.NewNotifier()
	feed := &revocation.Handler{Store: svc.Store, Notifier: notifier, AccessTTL: cfg.AccessTTL, Log: log}
	sender, err := mail.NewSMTP(mail.SMTPConfig{Addr: cfg.SMTPAddr, Username: cfg.SMTPUsername, Password: cfg.SMTPPassword, TLS: cfg.SMTPTLS, From: cfg.MailFrom})
	if err != nil {
		return err
	}
	srv, err := newServer(cfg, log, db, svc, km, feed)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on HTTP_ADDR %s: %w", cfg.HTTPAddr, err)
	}
	bg := startBackground(ctx, cfg, log, db, bus, km, svc.Store)
	bg.goRun("revocation listener", func() error { return notifier.Run(ctx, cfg.DB.URL, log) })
	worker := &mail.Worker{Store: svc.Store, Sender: sender, Log: log}
	bg.goRun("mail worker", func() error { return worker.Run(ctx, cfg.DB.URL, mailPoll) })
	log.Info("auth subgraph ready", "addr", ln.Addr().String(), "mode", cfg.Mode, "mail_links", cfg.PublicURL)
	if h.listening != nil {
		h.listening(ln.Addr())
	}
	err = srv.Serve(ctx, ln)
	if berr := bg.wait(); berr != nil {
		err = errors.Join(err, berr)
	}
	return err
}
