-- Runs unchanged on PostgreSQL 15 and on H2 2.x in PostgreSQL mode.

CREATE TABLE settings (
    id              INTEGER      PRIMARY KEY,
    time_zone       VARCHAR(64)  NOT NULL,
    lead_time_days  INTEGER      NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT settings_single_row CHECK (id = 1),
    CONSTRAINT settings_lead_time CHECK (lead_time_days BETWEEN 1 AND 99)
);

CREATE TABLE custom_field (
    slot     INTEGER      PRIMARY KEY,
    label    VARCHAR(16),
    enabled  BOOLEAN      NOT NULL,
    CONSTRAINT custom_field_slot CHECK (slot BETWEEN 1 AND 9)
);

INSERT INTO custom_field (slot, label, enabled) VALUES
    (1, NULL, FALSE), (2, NULL, FALSE), (3, NULL, FALSE), (4, NULL, FALSE), (5, NULL, FALSE),
    (6, NULL, FALSE), (7, NULL, FALSE), (8, NULL, FALSE), (9, NULL, FALSE);

CREATE TABLE api_token (
    id            UUID                      PRIMARY KEY,
    name          VARCHAR(256)              NOT NULL,
    token_hash    VARCHAR(64)               NOT NULL,
    scopes        VARCHAR(512)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE  NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);

CREATE TABLE identity (
    id                UUID                      PRIMARY KEY,
    external_id       VARCHAR(256),
    first_name        VARCHAR(256)              NOT NULL,
    last_name         VARCHAR(256)              NOT NULL,
    email             VARCHAR(256),
    email_key         VARCHAR(256),
    identity_type     VARCHAR(50)               NOT NULL,
    title             VARCHAR(256),
    company           VARCHAR(256),
    division          VARCHAR(256),
    department        VARCHAR(128),
    office            VARCHAR(256),
    supervisor_id     UUID,
    custom_field_1    VARCHAR(2048),
    custom_field_2    VARCHAR(2048),
    custom_field_3    VARCHAR(2048),
    custom_field_4    VARCHAR(2048),
    custom_field_5    VARCHAR(2048),
    custom_field_6    VARCHAR(2048),
    custom_field_7    VARCHAR(2048),
    custom_field_8    VARCHAR(2048),
    custom_field_9    VARCHAR(2048),
    status            VARCHAR(16)               NOT NULL,
    created_date      TIMESTAMP WITH TIME ZONE  NOT NULL,
    updated_date      TIMESTAMP WITH TIME ZONE  NOT NULL,
    first_seen_date   TIMESTAMP WITH TIME ZONE  NOT NULL,
    inactivated_date  TIMESTAMP WITH TIME ZONE,
    version           BIGINT                    NOT NULL,
    CONSTRAINT identity_external_id_unique UNIQUE (external_id),
    CONSTRAINT identity_supervisor_fk FOREIGN KEY (supervisor_id) REFERENCES identity (id),
    CONSTRAINT identity_status CHECK (status IN ('Active', 'Disabled', 'Removed'))
);
CREATE INDEX identity_email_key_idx ON identity (email_key);
CREATE INDEX identity_name_idx ON identity (last_name, first_name, id);
CREATE INDEX identity_supervisor_idx ON identity (supervisor_id);

CREATE SEQUENCE personnel_event_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE personnel_event (
    id             UUID                      PRIMARY KEY,
    number         BIGINT                    NOT NULL,
    type           VARCHAR(32)               NOT NULL,
    status         VARCHAR(16)               NOT NULL,
    -- For an onboarding before its approval, the id the identity will be created with.
    identity_id    UUID                      NOT NULL,
    reporter_id    UUID                      NOT NULL,
    reporter_name  VARCHAR(256)              NOT NULL,
    assignee_id    UUID,
    assignee_name  VARCHAR(520),
    needed_on      DATE                      NOT NULL,
    needed_until   DATE,
    completed_on   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE  NOT NULL,
    version        BIGINT                    NOT NULL,
    CONSTRAINT personnel_event_number_unique UNIQUE (number),
    CONSTRAINT personnel_event_type CHECK (type IN ('Onboard', 'Offboard', 'RoleTransition', 'Absence')),
    CONSTRAINT personnel_event_status CHECK (status IN ('Pending', 'Open', 'Resolved', 'Completed', 'Canceled', 'Scheduled', 'Snoozed'))
);
-- The list is ordered by effective date, newest first; each filter has an index that keeps that order.
CREATE INDEX personnel_event_order_idx ON personnel_event (needed_on DESC, number DESC);
CREATE INDEX personnel_event_identity_idx ON personnel_event (identity_id, needed_on DESC, number DESC);
CREATE INDEX personnel_event_status_idx ON personnel_event (status, needed_on DESC, number DESC);
CREATE INDEX personnel_event_type_idx ON personnel_event (type, needed_on DESC, number DESC);

