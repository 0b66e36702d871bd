-- Who works an access request (Change Management's "assign to me").
ALTER TABLE access_request ADD COLUMN assignee_id UUID;
ALTER TABLE access_request ADD COLUMN assignee_name VARCHAR(520);
