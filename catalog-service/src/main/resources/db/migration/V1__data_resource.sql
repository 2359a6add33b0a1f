-- Catalogue entries (政务信息资源). Each update is a new row with the next version, so what
-- a grant was given on stays readable; resources are retired, never deleted.
CREATE TABLE data_resource (
	id BIGINT NOT NULL AUTO_INCREMENT,
	code VARCHAR(40) NOT NULL,
	version INT NOT NULL,
	provider_code CHAR(18) NOT NULL,
	name VARCHAR(200) NOT NULL,
	description VARCHAR(2000) NOT NULL,
	category VARCHAR(100) NOT NULL,
	security_level SMALLINT NOT NULL,
	sharing_type VARCHAR(16) NOT NULL,
	sharing_condition VARCHAR(1000),
	open_type VARCHAR(16) NOT NULL,
	update_cycle VARCHAR(16) NOT NULL,
	endpoint_url VARCHAR(500) NOT NULL,
	endpoint_method VARCHAR(8) NOT NULL,
	status VARCHAR(16) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uk_data_resource_version UNIQUE (code, version),
	CONSTRAINT ck_data_resource_level CHECK (security_level BETWEEN 1 AND 4)
);

CREATE INDEX ix_data_resource_provider ON data_resource (provider_code, status);

-- Data items (信息项): the fields one version of a resource provides.
CREATE TABLE data_item (
	resource_id BIGINT NOT NULL,
	position INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	type VARCHAR(32) NOT NULL,
	description VARCHAR(500),
	is_sensitive BOOLEAN NOT NULL,
	PRIMARY KEY (resource_id, position),
	CONSTRAINT fk_data_item_resource FOREIGN KEY (resource_id) REFERENCES data_resource (id)
);
