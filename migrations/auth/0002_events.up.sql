-- The event bus of schema "auth" (subgraphs/kit/events.SchemaSQL).
CREATE TABLE "auth".outbox (
    id           bigserial PRIMARY KEY,
    event_id     uuid NOT NULL UNIQUE,
    type         text NOT NULL CHECK (type <> ''),
    aggregate_id text NOT NULL CHECK (aggregate_id <> ''),
    payload      json NOT NULL CHECK (json_typeof(payload) = 'object'),
    occurred_at  timestamptz NOT NULL
);

CREATE FUNCTION "auth".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('auth_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON "auth".outbox
    FOR EACH STATEMENT EXECUTE FUNCTION "auth".outbox_notify();

CREATE TABLE "auth".event_log (
    seq          bigint PRIMARY KEY CHECK (seq > 0),
    event_id     uuid NOT NULL UNIQUE,
    type         text NOT NULL,
    aggregate_id text NOT NULL,
    payload      json NOT NULL,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_log_published_idx ON "auth".event_log (published_at);

CREATE TABLE "auth".event_head (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    seq bigint NOT NULL CHECK (seq >= 0)
);
INSERT INTO "auth".event_head (seq) VALUES (0);
