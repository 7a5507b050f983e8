-- usersession schema for MariaDB 10.6+ and MySQL 8 (InnoDB, utf8mb4). Safe to run again: IF NOT EXISTS everywhere.
-- One statement per line: Hibernate and EclipseLink both read a create-script-source line by line.
-- Times are stored in UTC by the JPA provider (DATETIME(6)).
-- Names and ids compare exactly (binary, NO PAD): with MariaDB's default collation 'ALICE' and 'alice ' would find the
-- account or the sessions of 'alice'. MySQL 8 has no utf8mb4_nopad_bin: use utf8mb4_0900_bin there (also binary and
-- NO PAD). Tables made by an older version of this script: see docs/upgrade.md.
CREATE TABLE IF NOT EXISTS user_session (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, user_groups VARCHAR(4000) NOT NULL, created DATETIME(6) NOT NULL, last_access DATETIME(6) NOT NULL, idle_expiry DATETIME(6) NOT NULL, absolute_expiry DATETIME(6) NOT NULL, client VARCHAR(512) NOT NULL, state_version BIGINT NOT NULL, password_at DATETIME(6), one_time_code_at DATETIME(6), passkey_at DATETIME(6), assurance_level INT DEFAULT 0 NOT NULL, INDEX user_session_user_name (user_name), INDEX user_session_idle_expiry (idle_expiry), INDEX user_session_absolute_expiry (absolute_expiry)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS user_session_bean (session_id VARCHAR(43) NOT NULL, bean_id VARCHAR(255) NOT NULL, state MEDIUMTEXT NOT NULL, version BIGINT NOT NULL, updated DATETIME(6) NOT NULL, PRIMARY KEY (session_id, bean_id), CONSTRAINT user_session_bean_session FOREIGN KEY (session_id) REFERENCES user_session (id) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS user_account (name VARCHAR(255) NOT NULL PRIMARY KEY, password_hash VARCHAR(512) NOT NULL, user_groups VARCHAR(4000) NOT NULL, enabled BOOLEAN NOT NULL, created DATETIME(6) NOT NULL, credentials_version BIGINT NOT NULL DEFAULT 0) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- Changed in 0.2.0 (login throttling): a user_account table made by 0.1.0 gets the credentials version and loses
-- its failure counter (login_attempts counts failures now; accounts locked by the old counter are unlocked).
ALTER TABLE user_account ADD COLUMN IF NOT EXISTS credentials_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE user_account DROP COLUMN IF EXISTS failed_attempts;
ALTER TABLE user_account DROP COLUMN IF EXISTS locked_until;

CREATE TABLE IF NOT EXISTS login_attempts (subject VARCHAR(80) NOT NULL PRIMARY KEY, attempts INT NOT NULL, window_start DATETIME(6) NOT NULL, blocked_until DATETIME(6), updated DATETIME(6) NOT NULL, INDEX login_attempts_updated (updated)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS login_device (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, created DATETIME(6) NOT NULL, expires DATETIME(6) NOT NULL, INDEX login_device_user_name (user_name), INDEX login_device_expires (expires)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Added in 0.2.0 (how and when the user proved who they are): upgrades a user_session table made by 0.1.0.
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS password_at DATETIME(6);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS one_time_code_at DATETIME(6);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS passkey_at DATETIME(6);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS assurance_level INT DEFAULT 0 NOT NULL;

-- Administration (0.2.0): live sessions listed newest first, page by page.
CREATE INDEX IF NOT EXISTS user_session_created ON user_session (created);

-- Second factors (0.2.0): one-time code secrets (sealed), recovery codes (hashed), passkeys, pending logins and challenges.
CREATE TABLE IF NOT EXISTS user_totp (user_name VARCHAR(255) NOT NULL PRIMARY KEY, secret VARCHAR(200) NOT NULL, confirmed BOOLEAN NOT NULL, last_step BIGINT NOT NULL, created DATETIME(6) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE TABLE IF NOT EXISTS user_recovery_code (id VARCHAR(43) NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL, created DATETIME(6) NOT NULL, INDEX user_recovery_code_user_name (user_name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE TABLE IF NOT EXISTS user_passkey (id VARCHAR(43) NOT NULL PRIMARY KEY, credential_id VARCHAR(1400) NOT NULL, user_name VARCHAR(255) NOT NULL, user_handle VARCHAR(64) NOT NULL, public_key VARCHAR(2000) NOT NULL, sign_count BIGINT NOT NULL, transports VARCHAR(200) NOT NULL, aaguid VARCHAR(36) NOT NULL, backup_eligible BOOLEAN NOT NULL, name VARCHAR(100) NOT NULL, created DATETIME(6) NOT NULL, last_used DATETIME(6), INDEX user_passkey_user_name (user_name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE TABLE IF NOT EXISTS login_challenge (id VARCHAR(43) NOT NULL PRIMARY KEY, purpose VARCHAR(24) NOT NULL, user_name VARCHAR(255), user_groups VARCHAR(4000), session_id VARCHAR(43), challenge VARCHAR(100), password_at DATETIME(6), credentials_version BIGINT, created DATETIME(6) NOT NULL, expires DATETIME(6) NOT NULL, INDEX login_challenge_expires (expires), INDEX login_challenge_user_name (user_name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- "Keep me signed in" (0.2.0): one series per browser, tokens stored as SHA-256.
CREATE TABLE IF NOT EXISTS remember_me (series VARCHAR(43) NOT NULL PRIMARY KEY, token_hash VARCHAR(43) NOT NULL, previous_token_hash VARCHAR(43), rotated DATETIME(6), token_seen BOOLEAN NOT NULL DEFAULT FALSE, user_name VARCHAR(255) NOT NULL, created DATETIME(6) NOT NULL, expires DATETIME(6) NOT NULL, INDEX remember_me_user_name (user_name), INDEX remember_me_expires (expires)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Device-bound sessions (0.3.0): the browser key a session is bound to, its challenge and its short-lived bound cookie;
-- a "keep me signed in" series of a bound browser opens a session only with a proof by the same key.
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_challenge VARCHAR(64);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_challenge_expiry DATETIME(6);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_id VARCHAR(43);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS binding_key VARCHAR(2000);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_at DATETIME(6);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_cookie_hash VARCHAR(43);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_cookie_previous_hash VARCHAR(43);
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS bound_cookie_expiry DATETIME(6);
CREATE INDEX IF NOT EXISTS user_session_binding_id ON user_session (binding_id);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_id VARCHAR(43);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_key VARCHAR(2000);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_challenge VARCHAR(64);
ALTER TABLE remember_me ADD COLUMN IF NOT EXISTS binding_challenge_expiry DATETIME(6);
CREATE INDEX IF NOT EXISTS remember_me_binding_id ON remember_me (binding_id);

-- Per-node session cache (0.3.0): the row's version (advanced by PostgreSQL's trigger; kept at 0 here).
ALTER TABLE user_session ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 0 NOT NULL;

-- Flyway only (not in schema-mariadb.sql, which runs at every start): tables made before names compared exactly
-- (0.2.0) have the server's default collation, which ignores case and trailing spaces. Sessions get their account's
-- spelling of the name while names still compare loosely, then each such table is converted (a rebuild); a table
-- that is already binary is left alone. See docs/upgrade.md, "names and ids compare exactly".
UPDATE user_session s JOIN user_account a ON s.user_name = a.name SET s.user_name = a.name WHERE BINARY s.user_name <> BINARY a.name;
SET @usersession_convert_sessions = EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'user_session' AND table_collation <> 'utf8mb4_nopad_bin');
SET @usersession_step = IF(@usersession_convert_sessions, 'ALTER TABLE user_session_bean DROP FOREIGN KEY user_session_bean_session', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
SET @usersession_step = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'user_session' AND table_collation <> 'utf8mb4_nopad_bin'), 'ALTER TABLE user_session CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
SET @usersession_step = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'user_session_bean' AND table_collation <> 'utf8mb4_nopad_bin'), 'ALTER TABLE user_session_bean CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
SET @usersession_step = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'user_account' AND table_collation <> 'utf8mb4_nopad_bin'), 'ALTER TABLE user_account CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
SET @usersession_step = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'login_attempts' AND table_collation <> 'utf8mb4_nopad_bin'), 'ALTER TABLE login_attempts CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
SET @usersession_step = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'login_device' AND table_collation <> 'utf8mb4_nopad_bin'), 'ALTER TABLE login_device CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
SET @usersession_step = IF(@usersession_convert_sessions, 'ALTER TABLE user_session_bean ADD CONSTRAINT user_session_bean_session FOREIGN KEY (session_id) REFERENCES user_session (id) ON DELETE CASCADE', 'DO 0');
PREPARE usersession_step FROM @usersession_step;
EXECUTE usersession_step;
DEALLOCATE PREPARE usersession_step;
