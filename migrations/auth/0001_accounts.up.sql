-- Accounts and sessions of the auth domain (issue #13).
--
-- users: email is stored as entered and unique case-insensitively through
-- the lower(email) index (no citext: the extension needs rights a managed
-- database may not grant). password_hash is a PHC string
-- ($argon2id$v=19$m=..,t=..,p=..$salt$hash), so parameters can change.
CREATE TABLE auth.users (
    id              uuid PRIMARY KEY,
    email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    first_name      text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name       text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    role            text NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN')),
    password_hash   text NOT NULL,
    email_verified  boolean NOT NULL DEFAULT false,
    disabled        boolean NOT NULL DEFAULT false,
    disabled_reason text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON auth.users (lower(email));
CREATE INDEX users_newest_idx ON auth.users (created_at DESC, id DESC);

-- sessions: one refresh-token family each. expires_at is the absolute end
-- (AUTH_REFRESH_TTL after sign-in); last_used_at drives the idle expiry.
CREATE TABLE auth.sessions (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    last_used_at  timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoke_reason text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON auth.sessions (user_id) WHERE revoked_at IS NULL;

-- refresh_tokens: SHA-256 of each token ever issued in a family. A null
-- rotated_at is a live token; a rotated one presented again is reuse.
CREATE TABLE auth.refresh_tokens (
    hash       bytea PRIMARY KEY CHECK (length(hash) = 32),
    session_id uuid NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    rotated_at timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON auth.refresh_tokens (session_id);

-- email_tokens: verification and reset tokens, SHA-256 only.
CREATE TABLE auth.email_tokens (
    hash       bytea PRIMARY KEY CHECK (length(hash) = 32),
    user_id    uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('verify', 'reset')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX email_tokens_user_idx ON auth.email_tokens (user_id, purpose, created_at DESC);

-- signing_keys: ES256 key pairs. private_key is PKCS#8 DER, sealed with
-- AES-256-GCM when encrypted (AUTH_KEY_ENCRYPTION_KEY). A key signs from
-- activates_at until the next key activates; it stays in the JWKS from its
-- creation (publish-ahead) until retires_at (set when its successor is
-- created: successor's activation + access TTL + 5 min).
CREATE TABLE auth.signing_keys (
    kid          text PRIMARY KEY,
    private_key  bytea NOT NULL,
    encrypted    boolean NOT NULL,
    public_jwk   json NOT NULL,
    created_at   timestamptz NOT NULL,
    activates_at timestamptz NOT NULL,
    retires_at   timestamptz
);
CREATE INDEX signing_keys_activation_idx ON auth.signing_keys (activates_at DESC);

-- revocations: the feed the router long-polls (GET /revocations). id is
-- the cursor; writers take an advisory lock so ids become visible in
-- order (a bigserial alone can commit out of order). The statement
-- trigger wakes long-polling readers at commit.
CREATE TABLE auth.revocations (
    id         bigserial PRIMARY KEY,
    subject    uuid,
    session_id uuid,
    before     timestamptz NOT NULL,
    disabled   boolean,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((subject IS NULL) <> (session_id IS NULL)),
    CHECK (disabled IS NULL OR subject IS NOT NULL)
);
CREATE INDEX revocations_before_idx ON auth.revocations (before);

CREATE FUNCTION auth.revocations_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('auth_revocations', '');
    RETURN NULL;
END $$;
CREATE TRIGGER revocations_notify AFTER INSERT ON auth.revocations
    FOR EACH STATEMENT EXECUTE FUNCTION auth.revocations_notify();

-- throttle: failure counters of sign-in and password reset, per account
-- (lower-cased email, registered or not) and per client address, shared
-- by every replica. Rows are locked while an attempt is counted.
CREATE TABLE auth.throttle (
    key           text PRIMARY KEY,
    failures      integer NOT NULL CHECK (failures >= 0),
    window_start  timestamptz NOT NULL,
    last_failure  timestamptz NOT NULL,
    blocked_until timestamptz
);

-- mail_queue: mail written in the transaction of the change that causes
-- it and sent after commit by the mail worker, with retries. Bodies (which
-- hold a token link) are wiped once the mail is sent or abandoned.
CREATE TABLE auth.mail_queue (
    id              bigserial PRIMARY KEY,
    to_addr         text NOT NULL,
    subject         text NOT NULL,
    text_body       text NOT NULL,
    html_body       text NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text NOT NULL DEFAULT ''
);
CREATE INDEX mail_queue_due_idx ON auth.mail_queue (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

CREATE FUNCTION auth.mail_queue_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('auth_mail', '');
    RETURN NULL;
END $$;
CREATE TRIGGER mail_queue_notify AFTER INSERT ON auth.mail_queue
    FOR EACH STATEMENT EXECUTE FUNCTION auth.mail_queue_notify();
