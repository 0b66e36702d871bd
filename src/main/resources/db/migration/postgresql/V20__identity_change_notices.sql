-- Every instance keeps who each person is as it last read them (their status, names and email: whether they
-- may act, and the name their actions are recorded under), and must forget it the moment it changes. The
-- database announces each such change itself, in the changing transaction (delivered at commit), whoever
-- makes it: the service on any of its paths (imports, events, the scheduler), its command line, or SQL from
-- outside. A change of anything else (a department, a custom field, the supervisor) sends nothing.
CREATE FUNCTION notify_identity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- what is kept is kept under the identity's id as it was (an empty notice: forget everyone)
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('personnel_events_identities', '');
    ELSE
        PERFORM pg_notify('personnel_events_identities', OLD.id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER identity_change_notice AFTER UPDATE ON identity FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.first_name IS DISTINCT FROM NEW.first_name
          OR OLD.last_name IS DISTINCT FROM NEW.last_name
          OR OLD.email IS DISTINCT FROM NEW.email
          OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION notify_identity_change();
CREATE TRIGGER identity_delete_notice AFTER DELETE ON identity FOR EACH ROW
    EXECUTE FUNCTION notify_identity_change();
CREATE TRIGGER identity_truncate_notice AFTER TRUNCATE ON identity FOR EACH STATEMENT
    EXECUTE FUNCTION notify_identity_change();
