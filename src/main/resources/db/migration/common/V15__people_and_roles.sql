-- People sign in and act as themselves (issue 13).

-- An account links a way of signing in to an identity: a local account (email and password) or a person an
-- OpenID Connect provider vouches for (its registration id and the claim value that named them). Groups are
-- a local account's own, or what the provider's groups claim said at the last sign-in.
CREATE TABLE account (
    id               UUID                      PRIMARY KEY,
    identity_id      UUID                      NOT NULL,
    provider         VARCHAR(64)               NOT NULL,
    login            VARCHAR(256)              NOT NULL,
    password_hash    VARCHAR(256),
    created_at       TIMESTAMP WITH TIME ZONE  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE  NOT NULL,
    last_sign_in_at  TIMESTAMP WITH TIME ZONE,
    disabled_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT account_identity_fk FOREIGN KEY (identity_id) REFERENCES identity (id),
    CONSTRAINT account_login_unique UNIQUE (provider, login)
);
CREATE INDEX account_identity_idx ON account (identity_id);

CREATE TABLE account_group (
    account_id  UUID          NOT NULL,
    group_name  VARCHAR(256)  NOT NULL,
    PRIMARY KEY (account_id, group_name),
    CONSTRAINT account_group_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Which groups give which of the product's roles; a fresh installation maps each role to the group of
-- the same name.
CREATE TABLE role_group (
    role        VARCHAR(32)   NOT NULL,
    group_name  VARCHAR(256)  NOT NULL,
    PRIMARY KEY (role, group_name),
    CONSTRAINT role_group_role CHECK (role IN ('Administrator', 'SecurityTeam', 'PersonnelManager', 'ProvisionTeam', 'ReportingOnly'))
);
INSERT INTO role_group (role, group_name) VALUES
    ('Administrator', 'Administrator'),
    ('SecurityTeam', 'Security Team'),
    ('PersonnelManager', 'Personnel Manager'),
    ('ProvisionTeam', 'Provision Team'),
    ('ReportingOnly', 'Reporting Only');

-- Each application's Provision Engineers and Application Managers.
CREATE TABLE application_responsibility (
    application_id  UUID         NOT NULL,
    responsibility  VARCHAR(32)  NOT NULL,
    identity_id     UUID         NOT NULL,
    PRIMARY KEY (application_id, responsibility, identity_id),
    CONSTRAINT application_responsibility_application_fk FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT application_responsibility_identity_fk FOREIGN KEY (identity_id) REFERENCES identity (id),
    CONSTRAINT application_responsibility_kind CHECK (responsibility IN ('ProvisionEngineer', 'ApplicationManager'))
);
CREATE INDEX application_responsibility_identity_idx ON application_responsibility (identity_id, application_id);

-- The roles that must approve and verify each type of event; none: one response from the Security Team
-- (or a token with the step's scope).
CREATE TABLE response_rule (
    event_type  VARCHAR(32)  NOT NULL,
    step        VARCHAR(16)  NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    position    INTEGER      NOT NULL,
    PRIMARY KEY (event_type, step, role),
    CONSTRAINT response_rule_step CHECK (step IN ('Approval', 'Verification'))
);

-- Separations of duties an administrator has relaxed, by name.
CREATE TABLE duty_relaxation (
    duty  VARCHAR(64)  PRIMARY KEY
);

-- The responses given to an open or completed Approval or Verification step: one per required role, in the
-- order given (position).
CREATE TABLE stage_response (
    event_id        UUID                      NOT NULL,
    position        INTEGER                   NOT NULL,
    stage           VARCHAR(32)               NOT NULL,
    role            VARCHAR(32)               NOT NULL,
    responder_kind  VARCHAR(16)               NOT NULL,
    responder_id    UUID                      NOT NULL,
    responder_name  VARCHAR(520)              NOT NULL,
    responded_at    TIMESTAMP WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (event_id, stage, role),
    CONSTRAINT stage_response_event_fk FOREIGN KEY (event_id) REFERENCES personnel_event (id)
);

-- Personal tokens act as a person; integration tokens may stand in for roles once rules name roles.
ALTER TABLE api_token ADD COLUMN identity_id UUID;
ALTER TABLE api_token ADD COLUMN stands_in_for VARCHAR(512) NOT NULL DEFAULT '';
ALTER TABLE api_token ADD CONSTRAINT api_token_identity_fk FOREIGN KEY (identity_id) REFERENCES identity (id);

-- Who completed a stage or a request, by id: a person's identity or a token (for the duties).
ALTER TABLE event_stage ADD COLUMN completed_by_id UUID;
ALTER TABLE access_request ADD COLUMN completed_by_id UUID;

-- The audit trails name people by name and identity id.
ALTER TABLE event_activity ADD COLUMN author_id UUID;
ALTER TABLE event_comment ADD COLUMN author_id UUID;
ALTER TABLE admin_activity ADD COLUMN author_id UUID;

-- What a person may see: the events they reported, those of their direct reports (by the identity's
-- supervisor, or the supervisor an onboarding or a role transition names), and those assigned to them.
CREATE INDEX personnel_event_reporter_idx ON personnel_event (reporter_id, needed_on DESC, number DESC);
CREATE INDEX personnel_event_assignee_idx ON personnel_event (assignee_id);
CREATE INDEX personnel_event_identity_supervisor_idx ON personnel_event_identity (supervisor_id);
CREATE INDEX access_request_permission_idx ON access_request (permission_id, number DESC);
