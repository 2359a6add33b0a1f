-- Schemas and least-privilege users for Shutong on MySQL 8 or MariaDB 10.11+.
-- Idempotent: safe to run again. Run as an administrator:  mysql -uroot < infra/mysql/init.sql
-- The passwords below are for local use only; production creates these users with its own secrets.

CREATE DATABASE IF NOT EXISTS shutong_gateway CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS shutong_catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS shutong_certificate CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS shutong_audit CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- One user per service, with rights on its own schema only: enough to run its migrations and
-- its queries, nothing on any other schema.
CREATE USER IF NOT EXISTS 'shutong_gateway'@'%' IDENTIFIED BY 'shutong_gateway';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON shutong_gateway.* TO 'shutong_gateway'@'%';

CREATE USER IF NOT EXISTS 'shutong_catalog'@'%' IDENTIFIED BY 'shutong_catalog';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON shutong_catalog.* TO 'shutong_catalog'@'%';

CREATE USER IF NOT EXISTS 'shutong_certificate'@'%' IDENTIFIED BY 'shutong_certificate';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON shutong_certificate.* TO 'shutong_certificate'@'%';

-- The audit log is append-only: its migrations run as an owner, while the service's own user
-- may only read and insert, so no code path (and no stolen connection) can alter an event.
CREATE USER IF NOT EXISTS 'shutong_audit_owner'@'%' IDENTIFIED BY 'shutong_audit_owner';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON shutong_audit.* TO 'shutong_audit_owner'@'%';

CREATE USER IF NOT EXISTS 'shutong_audit'@'%' IDENTIFIED BY 'shutong_audit';
-- LOCK TABLES only so that MySQL 8 lets it take the sequencer's row lock (SELECT ... FOR UPDATE);
-- it changes no data.
GRANT SELECT, INSERT, LOCK TABLES ON shutong_audit.* TO 'shutong_audit'@'%';
