-- The workflow: a person may snooze an event until a day; the scheduler finds due steps by next_due_on.
ALTER TABLE personnel_event ADD COLUMN snoozed_until DATE;
ALTER TABLE personnel_event ADD COLUMN next_due_on DATE;
CREATE INDEX personnel_event_next_due_idx ON personnel_event (next_due_on);

-- Events still in progress per identity (guard rails such as one open offboarding per person).
CREATE INDEX personnel_event_identity_type_idx ON personnel_event (identity_id, type, status);
