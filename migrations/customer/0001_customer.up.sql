-- The customer domain: profile, address book, saved payment methods and
-- wishlist, keyed by the auth subgraph's user id (no foreign key into the
-- auth schema: domains meet only through federation keys and events).
-- Every write locks the user's profile row first (created lazily), which
-- serialises one user's writes and makes the per-user limits exact.

CREATE TABLE customer.profiles (
    user_id          uuid PRIMARY KEY,
    phone            text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    marketing_emails boolean NOT NULL DEFAULT false,
    locale           text NOT NULL DEFAULT 'en' CHECK (length(locale) BETWEEN 2 AND 35),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer.addresses (
    id                  uuid PRIMARY KEY,
    user_id             uuid NOT NULL REFERENCES customer.profiles (user_id) ON DELETE CASCADE,
    first_name          text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name           text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    line1               text NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
    line2               text CHECK (length(line2) BETWEEN 1 AND 200),
    city                text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
    region              text CHECK (length(region) BETWEEN 1 AND 100),
    postal_code         text NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 16),
    country             char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    phone               text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    is_default_shipping boolean NOT NULL DEFAULT false,
    is_default_billing  boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX addresses_user_idx ON customer.addresses (user_id, created_at DESC);
-- At most one default shipping and one default billing address per user.
CREATE UNIQUE INDEX addresses_default_shipping_idx ON customer.addresses (user_id) WHERE is_default_shipping;
CREATE UNIQUE INDEX addresses_default_billing_idx ON customer.addresses (user_id) WHERE is_default_billing;

-- Tokens of the test tokenizer: only the SHA-256 of the token is kept,
-- with what it stands for; single use (deleted when consumed), bound to
-- the user who created it, valid until expires_at. Never a card number.
CREATE TABLE customer.payment_tokens (
    token_hash  bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id     uuid NOT NULL,
    card_type   text NOT NULL CHECK (card_type IN ('CREDIT_CARD', 'DEBIT_CARD')),
    brand       text NOT NULL,
    last4       char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    exp_month   smallint NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year    smallint NOT NULL CHECK (exp_year BETWEEN 2000 AND 9999),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX payment_tokens_expiry_idx ON customer.payment_tokens (expires_at);

CREATE TABLE customer.payment_methods (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES customer.profiles (user_id) ON DELETE CASCADE,
    -- the provider's reusable reference for charging; never shown to clients
    provider_ref   text NOT NULL UNIQUE,
    card_type      text NOT NULL CHECK (card_type IN ('CREDIT_CARD', 'DEBIT_CARD')),
    brand          text NOT NULL,
    last4          char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    exp_month      smallint NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year       smallint NOT NULL CHECK (exp_year BETWEEN 2000 AND 9999),
    holder_name    text NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 100),
    is_default     boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_methods_user_idx ON customer.payment_methods (user_id, created_at DESC);
CREATE UNIQUE INDEX payment_methods_default_idx ON customer.payment_methods (user_id) WHERE is_default;

CREATE TABLE customer.wishlist_items (
    user_id    uuid NOT NULL REFERENCES customer.profiles (user_id) ON DELETE CASCADE,
    product_id uuid NOT NULL,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX wishlist_items_added_idx ON customer.wishlist_items (user_id, added_at DESC);
