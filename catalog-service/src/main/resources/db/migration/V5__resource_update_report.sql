-- Update reports (更新报告): a provider says when it last updated a resource's data; the
-- quality indicators compare the newest with the resource's update cycle. Kept, never changed.
CREATE TABLE resource_update_report (
	id BIGINT NOT NULL AUTO_INCREMENT,
	resource_code VARCHAR(40) NOT NULL,
	updated_at DATETIME(6) NOT NULL,
	reported_at DATETIME(6) NOT NULL,
	reported_by_client VARCHAR(100),
	reported_by_user VARCHAR(100),
	PRIMARY KEY (id)
);

-- The newest report of a resource.
CREATE INDEX ix_resource_update_report_code ON resource_update_report (resource_code, updated_at);
