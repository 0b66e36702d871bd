-- The administrative trail can only grow, like the events' trails (V3).
CREATE TRIGGER admin_activity_append_only BEFORE UPDATE OR DELETE ON admin_activity
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER admin_activity_no_truncate BEFORE TRUNCATE ON admin_activity
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
