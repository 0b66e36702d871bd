-- The administrative trail can only grow, like the events' trails (V3).
CREATE TRIGGER admin_activity_append_only BEFORE UPDATE, DELETE ON admin_activity
    FOR EACH ROW CALL 'com.personnelevents.db.AppendOnlyTrigger';
