-- "My work" reads two queues of open events in effective-date order: what is overdue (awaiting approval or
-- access changes, its date passed) and the open events a person reported. Open events are a few thousand
-- among millions, so each queue gets an index of its own open events only. Without them PostgreSQL, taking
-- the statuses to be spread evenly over the years, walked the order index back through every past event
-- for an overdue list that was empty: 0.2-0.7 s at a million events whenever it planned the statement for
-- the day's date, as it does for each connection's first calls. And it read every event a person ever
-- reported to find the open ones. The predicates are the queues' conditions word for word, which is how
-- the planner knows it may use them. (H2 has no partial indexes; there the queues read the status and
-- reporter indexes.)
CREATE INDEX personnel_event_overdue_idx ON personnel_event (needed_on, number)
    WHERE status IN ('Pending', 'Open');
CREATE INDEX personnel_event_reported_open_idx ON personnel_event (reporter_id, needed_on, number)
    WHERE status NOT IN ('Completed', 'Canceled');
