-- Event numbers are gapless and follow commit order: a create takes the next number from this one row
-- and holds its lock until it commits (the number is then used) or rolls back (the number is given
-- back). A sequence never gives numbers back, so every rolled-back create left a gap.
CREATE TABLE personnel_event_number (
    id           INTEGER  PRIMARY KEY CHECK (id = 1),
    last_number  BIGINT   NOT NULL
);
INSERT INTO personnel_event_number (id, last_number)
SELECT 1, COALESCE(MAX(number), 0) FROM personnel_event;
DROP SEQUENCE personnel_event_number_seq;
