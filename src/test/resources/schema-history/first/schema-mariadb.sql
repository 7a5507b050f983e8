-- usersession schema for MariaDB 10.6+ and MySQL 8 (InnoDB, utf8mb4). Safe to run again: IF NOT EXISTS everywhere.
-- Times are stored in UTC by the JPA provider (DATETIME(6)).
CREATE TABLE IF NOT EXISTS user_session (
    id              VARCHAR(43)   NOT NULL PRIMARY KEY,
    user_name       VARCHAR(255)  NOT NULL,
    user_groups     VARCHAR(4000) NOT NULL,
    created         DATETIME(6)   NOT NULL,
    last_access     DATETIME(6)   NOT NULL,
    idle_expiry     DATETIME(6)   NOT NULL,
    absolute_expiry DATETIME(6)   NOT NULL,
    client          VARCHAR(512)  NOT NULL,
    state_version   BIGINT        NOT NULL,
    INDEX user_session_user_name (user_name),
    INDEX user_session_idle_expiry (idle_expiry),
    INDEX user_session_absolute_expiry (absolute_expiry)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS user_session_bean (
    session_id VARCHAR(43)  NOT NULL,
    bean_id    VARCHAR(255) NOT NULL,
    state      MEDIUMTEXT   NOT NULL,
    version    BIGINT       NOT NULL,
    updated    DATETIME(6)  NOT NULL,
    PRIMARY KEY (session_id, bean_id),
    CONSTRAINT user_session_bean_session FOREIGN KEY (session_id) REFERENCES user_session (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS user_account (
    name            VARCHAR(255)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(512)  NOT NULL,
    user_groups     VARCHAR(4000) NOT NULL,
    failed_attempts INT           NOT NULL,
    locked_until    DATETIME(6),
    enabled         BOOLEAN       NOT NULL,
    created         DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