-- What the event carries about its identity: for an onboarding, the whole record of the identity to
-- create; for a role transition, only the fields that change (null = keep).
CREATE TABLE personnel_event_identity (
    event_id        UUID           PRIMARY KEY,
    first_name      VARCHAR(256),
    last_name       VARCHAR(256),
    email           VARCHAR(256),
    identity_type   VARCHAR(50),
    title           VARCHAR(256),
    company         VARCHAR(256),
    division        VARCHAR(256),
    department      VARCHAR(128),
    office          VARCHAR(256),
    supervisor_id   UUID,
    custom_field_1  VARCHAR(2048),
    custom_field_2  VARCHAR(2048),
    custom_field_3  VARCHAR(2048),
    custom_field_4  VARCHAR(2048),
    custom_field_5  VARCHAR(2048),
    custom_field_6  VARCHAR(2048),
    custom_field_7  VARCHAR(2048),
    custom_field_8  VARCHAR(2048),
    custom_field_9  VARCHAR(2048),
    CONSTRAINT personnel_event_identity_event_fk FOREIGN KEY (event_id) REFERENCES personnel_event (id),
    CONSTRAINT personnel_event_identity_supervisor_fk FOREIGN KEY (supervisor_id) REFERENCES identity (id)
);

CREATE TABLE event_stage (
    event_id         UUID                      NOT NULL,
    position         INTEGER                   NOT NULL,
    name             VARCHAR(32)               NOT NULL,
    status           VARCHAR(16)               NOT NULL,
    started_on       TIMESTAMP WITH TIME ZONE,
    scheduled_start  DATE,
    completed_on     TIMESTAMP WITH TIME ZONE,
    completed_by     VARCHAR(256),
    PRIMARY KEY (event_id, position),
    CONSTRAINT event_stage_event_fk FOREIGN KEY (event_id) REFERENCES personnel_event (id)
);

CREATE TABLE event_activity (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_id      UUID                      NOT NULL,
    created_date  TIMESTAMP WITH TIME ZONE  NOT NULL,
    author        VARCHAR(256)              NOT NULL,
    action        VARCHAR(64)               NOT NULL,
    content       VARCHAR(4000)             NOT NULL,
    CONSTRAINT event_activity_event_fk FOREIGN KEY (event_id) REFERENCES personnel_event (id)
);
CREATE INDEX event_activity_event_idx ON event_activity (event_id, id);

CREATE TABLE event_comment (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_id      UUID                      NOT NULL,
    created_date  TIMESTAMP WITH TIME ZONE  NOT NULL,
    author        VARCHAR(256)              NOT NULL,
    content       TEXT                      NOT NULL,
    CONSTRAINT event_comment_event_fk FOREIGN KEY (event_id) REFERENCES personnel_event (id)
);
CREATE INDEX event_comment_event_idx ON event_comment (event_id, id);

-- Creates replayed under the same Idempotency-Key return the stored response.
CREATE TABLE idempotency_key (
    token_id         UUID                      NOT NULL,
    idempotency_key  VARCHAR(256)              NOT NULL,
    request_hash     VARCHAR(64)               NOT NULL,
    response_status  INTEGER                   NOT NULL,
    location         VARCHAR(512),
    response_body    TEXT                      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (token_id, idempotency_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
