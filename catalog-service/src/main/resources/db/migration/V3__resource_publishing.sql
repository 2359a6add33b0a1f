-- Publishing resources (issue 5): the provider's query parameters, why a resource was
-- retired (a retirement is a new version row with status RETIRED), and the serial counter
-- behind resource codes.

ALTER TABLE data_resource ADD COLUMN retired_reason VARCHAR(500);

CREATE INDEX ix_data_resource_category ON data_resource (category, status);

-- Parameters of the provider's query API (endpoint), per version like the data items.
CREATE TABLE endpoint_parameter (
	resource_id BIGINT NOT NULL,
	position INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	type VARCHAR(32) NOT NULL,
	is_required BOOLEAN NOT NULL,
	description VARCHAR(500),
	PRIMARY KEY (resource_id, position),
	CONSTRAINT fk_endpoint_parameter_resource FOREIGN KEY (resource_id) REFERENCES data_resource (id)
);

-- The last serial given out per category and provider: resource code
-- <category>-<provider credit code>-<serial, at least 6 digits>. The row is locked by the
-- publishing transaction, so concurrent publishes get consecutive serials.
CREATE TABLE resource_serial (
	category VARCHAR(8) NOT NULL,
	provider_code CHAR(18) NOT NULL,
	last_serial INT NOT NULL,
	PRIMARY KEY (category, provider_code)
);
