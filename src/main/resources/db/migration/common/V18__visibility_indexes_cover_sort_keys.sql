-- What a person may see is found in these indexes alone: each part of the visibility rule yields the
-- events' sort keys and ids (effective date, number, id) without reading the table, and the list then
-- finds those triples in personnel_event_order_idx, again without the table. At ten million events the
-- rows of one person's thousand events lie scattered over a table larger than memory.
DROP INDEX personnel_event_reporter_idx;
CREATE INDEX personnel_event_reporter_idx ON personnel_event (reporter_id, needed_on DESC, number DESC, id);
DROP INDEX personnel_event_assignee_idx;
CREATE INDEX personnel_event_assignee_idx ON personnel_event (assignee_id, needed_on DESC, number DESC, id);
DROP INDEX identity_supervisor_idx;
CREATE INDEX identity_supervisor_idx ON identity (supervisor_id, id);
DROP INDEX personnel_event_identity_supervisor_idx;
CREATE INDEX personnel_event_identity_supervisor_idx ON personnel_event_identity (supervisor_id, event_id);
