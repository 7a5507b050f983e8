-- usersession: what MariaDB and MySQL need for the per-node session cache (usersession.cache=on), run after
-- schema-mariadb.sql. Safe to run again. One statement per line.
-- Every change of a session row is logged in user_session_change, in the transaction that makes it, with the
-- database's clock in milliseconds; every node reads the log every usersession.cache.poll-interval, and removes
-- entries older than a minute.
CREATE TABLE IF NOT EXISTS user_session_change (seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, session_id VARCHAR(43) NOT NULL, changed_at BIGINT NOT NULL, INDEX user_session_change_changed_at (changed_at)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
DROP TRIGGER IF EXISTS user_session_updated;
CREATE TRIGGER user_session_updated AFTER UPDATE ON user_session FOR EACH ROW INSERT INTO user_session_change (session_id, changed_at) VALUES (OLD.id, ROUND(UNIX_TIMESTAMP(NOW(6)) * 1000));
DROP TRIGGER IF EXISTS user_session_deleted;
CREATE TRIGGER user_session_deleted AFTER DELETE ON user_session FOR EACH ROW INSERT INTO user_session_change (session_id, changed_at) VALUES (OLD.id, ROUND(UNIX_TIMESTAMP(NOW(6)) * 1000));
