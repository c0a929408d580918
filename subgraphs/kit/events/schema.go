package events

import (
	"strings"

	"github.com/lib/pq"
)

// schemaSQL is the DDL behind SchemaSQL; SCHEMA stands for the quoted
// schema name and CHANNEL_* for the NOTIFY channels.
//
//   - outbox: rows written by Outbox.Append in the mutation's transaction;
//     the id only orders rows for the relay (bigserial ids can commit out of
//     order, so the relay never treats them as a position). A statement
//     trigger wakes the relay at commit (NOTIFY is delivered at commit and
//     never for a rolled-back transaction).
//   - event_log: the PostgreSQL bus's ordered log. seq is assigned by
//     Publish from event_head inside the publishing transaction, so it is
//     gap-free (a sequence object leaves gaps on rollback) and, because
//     publishers serialise on the event_head row until commit, a visible seq
//     implies every lower seq is visible.
//   - event_head: the last assigned seq, kept apart from the log so that
//     retention emptying the log never restarts the numbering.
const schemaSQL = `-- The event bus of schema SCHEMA (subgraphs/kit/events.SchemaSQL).
CREATE TABLE SCHEMA.outbox (
    id           bigserial PRIMARY KEY,
    event_id     uuid NOT NULL UNIQUE,
    type         text NOT NULL CHECK (type <> ''),
    aggregate_id text NOT NULL CHECK (aggregate_id <> ''),
    payload      json NOT NULL CHECK (json_typeof(payload) = 'object'),
    occurred_at  timestamptz NOT NULL
);

CREATE FUNCTION SCHEMA.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('CHANNEL_OUTBOX', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON SCHEMA.outbox
    FOR EACH STATEMENT EXECUTE FUNCTION SCHEMA.outbox_notify();

CREATE TABLE SCHEMA.event_log (
    seq          bigint PRIMARY KEY CHECK (seq > 0),
    event_id     uuid NOT NULL UNIQUE,
    type         text NOT NULL,
    aggregate_id text NOT NULL,
    payload      json NOT NULL,
    occurred_at  timestamptz NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_log_published_idx ON SCHEMA.event_log (published_at);

CREATE TABLE SCHEMA.event_head (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    seq bigint NOT NULL CHECK (seq >= 0)
);
INSERT INTO SCHEMA.event_head (seq) VALUES (0);
`

// dropSQL undoes schemaSQL (the down migration).
const dropSQL = `DROP TABLE IF EXISTS SCHEMA.event_head;
DROP TABLE IF EXISTS SCHEMA.event_log;
DROP TABLE IF EXISTS SCHEMA.outbox;
DROP FUNCTION IF EXISTS SCHEMA.outbox_notify();
`

// SchemaSQL returns the DDL of <schema>.outbox, <schema>.event_log and
// <schema>.event_head, so every domain's migration creates the same tables
// the relay and the PostgreSQL bus expect (the product migration is tested
// to equal SchemaSQL("product")). The schema itself must exist.
func SchemaSQL(schema string) string { return expand(schemaSQL, schema) }

// DropSQL returns the statements that remove what SchemaSQL creates, for a
// domain's down migration.
func DropSQL(schema string) string { return expand(dropSQL, schema) }

func expand(sql, schema string) string {
	return strings.NewReplacer(
		"SCHEMA", pq.QuoteIdentifier(schema),
		"CHANNEL_OUTBOX", outboxChannel(schema),
	).Replace(sql)
}

// outboxChannel wakes the relay of a schema; eventsChannel wakes the
// PostgreSQL bus's subscribers. Both are plain text for pg_notify and
// quoted by pq.Listener for LISTEN.
func outboxChannel(schema string) string { return schema + "_outbox" }
func eventsChannel(schema string) string { return schema + "_events" }
