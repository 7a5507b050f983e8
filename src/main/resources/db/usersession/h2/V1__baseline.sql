-- usersession schema for H2 2.x. Safe to run again: every statement is IF NOT EXISTS.
-- One statement per line: Hibernate and EclipseLink both read a create-script-source line by line.
CREATE TABLE IF NOT EXISTS user_session (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, user_groups VARCHAR(4000) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, last_access TIMESTAMP(6) WITH TIME ZONE NOT NULL, idle_expiry TIMESTAMP(6) WITH TIME ZONE NOT NULL, absolute_expiry TIMESTAMP(6) WITH TIME ZONE NOT NULL, client VARCHAR(512) NOT NULL, state_version BIGINT NOT NULL, password_at TIMESTAMP(6) WITH TIME ZONE, one_time_code_at TIMESTAMP(6) WITH TIME ZONE, passkey_at TIMESTAMP(6) WITH TIME ZONE, assurance_level INT DEFAULT 0 NOT NULL);
CREATE INDEX IF NOT EXISTS user_session_user_name ON user_session (user_name);
CREATE INDEX IF NOT EXISTS user_session_idle_expiry ON user_session (idle_expiry);
CREATE INDEX IF NOT EXISTS user_session_absolute_expiry ON user_session (absolute_expiry);

CREATE TABLE IF NOT EXISTS user_session_bean (session_id VARCHAR(43) NOT NULL, bean_id VARCHAR(255) NOT NULL, state CHARACTER VARYING(1000000) NOT NULL, version BIGINT NOT NULL, updated TIMESTAMP(6) WITH TIME ZONE NOT NULL, PRIMARY KEY (session_id, bean_id), CONSTRAINT user_session_bean_session FOREIGN KEY (session_id) REFERENCES user_session (id) ON DELETE CASCADE);

CREATE TABLE IF NOT EXISTS user_account (name VARCHAR(255) NOT NULL PRIMARY KEY, password_hash VARCHAR(512) NOT NULL, user_groups VARCHAR(4000) NOT NULL, enabled BOOLEAN NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, credentials_version BIGINT DEFAULT 0 NOT NULL);
-- Changed in 0.2.0 (login throttling): a user_account table made by 0.1.0 gets the credentials version and loses
-- its failure counter (login_attempts counts failures now; accounts locked by the old counter are unlocked).
ALTER TABLE user_account ADD COLUMN IF NOT EXISTS credentials_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE user_account DROP COLUMN IF EXISTS failed_attempts;
ALTER TABLE user_account DROP COLUMN IF EXISTS locked_until;

CREATE TABLE IF NOT EXISTS login_attempts (subject VARCHAR(80) NOT NULL PRIMARY KEY, attempts INTEGER NOT NULL, window_start TIMESTAMP(6) WITH TIME ZONE NOT NULL, blocked_until TIMESTAMP(6) WITH TIME ZONE, updated TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS login_attempts_updated ON login_attempts (updated);

CREATE TABLE IF NOT EXISTS login_device (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, expires TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS login_device_user_name ON login_device (user_name);
CREATE INDEX IF NOT EXISTS login_device_expires ON login_device (expires);

-- Added in 0.2.0 (how and when the user proved who they are): upgrades a user_session table made by 0.1.0.
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS password_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS one_time_code_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS passkey_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS assurance_level INT DEFAULT 0 NOT NULL;

-- Administration (0.2.0): live sessions listed newest first, page by page.
CREATE INDEX IF NOT EXISTS user_session_created ON user_session (created);

-- Second factors (0.2.0): one-time code secrets (sealed), recovery codes (hashed), passkeys, pending logins and challenges.
CREATE TABLE IF NOT EXISTS user_totp (user_name VARCHAR(255) NOT NULL PRIMARY KEY, secret VARCHAR(200) NOT NULL, confirmed BOOLEAN NOT NULL, last_step BIGINT NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE TABLE IF NOT EXISTS user_recovery_code (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS user_recovery_code_user_name ON user_recovery_code (user_name);
CREATE TABLE IF NOT EXISTS user_passkey (id VARCHAR(43) NOT NULL PRIMARY KEY, credential_id VARCHAR(1400) NOT NULL, user_name VARCHAR(255) NOT NULL, user_handle VARCHAR(64) NOT NULL, public_key CHARACTER VARYING(2000) NOT NULL, sign_count BIGINT NOT NULL, transports VARCHAR(200) NOT NULL, aaguid VARCHAR(36) NOT NULL, backup_eligible BOOLEAN NOT NULL, name VARCHAR(100) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, last_used TIMESTAMP(6) WITH TIME ZONE);
CREATE INDEX IF NOT EXISTS user_passkey_user_name ON user_passkey (user_name);
CREATE TABLE IF NOT EXISTS login_challenge (id VARCHAR(43) NOT NULL PRIMARY KEY, purpose VARCHAR(24) NOT NULL, user_name VARCHAR(255), user_groups VARCHAR(4000), session_id VARCHAR(43), challenge VARCHAR(100), password_at TIMESTAMP(6) WITH TIME ZONE, credentials_version BIGINT, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, expires TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS login_challenge_expires ON login_challenge (expires);
CREATE INDEX IF NOT EXISTS login_challenge_user_name ON login_challenge (user_name);

-- "Keep me signed in" (0.2.0): one series per browser, tokens stored as SHA-256.
CREATE TABLE IF NOT EXISTS remember_me (series VARCHAR(43) NOT NULL PRIMARY KEY, token_hash VARCHAR(43) NOT NULL, previous_token_hash VARCHAR(43), rotated TIMESTAMP(6) WITH TIME ZONE, token_seen BOOLEAN DEFAULT FALSE NOT NULL, user_name VARCHAR(255) NOT NULL, created TIMESTAMP(6) WITH TIME ZONE NOT NULL, expires TIMESTAMP(6) WITH TIME ZONE NOT NULL);
CREATE INDEX IF NOT EXISTS remember_me_user_name ON remember_me (user_name);
CREATE INDEX IF NOT EXISTS remember_me_expires ON remember_me (expires);

-- Device-bound sessions (0.3.0): the browser key a session is bound to, its challenge and its short-lived bound cookie;
-- a "keep me signed in" series of a bound browser opens a session only with a proof by the same key.
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_challenge VARCHAR(64);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_challenge_expiry TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_id VARCHAR(43);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_key VARCHAR(2000);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_cookie_hash VARCHAR(43);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_cookie_previous_hash VARCHAR(43);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_cookie_expiry TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX IF NOT EXISTS user_session_binding_id ON user_session (binding_id);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_id VARCHAR(43);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_key VARCHAR(2000);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_challenge VARCHAR(64);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_challenge_expiry TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX IF NOT EXISTS remember_me_binding_id ON remember_me (binding_id);

-- Per-node session cache (0.3.0): the row's version (advanced by PostgreSQL's trigger; kept at 0 here).
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 0 NOT NULL;
