-- The kept counts are updated by every create and every status change. With room left on each page,
-- PostgreSQL keeps a row's new versions on the same page (HOT updates, no index entries) and prunes the
-- old ones as it goes; autovacuum visits the date counts early rather than after a fifth of them changed.
ALTER TABLE personnel_event_count SET (fillfactor = 50);
ALTER TABLE personnel_event_day_count SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02);
