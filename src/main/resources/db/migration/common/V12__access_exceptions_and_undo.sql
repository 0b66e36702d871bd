-- A refused removal or suspension is an exception that someone with events:approve decides: raised
-- again (a new request, retry_of pointing back) or accepted with a reason. Until then its stage stays open.
ALTER TABLE access_request ADD COLUMN exception_status VARCHAR(16);
ALTER TABLE access_request ADD COLUMN exception_by VARCHAR(256);
ALTER TABLE access_request ADD COLUMN exception_reason VARCHAR(4000);
ALTER TABLE access_request ADD COLUMN exception_on TIMESTAMP WITH TIME ZONE;
ALTER TABLE access_request ADD COLUMN retry_of UUID;
-- A canceled event's completed changes are undone by new requests, each pointing at what it undoes.
ALTER TABLE access_request ADD COLUMN undoes UUID;
ALTER TABLE access_request ADD CONSTRAINT access_request_exception_status
    CHECK (exception_status IN ('Undecided', 'Accepted', 'Retried', 'Withdrawn'));
ALTER TABLE access_request ADD CONSTRAINT access_request_retry_of_fk FOREIGN KEY (retry_of) REFERENCES access_request (id);
ALTER TABLE access_request ADD CONSTRAINT access_request_undoes_fk FOREIGN KEY (undoes) REFERENCES access_request (id);
