DROP TABLE IF EXISTS "product".event_head;
DROP TABLE IF EXISTS "product".event_log;
DROP TABLE IF EXISTS "product".outbox;
DROP FUNCTION IF EXISTS "product".outbox_notify();
