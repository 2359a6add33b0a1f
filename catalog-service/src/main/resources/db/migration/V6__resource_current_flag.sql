-- Marks the newest version of each resource, so that the catalogue list reads the current versions
-- through an index instead of looking up each code's newest version over the whole table. Only
-- the flag of a superseded version changes; what the version says never does.
ALTER TABLE data_resource ADD COLUMN is_current BOOLEAN NOT NULL DEFAULT FALSE;

-- The derived table is materialized (it groups), so MySQL lets the UPDATE read the same table.
UPDATE data_resource SET is_current = TRUE
WHERE (code, version) IN (SELECT code, version FROM (SELECT code, MAX(version) AS version FROM data_resource GROUP BY code) newest);

CREATE INDEX ix_data_resource_current ON data_resource (is_current, status, code);
