-- Spring Security's JDBC stores for the authorization server, adapted for MySQL 8, MariaDB
-- and H2: DATETIME(6) instead of TIMESTAMP (no 2038 limit, no session time zone shift),
-- MEDIUMBLOB for values that can outgrow 64 KB, and SHA-256 hashes of every token value in
-- indexed columns, because the stock look-up compares BLOBs and scans the table.

CREATE TABLE oauth2_registered_client (
	id VARCHAR(100) NOT NULL,
	client_id VARCHAR(100) NOT NULL,
	client_id_issued_at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
	client_secret VARCHAR(200) DEFAULT NULL,
	client_secret_expires_at DATETIME(6) DEFAULT NULL,
	client_name VARCHAR(200) NOT NULL,
	client_authentication_methods VARCHAR(1000) NOT NULL,
	authorization_grant_types VARCHAR(1000) NOT NULL,
	redirect_uris VARCHAR(1000) DEFAULT NULL,
	post_logout_redirect_uris VARCHAR(1000) DEFAULT NULL,
	scopes VARCHAR(1000) NOT NULL,
	client_settings TEXT NOT NULL,
	token_settings VARCHAR(2000) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uk_oauth2_registered_client_client_id UNIQUE (client_id)
);

CREATE TABLE oauth2_authorization (
	id VARCHAR(100) NOT NULL,
	registered_client_id VARCHAR(100) NOT NULL,
	principal_name VARCHAR(200) NOT NULL,
	authorization_grant_type VARCHAR(100) NOT NULL,
	authorized_scopes VARCHAR(1000) DEFAULT NULL,
	attributes MEDIUMBLOB DEFAULT NULL,
	state VARCHAR(500) DEFAULT NULL,
	authorization_code_value MEDIUMBLOB DEFAULT NULL,
	authorization_code_issued_at DATETIME(6) DEFAULT NULL,
	authorization_code_expires_at DATETIME(6) DEFAULT NULL,
	authorization_code_metadata MEDIUMBLOB DEFAULT NULL,
	access_token_value MEDIUMBLOB DEFAULT NULL,
	access_token_issued_at DATETIME(6) DEFAULT NULL,
	access_token_expires_at DATETIME(6) DEFAULT NULL,
	access_token_metadata MEDIUMBLOB DEFAULT NULL,
	access_token_type VARCHAR(100) DEFAULT NULL,
	access_token_scopes VARCHAR(1000) DEFAULT NULL,
	oidc_id_token_value MEDIUMBLOB DEFAULT NULL,
	oidc_id_token_issued_at DATETIME(6) DEFAULT NULL,
	oidc_id_token_expires_at DATETIME(6) DEFAULT NULL,
	oidc_id_token_metadata MEDIUMBLOB DEFAULT NULL,
	refresh_token_value MEDIUMBLOB DEFAULT NULL,
	refresh_token_issued_at DATETIME(6) DEFAULT NULL,
	refresh_token_expires_at DATETIME(6) DEFAULT NULL,
	refresh_token_metadata MEDIUMBLOB DEFAULT NULL,
	user_code_value MEDIUMBLOB DEFAULT NULL,
	user_code_issued_at DATETIME(6) DEFAULT NULL,
	user_code_expires_at DATETIME(6) DEFAULT NULL,
	user_code_metadata MEDIUMBLOB DEFAULT NULL,
	device_code_value MEDIUMBLOB DEFAULT NULL,
	device_code_issued_at DATETIME(6) DEFAULT NULL,
	device_code_expires_at DATETIME(6) DEFAULT NULL,
	device_code_metadata MEDIUMBLOB DEFAULT NULL,
	-- Shutong's additions: token hashes for indexed look-ups, and when the row may go.
	state_hash CHAR(64) DEFAULT NULL,
	authorization_code_hash CHAR(64) DEFAULT NULL,
	access_token_hash CHAR(64) DEFAULT NULL,
	oidc_id_token_hash CHAR(64) DEFAULT NULL,
	refresh_token_hash CHAR(64) DEFAULT NULL,
	purge_after DATETIME(6) DEFAULT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_oauth2_authorization_state ON oauth2_authorization (state_hash);
CREATE INDEX ix_oauth2_authorization_code ON oauth2_authorization (authorization_code_hash);
CREATE INDEX ix_oauth2_authorization_access ON oauth2_authorization (access_token_hash);
CREATE INDEX ix_oauth2_authorization_id_token ON oauth2_authorization (oidc_id_token_hash);
CREATE INDEX ix_oauth2_authorization_refresh ON oauth2_authorization (refresh_token_hash);
CREATE INDEX ix_oauth2_authorization_purge ON oauth2_authorization (purge_after);

-- Refresh tokens already exchanged: presenting one again means it leaked, and the whole
-- authorization (the token family) is revoked.
CREATE TABLE oauth2_spent_refresh_token (
	token_hash CHAR(64) NOT NULL,
	authorization_id VARCHAR(100) NOT NULL,
	expires_at DATETIME(6) NOT NULL,
	PRIMARY KEY (token_hash)
);
CREATE INDEX ix_oauth2_spent_refresh_token_expires ON oauth2_spent_refresh_token (expires_at);

CREATE TABLE oauth2_authorization_consent (
	registered_client_id VARCHAR(100) NOT NULL,
	principal_name VARCHAR(200) NOT NULL,
	authorities VARCHAR(1000) NOT NULL,
	PRIMARY KEY (registered_client_id, principal_name)
);

-- The token signing keys, shared by every gateway instance. The private key is sealed
-- (AES-256-GCM) under the master key from the environment.
CREATE TABLE signing_key (
	key_id VARCHAR(64) NOT NULL,
	algorithm VARCHAR(10) NOT NULL,
	public_jwk VARCHAR(2000) NOT NULL,
	sealed_private_key VARBINARY(4000) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	activates_at DATETIME(6) NOT NULL,
	retires_at DATETIME(6) DEFAULT NULL,
	PRIMARY KEY (key_id)
);

-- People: citizens, department operators, auditors and administrators.
CREATE TABLE user_account (
	username VARCHAR(100) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	roles VARCHAR(200) NOT NULL,
	department_code CHAR(18) DEFAULT NULL,
	holder_reference CHAR(64) DEFAULT NULL,
	enabled BOOLEAN NOT NULL,
	failed_logins INT NOT NULL,
	locked_until DATETIME(6) DEFAULT NULL,
	created_at DATETIME(6) NOT NULL,
	PRIMARY KEY (username),
	CONSTRAINT fk_user_account_department FOREIGN KEY (department_code) REFERENCES department (credit_code)
);
CREATE INDEX ix_user_account_holder ON user_account (holder_reference);
