-- Whether a grant lets the consumer see sensitive items unmasked (decided on approval).
ALTER TABLE sharing_grant ADD COLUMN raw_values BOOLEAN NOT NULL DEFAULT FALSE;

-- The provider systems the exchange broker may call (the administrator's allowlist), by
-- host, with the limits of each.
CREATE TABLE exchange_provider (
	host VARCHAR(253) NOT NULL,
	description VARCHAR(200) NOT NULL,
	timeout_ms INT NOT NULL,
	max_concurrent_calls INT NOT NULL,
	changed_at DATETIME(6) NOT NULL,
	changed_by VARCHAR(100) NOT NULL,
	PRIMARY KEY (host)
);

-- One receipt per query, refused, failed or answered: the consumer's record of it. The
-- rows themselves are never kept.
CREATE TABLE exchange_receipt (
	id CHAR(36) NOT NULL,
	resource_code VARCHAR(40) NOT NULL,
	resource_version INT,
	grant_id CHAR(36),
	provider_code CHAR(18),
	consumer_code CHAR(18),
	client_id VARCHAR(100),
	user_id VARCHAR(100),
	service_item_code VARCHAR(64),
	purpose VARCHAR(500),
	subject_reference CHAR(64),
	outcome VARCHAR(16) NOT NULL,
	problem_code VARCHAR(40),
	row_count INT NOT NULL,
	item_count INT NOT NULL,
	items VARCHAR(4000),
	started_at DATETIME(6) NOT NULL,
	duration_ms INT NOT NULL,
	PRIMARY KEY (id)
);

-- Quality indicators read a resource's outcomes over a period; statistics count a
-- department's queries as consumer and as provider.
CREATE INDEX ix_exchange_receipt_resource ON exchange_receipt (resource_code, started_at, outcome);
CREATE INDEX ix_exchange_receipt_consumer ON exchange_receipt (consumer_code, started_at);
CREATE INDEX ix_exchange_receipt_provider ON exchange_receipt (provider_code, started_at);
