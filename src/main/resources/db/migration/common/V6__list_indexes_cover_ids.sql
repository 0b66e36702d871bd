-- The list finds a page's ids in these indexes alone (an index-only scan where PostgreSQL can), so a
-- deep page skips index entries, not table rows.
DROP INDEX personnel_event_order_idx;
DROP INDEX personnel_event_identity_idx;
DROP INDEX personnel_event_status_idx;
DROP INDEX personnel_event_type_idx;
CREATE INDEX personnel_event_order_idx ON personnel_event (needed_on DESC, number DESC, id);
CREATE INDEX personnel_event_identity_idx ON personnel_event (identity_id, needed_on DESC, number DESC, id);
CREATE INDEX personnel_event_status_idx ON personnel_event (status, needed_on DESC, number DESC, id);
CREATE INDEX personnel_event_type_idx ON personnel_event (type, needed_on DESC, number DESC, id);
CREATE INDEX personnel_event_type_status_idx ON personnel_event (type, status, needed_on DESC, number DESC, id);
