-- Applications, what people hold in them, the access models that say what they should hold, and the
-- access requests that get them there.

CREATE TABLE application (
    id           UUID                      PRIMARY KEY,
    name         VARCHAR(256)              NOT NULL,
    description  VARCHAR(2048),
    status       VARCHAR(16)               NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT application_name_unique UNIQUE (name),
    CONSTRAINT application_status CHECK (status IN ('Active', 'Retired'))
);

CREATE TABLE permission (
    id              UUID           PRIMARY KEY,
    application_id  UUID           NOT NULL,
    name            VARCHAR(256)   NOT NULL,
    description     VARCHAR(2048),
    CONSTRAINT permission_application_fk FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT permission_name_unique UNIQUE (application_id, name)
);

-- What each identity holds now: one row per permission, Active or Suspended (during a leave).
CREATE TABLE identity_access (
    identity_id    UUID                      NOT NULL,
    permission_id  UUID                      NOT NULL,
    account        VARCHAR(256),
    status         VARCHAR(16)               NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (identity_id, permission_id),
    CONSTRAINT identity_access_identity_fk FOREIGN KEY (identity_id) REFERENCES identity (id),
    CONSTRAINT identity_access_permission_fk FOREIGN KEY (permission_id) REFERENCES permission (id),
    CONSTRAINT identity_access_status CHECK (status IN ('Active', 'Suspended'))
);

CREATE TABLE access_model (
    id           UUID                      PRIMARY KEY,
    name         VARCHAR(256)              NOT NULL,
    description  VARCHAR(2048),
    enabled      BOOLEAN                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    version      BIGINT                    NOT NULL,
    CONSTRAINT access_model_name_unique UNIQUE (name)
);

-- A model matches an identity when, for every attribute it names, the identity's value is one of the
-- listed values.
CREATE TABLE access_model_criterion (
    model_id   UUID           NOT NULL,
    attribute  VARCHAR(32)    NOT NULL,
    accepted_value  VARCHAR(2048)  NOT NULL,
    CONSTRAINT access_model_criterion_model_fk FOREIGN KEY (model_id) REFERENCES access_model (id)
);
CREATE INDEX access_model_criterion_model_idx ON access_model_criterion (model_id);

CREATE TABLE access_model_permission (
    model_id       UUID  NOT NULL,
    permission_id  UUID  NOT NULL,
    PRIMARY KEY (model_id, permission_id),
    CONSTRAINT access_model_permission_model_fk FOREIGN KEY (model_id) REFERENCES access_model (id),
    CONSTRAINT access_model_permission_permission_fk FOREIGN KEY (permission_id) REFERENCES permission (id)
);

CREATE SEQUENCE access_request_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE access_request (
    id              UUID                      PRIMARY KEY,
    number          BIGINT                    NOT NULL,
    event_id        UUID                      NOT NULL,
    stage           VARCHAR(32)               NOT NULL,
    identity_id     UUID                      NOT NULL,
    permission_id   UUID                      NOT NULL,
    action          VARCHAR(16)               NOT NULL,
    status          VARCHAR(16)               NOT NULL,
    reporter_name   VARCHAR(256)              NOT NULL,
    reason          VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE  NOT NULL,
    completed_on    TIMESTAMP WITH TIME ZONE,
    completed_by    VARCHAR(256),
    version         BIGINT                    NOT NULL,
    CONSTRAINT access_request_number_unique UNIQUE (number),
    CONSTRAINT access_request_event_fk FOREIGN KEY (event_id) REFERENCES personnel_event (id),
    CONSTRAINT access_request_permission_fk FOREIGN KEY (permission_id) REFERENCES permission (id),
    CONSTRAINT access_request_action CHECK (action IN ('Add', 'Change', 'Remove', 'Suspend', 'Restore')),
    CONSTRAINT access_request_status CHECK (status IN ('Pending', 'Open', 'Resolved', 'Completed', 'Canceled', 'Scheduled', 'Snoozed'))
);
CREATE INDEX access_request_event_idx ON access_request (event_id, stage, number);
CREATE INDEX access_request_identity_idx ON access_request (identity_id, number DESC);
CREATE INDEX access_request_status_idx ON access_request (status, number DESC);
