-- An onboarding may carry the HR system's key of the person (identity.externalId): a new identity gets
-- it at approval, and it finds a leaver who comes back. A rehire's identity status before the
-- onboarding is kept, so that canceling the onboarding puts the identity back as it was.
ALTER TABLE personnel_event_identity ADD COLUMN external_id VARCHAR(256);
ALTER TABLE personnel_event_identity ADD COLUMN previous_status VARCHAR(16);
CREATE INDEX personnel_event_identity_external_id_idx ON personnel_event_identity (external_id);
