-- Removes what earlier benchmark runs created (events numbered past the generated ones), so that a run
-- with REUSE_DATA=1 starts from the generated organisation: the people free for an offboarding, the
-- counts and the table sizes are those of a fresh load. Runs as a superuser: the append-only triggers
-- on the audit trail are switched off for this session only.
SET session_replication_role = replica;
CREATE TEMP TABLE bench_created AS SELECT id FROM personnel_event WHERE number > :events;
DELETE FROM event_stage WHERE event_id IN (SELECT id FROM bench_created);
DELETE FROM event_activity WHERE event_id IN (SELECT id FROM bench_created);
DELETE FROM event_comment WHERE event_id IN (SELECT id FROM bench_created);
DELETE FROM personnel_event_identity WHERE event_id IN (SELECT id FROM bench_created);
DELETE FROM access_request WHERE event_id IN (SELECT id FROM bench_created);
DELETE FROM stage_response WHERE event_id IN (SELECT id FROM bench_created);
DELETE FROM personnel_event WHERE id IN (SELECT id FROM bench_created);
DELETE FROM idempotency_key;
DELETE FROM api_token;
DELETE FROM spring_session_attributes;
DELETE FROM spring_session;
DELETE FROM account_group;
DELETE FROM account;
DELETE FROM admin_activity;
UPDATE admin_activity_head SET hash = NULL;
UPDATE personnel_event_number SET last_number = :events;
\ir recount.sql
RESET session_replication_role;
VACUUM ANALYZE;
