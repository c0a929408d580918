DROP TABLE IF EXISTS "auth".event_head;
DROP TABLE IF EXISTS "auth".event_log;
DROP TABLE IF EXISTS "auth".outbox;
DROP FUNCTION IF EXISTS "auth".outbox_notify();
