-- Sharing applications (共享申请): a consumer department asks for items of one version of
-- a resource, for a purpose and a service item, until a time. Decided once, never deleted.
CREATE TABLE sharing_application (
	id CHAR(36) NOT NULL,
	resource_code VARCHAR(40) NOT NULL,
	resource_version INT NOT NULL,
	provider_code CHAR(18) NOT NULL,
	consumer_code CHAR(18) NOT NULL,
	purpose VARCHAR(500) NOT NULL,
	legal_basis VARCHAR(500) NOT NULL,
	service_item_code VARCHAR(64) NOT NULL,
	valid_until DATETIME(6) NOT NULL,
	status VARCHAR(16) NOT NULL,
	filed_at DATETIME(6) NOT NULL,
	filed_by_client VARCHAR(100),
	filed_by_user VARCHAR(100),
	decided_at DATETIME(6),
	decision_reason VARCHAR(500),
	PRIMARY KEY (id)
);

-- Each side lists its applications by status, newest first; statistics read by filing time.
CREATE INDEX ix_sharing_application_provider ON sharing_application (provider_code, status, filed_at);
CREATE INDEX ix_sharing_application_consumer ON sharing_application (consumer_code, status, filed_at);
CREATE INDEX ix_sharing_application_filed ON sharing_application (filed_at);

-- The data items an application asks for.
CREATE TABLE sharing_application_item (
	application_id CHAR(36) NOT NULL,
	position INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	PRIMARY KEY (application_id, position),
	CONSTRAINT fk_sharing_application_item FOREIGN KEY (application_id) REFERENCES sharing_application (id)
);

-- Grants (共享授权): what an approved application allows, until when; revoked or expired,
-- never deleted. The status column says what was recorded; a grant past valid_until is
-- expired whatever it says.
CREATE TABLE sharing_grant (
	id CHAR(36) NOT NULL,
	application_id CHAR(36) NOT NULL,
	resource_code VARCHAR(40) NOT NULL,
	resource_version INT NOT NULL,
	provider_code CHAR(18) NOT NULL,
	consumer_code CHAR(18) NOT NULL,
	service_item_code VARCHAR(64) NOT NULL,
	valid_until DATETIME(6) NOT NULL,
	status VARCHAR(16) NOT NULL,
	granted_at DATETIME(6) NOT NULL,
	ended_at DATETIME(6),
	revoke_reason VARCHAR(500),
	PRIMARY KEY (id),
	CONSTRAINT uk_sharing_grant_application UNIQUE (application_id),
	CONSTRAINT fk_sharing_grant_application FOREIGN KEY (application_id) REFERENCES sharing_application (id)
);

-- The exchange broker's look-up of a live grant, and each side's listing.
CREATE INDEX ix_sharing_grant_live ON sharing_grant (consumer_code, resource_code, service_item_code, status, valid_until);
CREATE INDEX ix_sharing_grant_provider ON sharing_grant (provider_code, status, granted_at);
-- The expiry job finds active grants past their time.
CREATE INDEX ix_sharing_grant_expiry ON sharing_grant (status, valid_until);

-- The data items a grant allows: the requested ones, or those the provider narrowed them to.
CREATE TABLE sharing_grant_item (
	grant_id CHAR(36) NOT NULL,
	position INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	PRIMARY KEY (grant_id, position),
	CONSTRAINT fk_sharing_grant_item FOREIGN KEY (grant_id) REFERENCES sharing_grant (id)
);
