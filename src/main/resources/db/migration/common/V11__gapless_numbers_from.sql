-- Numbers are gapless from the first one the counter row (V9) handed out. A database numbered by the old
-- sequence before that keeps the gaps its rolled-back creates left, and the audit verification must not
-- report those as removed events: it checks for missing numbers from gapless_from on. Here that is the
-- first number of the last unbroken run of numbers (1 for a new database).
ALTER TABLE personnel_event_number ADD COLUMN gapless_from BIGINT;
UPDATE personnel_event_number SET gapless_from = COALESCE(
    (SELECT MIN(q.number) FROM personnel_event q
      WHERE q.number > (SELECT MAX(p.number) FROM personnel_event p
                         WHERE p.number < (SELECT MAX(number) FROM personnel_event)
                           AND NOT EXISTS (SELECT 1 FROM personnel_event r WHERE r.number = p.number + 1))),
    (SELECT MIN(number) FROM personnel_event),
    1);
ALTER TABLE personnel_event_number ALTER COLUMN gapless_from SET NOT NULL;
