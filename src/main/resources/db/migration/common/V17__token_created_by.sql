-- The person who created an integration token: the separations of duties hold for what they do through it
-- (not approving an event about themselves, not completing a request about their own access). Tokens
-- created at the command line, and those created before this column, name nobody.
ALTER TABLE api_token ADD COLUMN created_by_identity_id UUID;
ALTER TABLE api_token ADD CONSTRAINT api_token_created_by_fk FOREIGN KEY (created_by_identity_id) REFERENCES identity (id);
