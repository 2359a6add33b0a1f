-- Indexes for the auditors' search and the citizens' view. Results come newest first, cut by
-- leaf index, so each filter's index ends in leaf_index: an equality on the first column reads
-- the index backwards from the page's "before" and stops after one page. occurred_at serves the
-- time range (from inclusive, to exclusive) when no other filter narrows the events first.
CREATE INDEX ix_audit_event_department ON audit_event (actor_department, leaf_index);
CREATE INDEX ix_audit_event_action ON audit_event (action, leaf_index);
CREATE INDEX ix_audit_event_resource ON audit_event (resource, leaf_index);
CREATE INDEX ix_audit_event_subject ON audit_event (subject_reference, leaf_index);
CREATE INDEX ix_audit_event_service_item ON audit_event (service_item_code, leaf_index);
CREATE INDEX ix_audit_event_outcome ON audit_event (outcome, leaf_index);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at, leaf_index);
