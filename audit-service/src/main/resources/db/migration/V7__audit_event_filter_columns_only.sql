-- An event's columns are only what searches filter on; everything else is read from its leaf,
-- the exact bytes the tree proves. Columns no query reads cost every append and are dropped.
ALTER TABLE audit_event DROP COLUMN service;
ALTER TABLE audit_event DROP COLUMN actor_client;
ALTER TABLE audit_event DROP COLUMN actor_user;
ALTER TABLE audit_event DROP COLUMN subject_kind;
ALTER TABLE audit_event DROP COLUMN purpose;
ALTER TABLE audit_event DROP COLUMN trace_id;
