-- Exact list totals without counting a million rows per request: the number of events per type and
-- status, kept in the transaction that creates or moves an event. Each pair has 16 stripes so that
-- concurrent creates of one type do not queue on one row; a total is the sum of its stripes.
CREATE TABLE personnel_event_count (
    type    VARCHAR(32)  NOT NULL,
    status  VARCHAR(16)  NOT NULL,
    stripe  INTEGER      NOT NULL,
    n       BIGINT       NOT NULL,
    PRIMARY KEY (type, status, stripe)
);

INSERT INTO personnel_event_count (type, status, stripe, n)
SELECT t.type, s.status, st.stripe, 0
  FROM (VALUES ('Onboard'), ('Offboard'), ('RoleTransition'), ('Absence')) AS t(type)
 CROSS JOIN (VALUES ('Pending'), ('Open'), ('Resolved'), ('Completed'), ('Canceled'), ('Scheduled'),
                    ('Snoozed')) AS s(status)
 CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14),
                    (15)) AS st(stripe);

-- Events that exist already are counted in stripe 0.
UPDATE personnel_event_count
   SET n = (SELECT COUNT(*) FROM personnel_event e
             WHERE e.type = personnel_event_count.type AND e.status = personnel_event_count.status)
 WHERE stripe = 0;
