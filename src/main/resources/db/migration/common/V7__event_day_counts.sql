-- Deep pages without skipping tens of thousands of index entries: the number of events per effective
-- date, type and status, kept in the transaction that creates or moves an event. A page far down the
-- list finds the date its first row has by adding up these counts from the newest date, then skips only
-- the rows of that date. Striped like personnel_event_count, so that a burst of events for one date
-- does not queue on one row; rows appear as dates are first used.
CREATE TABLE personnel_event_day_count (
    needed_on  DATE         NOT NULL,
    type       VARCHAR(32)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    stripe     INTEGER      NOT NULL,
    n          BIGINT       NOT NULL,
    PRIMARY KEY (needed_on, type, status, stripe)
);

INSERT INTO personnel_event_day_count (needed_on, type, status, stripe, n)
SELECT needed_on, type, status, 0, COUNT(*) FROM personnel_event GROUP BY needed_on, type, status;
