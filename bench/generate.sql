-- A large organisation, straight into the database: psql -v identities=200000 -v events=1000000 -f generate.sql
-- (or ten times as many: identities=2000000 events=10000000). Five years of events up to two months ahead;
-- most completed, some canceled, a few thousand in progress. Everyone reports to a supervisor (ten people
-- each: identity n reports to identity n/10); one event in ten is reported by one of a thousand Personnel
-- Managers (identities 1 to 1000), the rest by the HR integration. Identity n's id is md5('identity:n').
\set ON_ERROR_STOP on
SET synchronous_commit = off;
-- The rows are consistent by construction, so foreign keys are not checked row by row: the check of
-- identity.supervisor_id alone took minutes at 200,000 people, and would not end at two million. (As a
-- superuser; the service's own verification checks the generated trail afterwards.)
SET session_replication_role = replica;
-- In progress: a few thousand, and never more than a tenth of the people (small runs).
SELECT least(4000, :identities / 10) AS open_events \gset

INSERT INTO identity (id, external_id, first_name, last_name, email, email_key, identity_type, title, company,
    division, department, office, status, created_date, updated_date, first_seen_date, inactivated_date,
    supervisor_id, version)
SELECT md5('identity:' || n)::uuid, 'E' || n, 'First' || n, 'Last' || (n % 50000), 'p' || n || '@bank.example',
       'p' || n || '@bank.example', 'Employee',
       (ARRAY['Teller', 'Loan Officer', 'Branch Manager', 'Analyst', 'Engineer'])[1 + n % 5],
       'First Bank of Valkyrie', (ARRAY['Retail', 'Commercial', 'Operations'])[1 + n % 3],
       (ARRAY['Lending', 'Deposits', 'IT', 'HR', 'Risk', 'Compliance', 'Treasury', 'Cards'])[1 + n % 8],
       'Office ' || (n % 40),
       CASE WHEN n % 20 = 0 THEN 'Disabled' ELSE 'Active' END,
       now() - interval '6 years', now() - interval '1 year', now() - interval '6 years',
       CASE WHEN n % 20 = 0 THEN now() - interval '1 year' END,
       CASE WHEN n >= 10 THEN md5('identity:' || (n / 10))::uuid END, 0
  FROM generate_series(1, :identities) AS n;

CREATE TEMP TABLE bench_people AS
    SELECT (substring(external_id FROM 2))::int AS rn, id FROM identity WHERE external_id ~ '^E[0-9]+$';
CREATE UNIQUE INDEX ON bench_people (rn);

-- The audit trail's hash chain, computed as com.personnelevents.db.AuditChain does (run.sh checks the
-- result with the service's own verification).
CREATE FUNCTION pg_temp.chain_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '-:' ELSE length(value) || ':' || value END || E'\n'
$$;
CREATE FUNCTION pg_temp.chain_hash(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')
$$;
CREATE FUNCTION pg_temp.chain_start(event uuid, chain text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.chain_hash(pg_temp.chain_field('start') || pg_temp.chain_field(chain)
        || pg_temp.chain_field(event::text))
$$;
CREATE FUNCTION pg_temp.chain_next(previous text, event uuid, at timestamptz, author text, action text,
    content text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.chain_hash(pg_temp.chain_field(previous) || pg_temp.chain_field(event::text)
        || pg_temp.chain_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
            || CASE WHEN us = 0 THEN '' WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                    ELSE '.' || lpad(us::text, 6, '0') END || 'Z')
        || pg_temp.chain_field(author) || pg_temp.chain_field(action) || pg_temp.chain_field(content))
      FROM (SELECT (extract(microseconds FROM at)::bigint % 1000000) AS us) AS fraction
$$;

-- 7919 is prime to the identity count, so the last few thousand events (the open ones) are distinct people.
-- The events are generated once, with the hashes of their trail, so that each is written with the heads of
-- its chains (as the service does) instead of updated afterwards: an UPDATE of every event rewrote the table
-- and all its indexes, a third of the load at 10,000,000 events, and left the table half empty. OFFSET 0
-- keeps the generation a subquery of its own, so gen_random_uuid() runs once per event.
CREATE TEMP TABLE bench_event AS
SELECT e.*, h.created_hash,
       CASE WHEN e.status = 'Completed'
            THEN pg_temp.chain_next(h.created_hash, e.id, e.completed_on, 'System', 'Completed',
                                    e.type || ' event completed') END AS completed_hash,
       CASE WHEN e.number % 3 = 0
            THEN pg_temp.chain_next(pg_temp.chain_start(e.id, 'event_comment'), e.id, e.created_at,
                                    'HR Integration', NULL, 'Generated for the benchmark') END AS comment_hash
  FROM (
SELECT gen_random_uuid() AS id, n AS number, t.type, s.status, p.id AS identity_id,
       CASE WHEN n % 10 = 0 THEN md5('identity:' || (1 + (n / 10) % 1000))::uuid
            ELSE '00000000-0000-0000-0000-00000000b0b0' END AS reporter_id,
       CASE WHEN n % 10 = 0 THEN 'Last' || ((1 + (n / 10) % 1000) % 50000) || ', First' || (1 + (n / 10) % 1000)
            ELSE 'HR Integration' END AS reporter_name,
       d.day AS needed_on,
       CASE WHEN t.type = 'Absence' THEN d.day + 60 END AS needed_until,
       CASE WHEN s.status = 'Completed' THEN d.day + interval '3 days' END AS completed_on,
       d.day - interval '10 days' AS created_at,
       CASE WHEN s.status IN ('Pending', 'Scheduled', 'Snoozed') THEN d.day END AS next_due_on
  FROM generate_series(1, :events) AS n
  JOIN bench_people p ON p.rn = 1 + (n::bigint * 7919) % :identities
  CROSS JOIN LATERAL (SELECT current_date - 1766 + (n::bigint * 1826 / :events)::int AS day) d
  CROSS JOIN LATERAL (SELECT (ARRAY['Onboard', 'Onboard', 'Offboard', 'RoleTransition', 'RoleTransition',
                                    'Absence'])[1 + n % 6] AS type) t
  CROSS JOIN LATERAL (SELECT CASE
            WHEN n > :events - :open_events THEN (ARRAY['Pending', 'Scheduled', 'Open', 'Resolved', 'Snoozed'])[1 + n % 5]
            WHEN n % 50 = 0 THEN 'Canceled'
            ELSE 'Completed' END AS status) s
OFFSET 0) e
 CROSS JOIN LATERAL (SELECT pg_temp.chain_next(pg_temp.chain_start(e.id, 'event_activity'), e.id, e.created_at,
           'HR Integration', 'Created', e.type || ' event created via API') AS created_hash) h;

INSERT INTO personnel_event (id, number, type, status, identity_id, reporter_id, reporter_name, needed_on,
    needed_until, completed_on, created_at, next_due_on, activity_head, comment_head, version)
SELECT id, number, type, status, identity_id, reporter_id, reporter_name, needed_on, needed_until, completed_on,
       created_at, next_due_on, coalesce(completed_hash, created_hash), comment_hash, 0
  FROM bench_event;

UPDATE personnel_event_number SET last_number = :events;

INSERT INTO event_stage (event_id, position, name, status, started_on, scheduled_start, completed_on, completed_by)
SELECT e.id, st.position,
       CASE WHEN st.position = 2 AND e.type = 'Absence' THEN 'Removal' ELSE st.name END,
       CASE
           WHEN e.status = 'Completed' THEN 'Completed'
           WHEN e.status = 'Canceled' THEN CASE WHEN st.position = 0 THEN 'Completed' ELSE 'Canceled' END
           WHEN e.status = 'Pending' THEN CASE WHEN st.position = 0 THEN 'Pending' ELSE 'Scheduled' END
           WHEN e.status = 'Snoozed' THEN CASE WHEN st.position = 0 THEN 'Snoozed' ELSE 'Scheduled' END
           WHEN e.status = 'Open' THEN (ARRAY['Completed', 'Open', 'Scheduled'])[st.position + 1]
           WHEN e.status = 'Resolved' THEN (ARRAY['Completed', 'Completed', 'Open'])[st.position + 1]
           ELSE 'Scheduled' END,
       CASE WHEN e.status <> 'Scheduled' THEN e.created_at END,
       CASE st.position WHEN 0 THEN e.needed_on - 7 WHEN 1 THEN e.needed_on END,
       CASE WHEN e.status = 'Completed' THEN e.completed_on END,
       CASE WHEN e.status = 'Completed' THEN 'Provision Team' END
  FROM personnel_event e
 CROSS JOIN (VALUES (0, 'Approval'), (1, 'Provision'), (2, 'Verification')) AS st(position, name);

-- The audit trail (generated events record no states: the verification counts them as written before the
-- trail covered stages and requests).
INSERT INTO event_activity (event_id, created_date, author, action, content, hash)
SELECT id, created_at, 'HR Integration', 'Created', type || ' event created via API', created_hash
  FROM bench_event;
INSERT INTO event_activity (event_id, created_date, author, action, content, hash)
SELECT id, completed_on, 'System', 'Completed', type || ' event completed', completed_hash
  FROM bench_event WHERE status = 'Completed';
INSERT INTO event_comment (event_id, created_date, author, content, hash)
SELECT id, created_at, 'HR Integration', 'Generated for the benchmark', comment_hash
  FROM bench_event WHERE comment_hash IS NOT NULL;
DROP TABLE bench_event;
INSERT INTO personnel_event_identity (event_id, title, department)
SELECT id, 'Senior Loan Officer', 'Commercial Lending' FROM personnel_event WHERE type = 'RoleTransition';

\ir recount.sql
RESET session_replication_role;

VACUUM ANALYZE;
