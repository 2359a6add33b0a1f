-- Issuers' signing keys: the public key as SubjectPublicKeyInfo, the private key as PKCS#8
-- sealed with AES-256-GCM under the service's master key (bound to the key id).
-- current_for is "<department>:<algorithm>" while the key signs and NULL once retired: the
-- unique index lets only one current key per department and algorithm exist.
CREATE TABLE issuer_key (
	key_id VARCHAR(64) NOT NULL,
	department_code CHAR(18) NOT NULL,
	algorithm VARCHAR(16) NOT NULL,
	public_key VARBINARY(200) NOT NULL,
	sealed_private_key VARBINARY(400) NOT NULL,
	current_for VARCHAR(40),
	not_before DATETIME(6) NOT NULL,
	retired_at DATETIME(6),
	PRIMARY KEY (key_id)
);

CREATE UNIQUE INDEX ux_issuer_key_current ON issuer_key (current_for);

CREATE INDEX ix_issuer_key_department ON issuer_key (department_code);

-- The last serial given out per type and issuer (identifier part <serial>). The row is
-- locked by the issuing transaction, so concurrent issuances get distinct serials.
CREATE TABLE certificate_serial (
	type_code VARCHAR(40) NOT NULL,
	issuer_code CHAR(18) NOT NULL,
	last_serial BIGINT NOT NULL,
	PRIMARY KEY (type_code, issuer_code)
);

-- Issued certificates: the signed document exactly as signed (RFC 8785 canonical JSON),
-- its signature, and the columns queries need. Holders are found by holder reference (the
-- keyed hash of the ID number), never by the number.
CREATE TABLE certificate (
	id VARCHAR(128) NOT NULL,
	type_code VARCHAR(40) NOT NULL,
	issuer_department_code CHAR(18) NOT NULL,
	holder_kind VARCHAR(16) NOT NULL,
	holder_reference CHAR(64) NOT NULL,
	issued_at DATETIME(6) NOT NULL,
	valid_from DATETIME(6) NOT NULL,
	valid_until DATETIME(6),
	status VARCHAR(16) NOT NULL,
	key_id VARCHAR(64) NOT NULL,
	algorithm VARCHAR(16) NOT NULL,
	document MEDIUMTEXT NOT NULL,
	signature VARCHAR(200) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT fk_certificate_type FOREIGN KEY (type_code) REFERENCES certificate_type (code)
);

CREATE INDEX ix_certificate_holder ON certificate (holder_reference, type_code);

CREATE INDEX ix_certificate_issuer ON certificate (issuer_department_code, type_code);

-- Every change of a certificate's status: from what to what, why, by whom, when.
CREATE TABLE certificate_status_change (
	id BIGINT NOT NULL AUTO_INCREMENT,
	certificate_id VARCHAR(128) NOT NULL,
	from_status VARCHAR(16) NOT NULL,
	to_status VARCHAR(16) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	actor_department CHAR(18),
	actor_client VARCHAR(100),
	actor_user VARCHAR(100),
	changed_at DATETIME(6) NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT fk_certificate_status_change FOREIGN KEY (certificate_id) REFERENCES certificate (id)
);

CREATE INDEX ix_certificate_status_change ON certificate_status_change (certificate_id, changed_at);
