-- The audit trail (activity and comments) can only grow: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER event_activity_append_only BEFORE UPDATE OR DELETE ON event_activity
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER event_activity_no_truncate BEFORE TRUNCATE ON event_activity
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER event_comment_append_only BEFORE UPDATE OR DELETE ON event_comment
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER event_comment_no_truncate BEFORE TRUNCATE ON event_comment
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
