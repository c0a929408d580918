# Nexus — the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO        ?= go
ROOT      := $(CURDIR)
BIN       := $(ROOT)/bin
DATA      := $(ROOT)/.data
MODULES   := migrations schema subgraphs/kit subgraphs/product subgraphs/auth subgraphs/customer router
DB_ENV    := $(DATA)/db.env
export GONOSUMDB := github.com/wundergraph/cosmo
export GOFLAGS   := -buildvcs=false

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- database
.PHONY: db db-stop
db: ## start PostgreSQL (DATABASE_URL if set, else a project-local cluster on :54329)
	@scripts/db.sh start

db-stop: ## stop the project-local PostgreSQL cluster
	@scripts/db.sh stop

# ---------------------------------------------------------------- build
.PHONY: deps build graphiql web web-dev
deps: ## download Go modules (with progress; quick when they are all there)
	@scripts/deps.sh $(MODULES)

web: ## build the storefront (the shell and every remote) into web/dist, which the router serves
	@scripts/web.sh

graphiql: ## build the offline GraphiQL bundle the router embeds
	@scripts/graphiql.sh

build: deps graphiql $(BIN)/mailpit ## build every binary into bin/ (services, router, the Mailpit mailbox)
	@mkdir -p $(BIN)
	$(GO) build -o $(BIN)/product ./subgraphs/product/cmd/product
	$(GO) build -o $(BIN)/auth ./subgraphs/auth/cmd/auth
	$(GO) build -o $(BIN)/customer ./subgraphs/customer/cmd/customer
	$(GO) build -o $(BIN)/router ./router/cmd/router

.PHONY: mailpit
mailpit: $(BIN)/mailpit ## build the development mailbox bin/mailpit (a no-op when it is up to date)

# The development mailbox (SMTP + web UI): github.com/axllent/mailpit,
# pinned in scripts/mailpit/go.mod (its own module, outside go.work).
$(BIN)/mailpit: scripts/mailpit.sh scripts/mailpit/go.mod scripts/mailpit/go.sum
	@scripts/mailpit.sh

# ---------------------------------------------------------------- run
.PHONY: run seed seed-large migrate token
run: ## bring everything up (db, migrations, demo data and accounts, Mailpit, subgraphs, router serving the storefront) and print the URLs
	@echo "[1/5] PostgreSQL" >&2 && $(MAKE) --no-print-directory db
	@echo "[2/5] Go modules" >&2 && STEP="[2/5] " $(MAKE) --no-print-directory deps
	@echo "[3/5] GraphiQL bundle and Go binaries" >&2 && $(MAKE) --no-print-directory build
	@echo "[4/5] storefront (npm packages, client, product, shell)" >&2 && $(MAKE) --no-print-directory web
	@echo "[5/5] migrations, demo data, services" >&2 && NEXUS_WEB_DIR=$(ROOT)/web/dist scripts/run.sh

web-dev: db build ## make run's backend plus Vite dev servers with hot reload (shell :5173, product :5174, auth :5175, customer :5176, admin :5177)
	@scripts/web.sh --install
	@NEXUS_WEB_DEV=1 scripts/run.sh

token: ## sign in as the seeded admin through the running router (make run) and print the access token (15 min)
	@scripts/token.sh

migrate: db build ## apply every service's migrations (product, auth, customer)
	@source $(DB_ENV) && $(BIN)/product migrate && $(BIN)/auth migrate && $(BIN)/customer migrate

seed: migrate ## load the demo catalog and the two development accounts (no-op for what exists)
	@source $(DB_ENV) && $(BIN)/product seed && $(BIN)/auth seed

PRODUCTS ?= 100000
seed-large: migrate ## load a benchmark catalog of PRODUCTS generated products (default 100000, ~3 variants each); RESET=1 wipes the catalog first
	@source $(DB_ENV) && $(BIN)/product seed-large --products $(PRODUCTS) $(if $(RESET),--reset)

