-- Use authorisations (用证授权): the holder lets one department use one certificate for one
-- service item until a time. A withdrawn one keeps its row with withdrawn_at set.
CREATE TABLE use_authorization (
	id CHAR(36) NOT NULL,
	certificate_id VARCHAR(128) NOT NULL,
	holder_reference CHAR(64) NOT NULL,
	department_code CHAR(18) NOT NULL,
	service_item_code VARCHAR(64) NOT NULL,
	valid_until DATETIME(6) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	withdrawn_at DATETIME(6),
	PRIMARY KEY (id),
	CONSTRAINT fk_use_authorization_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id)
);

CREATE INDEX ix_use_authorization_holder ON use_authorization (holder_reference, created_at);

CREATE INDEX ix_use_authorization_use ON use_authorization (certificate_id, department_code, service_item_code);
