-- The audit trail (activity and comments) can only grow: no UPDATE or DELETE, whoever asks.
CREATE TRIGGER event_activity_append_only BEFORE UPDATE, DELETE ON event_activity
    FOR EACH ROW CALL 'com.personnelevents.db.AppendOnlyTrigger';
CREATE TRIGGER event_comment_append_only BEFORE UPDATE, DELETE ON event_comment
    FOR EACH ROW CALL 'com.personnelevents.db.AppendOnlyTrigger';