# ---------------------------------------------------------------- code generation
.PHONY: generate compose
generate: ## regenerate gqlgen code (subgraphs and the router's test subgraph)
	cd subgraphs/product && $(GO) run github.com/99designs/gqlgen generate
	cd subgraphs/auth && $(GO) run github.com/99designs/gqlgen generate
	cd subgraphs/customer && $(GO) run github.com/99designs/gqlgen generate
	cd router/internal/testenv/reviews && $(GO) run github.com/99designs/gqlgen generate
	cd router/internal/subscriptions/testsubgraph && $(GO) run github.com/99designs/gqlgen generate
	for s in users catalog inventory reviews legacy; do (cd router/internal/golden/subgraphs/$$s && $(GO) run github.com/99designs/gqlgen generate) || exit 1; done
	for s in accounts inventory products reviews; do (cd router/bench/subgraphs/$$s && $(GO) run github.com/99designs/gqlgen generate) || exit 1; done

compose: ## compose schema/subgraphs/*.graphqls into schema/supergraph.graphql
	$(GO) run ./router/cmd/router compose --config router/router.yaml --out schema/supergraph.graphql

# ---------------------------------------------------------------- quality
.PHONY: test lint browser nats
browser: ## install Debian's chromium for the browser tests (if missing)
	@scripts/browser.sh

nats: ## install Debian's nats-server for the event bus tests (if missing)
	@scripts/nats.sh

test: db graphiql browser nats $(BIN)/mailpit ## run every module's tests with -race against real PostgreSQL, NATS, Mailpit and Chromium, then the web's (make test-web)
	@source $(DB_ENV) && export NEXUS_REQUIRE_BROWSER=1 NEXUS_REQUIRE_NATS=1 NEXUS_REQUIRE_MAILPIT=1 GOFLAGS="$(GOFLAGS) -p=2" && \
	for m in $(MODULES); do echo "== $$m"; (cd $$m && $(GO) test -race -count=1 ./...) || exit 1; done
	@$(MAKE) --no-print-directory test-web

.PHONY: test-web
test-web: db build web browser ## the web's typecheck, unit tests, codegen freshness and browser tests (web/e2e) against a real stack
	@source $(DB_ENV) && NEXUS_REQUIRE_BROWSER=1 scripts/test-web.sh

# Each fuzz target runs on its own: go test takes one -fuzz target per
# package run. The seed corpora (testdata/fuzz/<Target>) run in make test.
FUZZTIME ?= 30s
FUZZ_TARGETS := FuzzDecode:./internal/server FuzzMeasure:./internal/limits FuzzPrepare:./internal/gateway FuzzServe:./internal/web
.PHONY: fuzz
fuzz: ## fuzz the router's HTTP decoder, limits walker, prepare path and storefront file server, FUZZTIME (default 30s) each
	@cd router && for t in $(FUZZ_TARGETS); do name=$${t%%:*}; pkg=$${t#*:}; echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; done

lint: ## go vet and gofmt over every module
	@for m in $(MODULES); do (cd $$m && $(GO) vet ./...) || exit 1; done
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v /generated/)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# ---------------------------------------------------------------- benchmarks
.PHONY: bench
bench: db build ## load-test the router (RPS, latency percentiles, memory)
	@scripts/bench.sh

.PHONY: bench-web
bench-web: db build web browser ## storefront in Chromium with 4x CPU throttling: JS transferred, LCP, time to interactive (cold and warm)
	@source $(DB_ENV) && scripts/bench-web.sh

.PHONY: bench-router
bench-router: build ## federation gateway benchmark: 4 in-memory subgraphs, ~88 KB query, 50 connections, with ceilings
	@scripts/bench-router.sh

.PHONY: bench-auth
bench-auth: db build ## identity: sign-in throughput and latency (argon2id) at 1/2/4/8 clients, a wrong-password burst against the throttle, the router's JWT overhead per request
	@scripts/bench-auth.sh

.PHONY: bench-subscriptions
bench-subscriptions: db build ## subscriptions: fan-out to 1,000/5,000/10,000 WebSocket subscribers, 1,000 × 50 events/s, resume storms (router or subgraph killed); latency, losses, router RSS and CPU (BENCH_ROUNDS)
	@scripts/bench-subscriptions.sh
