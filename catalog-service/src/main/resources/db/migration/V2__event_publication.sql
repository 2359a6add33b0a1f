-- The audit outbox: Spring Modulith's event publication registry (its 2.0 schema), one row per
-- audit event, written in the transaction of the change the event describes and deleted once
-- the audit service has acknowledged it. Modulith's own MySQL script is not used: its
-- VARCHAR(4000) would truncate larger events (MEDIUMTEXT here), and DATETIME(6) keeps instants
-- as the other tables do. Modulith reads ID as a UUID on H2 and as a string on MySQL and
-- MariaDB: the platform sets the placeholder to the type the database needs.
-- Unquoted upper-case names, as Modulith's queries name them (MySQL table names are case
-- sensitive on Linux).
CREATE TABLE EVENT_PUBLICATION (
	ID ${shutong_event_publication_id} NOT NULL,
	LISTENER_ID VARCHAR(512) NOT NULL,
	EVENT_TYPE VARCHAR(512) NOT NULL,
	SERIALIZED_EVENT MEDIUMTEXT NOT NULL,
	PUBLICATION_DATE DATETIME(6) NOT NULL,
	COMPLETION_DATE DATETIME(6) DEFAULT NULL,
	STATUS VARCHAR(20) DEFAULT NULL,
	COMPLETION_ATTEMPTS INT DEFAULT NULL,
	LAST_RESUBMISSION_DATE DATETIME(6) DEFAULT NULL,
	PRIMARY KEY (ID)
);

-- The resubmission looks publications up by status and age.
CREATE INDEX ix_event_publication_status ON EVENT_PUBLICATION (STATUS, PUBLICATION_DATE);

CREATE INDEX ix_event_publication_completion ON EVENT_PUBLICATION (COMPLETION_DATE);
