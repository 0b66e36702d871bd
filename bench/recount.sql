-- The kept counts, recomputed from the events: per type and status (in stripe 0) and per effective date.
-- Included by generate.sql (the migrations counted an empty table) and reset.sql (after removing events).
UPDATE personnel_event_count SET n = 0;
UPDATE personnel_event_count c SET n = sub.n
  FROM (SELECT type, status, count(*) AS n FROM personnel_event GROUP BY type, status) sub
 WHERE c.type = sub.type AND c.status = sub.status AND c.stripe = 0;
DELETE FROM personnel_event_day_count;
INSERT INTO personnel_event_day_count (needed_on, type, status, stripe, n)
SELECT needed_on, type, status, 0, COUNT(*) FROM personnel_event GROUP BY needed_on, type, status;
