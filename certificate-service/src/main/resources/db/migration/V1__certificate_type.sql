-- Certificate types (证照类型): who issues them, whom they belong to, and their surface fields (照面信息).
CREATE TABLE certificate_type (
	code VARCHAR(40) NOT NULL,
	name VARCHAR(200) NOT NULL,
	issuer_department_code CHAR(18) NOT NULL,
	holder_kind VARCHAR(16) NOT NULL,
	validity_years INT,
	created_at DATETIME(6) NOT NULL,
	PRIMARY KEY (code)
);

CREATE INDEX ix_certificate_type_issuer ON certificate_type (issuer_department_code);

CREATE TABLE certificate_type_field (
	type_code VARCHAR(40) NOT NULL,
	position INT NOT NULL,
	name VARCHAR(100) NOT NULL,
	label VARCHAR(100) NOT NULL,
	data_type VARCHAR(16) NOT NULL,
	is_sensitive BOOLEAN NOT NULL,
	is_required BOOLEAN NOT NULL,
	PRIMARY KEY (type_code, position),
	CONSTRAINT fk_certificate_type_field_type FOREIGN KEY (type_code) REFERENCES certificate_type (code)
);
