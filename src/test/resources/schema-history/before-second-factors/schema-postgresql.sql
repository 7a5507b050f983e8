-- usersession schema for PostgreSQL 12+. Safe to run again: every statement is IF NOT EXISTS.
-- One statement per line: Hibernate and EclipseLink both read a create-script-source line by line.
CREATE TABLE IF NOT EXISTS user_session (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, user_groups VARCHAR(4000) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, last_access TIMESTAMP(6) WITH TIME ZONE NOT NULL, idle_expiry TIMESTAMP(6) WITH TIME ZONE NOT NULL, absolute_expiry TIMESTAMP(6) WITH TIME ZONE NOT NULL, client VARCHAR(512) NOT NULL, state_version BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS user_session_user_name ON user_session (user_name);
CREATE INDEX IF NOT EXISTS user_session_idle_expiry ON user_session (idle_expiry);
CREATE INDEX IF NOT EXISTS user_session_absolute_expiry ON user_session (absolute_expiry);

CREATE TABLE IF NOT EXISTS user_session_bean (session_id VARCHAR(43) NOT NULL, bean_id VARCHAR(255) NOT NULL, state TEXT NOT NULL, version BIGINT NOT NULL, updated TIMESTAMP(6) WITH TIME ZONE NOT NULL, PRIMARY KEY (session_id, bean_id), CONSTRAINT user_session_bean_session FOREIGN KEY (session_id) REFERENCES user_session (id) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS user_account (name VARCHAR(255) NOT NULL PRIMARY KEY, password_hash VARCHAR(512) NOT NULL, user_groups VARCHAR(4000) NOT NULL, enabled BOOLEAN NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, credentials_version BIGINT DEFAULT 0 NOT NULL);

CREATE TABLE IF NOT EXISTS login_attempts (subject VARCHAR(80) NOT NULL PRIMARY KEY, attempts INTEGER NOT NULL, window_start TIMESTAMP(6) WITH TIME ZONE NOT NULL, blocked_until TIMESTAMP(6) WITH TIME ZONE, updated TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS login_attempts_updated ON login_attempts (updated);

CREATE TABLE IF NOT EXISTS login_device (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, expires TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS login_device_user_name ON login_device (user_name);
CREATE INDEX IF NOT EXISTS login_device_expires ON login_device (expires);
