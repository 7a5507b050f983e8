package dev.usersession.jpa;

import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.Causes;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The common write of a changing request, one bean changed while no other request changed the session, in one SQL
 * statement where the database can: on PostgreSQL a data-modifying {@code WITH}, on MariaDB a multiple-table
 * {@code UPDATE}, advances the session's state version (locking its row first, as every writer of a session does) and
 * updates the bean row, both guarded by the versions the request loaded. When the statement changes nothing (the
 * session or the bean changed meanwhile, or the session ended), the caller runs its general path in the same
 * transaction, which decides between a merge, a conflict and an ended session; nothing was changed by the attempt. On
 * other databases {@link #ask} answers {@link #NONE} and the store uses its general path (two statements) only.
 *
 * <p>The statement names the library's tables ({@code user_session}, {@code user_session_bean}) as the shipped
 * schema scripts create them.
 */
final class SingleStatementWrite {

    private static final Logger LOG = Logger.getLogger(SingleStatementWrite.class.getName());

    /**
     * One statement and how many rows it reports when both rows were advanced. Parameters: 1 the session id, 2 the
     * state version the request loaded, 3 the bean's new state, 4 the time, 5 the bean id, 6 the bean row's version
     * the request loaded. {@link #NONE} where the database has none.
     */
    record Statement(String sql, int rowsWhenAdvanced) {

        /** @return whether there is a statement to run */
        boolean exists() {
            return sql != null;
        }
    }

    /** What {@link #ask} answers where writes take the general path. */
    static final Statement NONE = new Statement(null, 0);

    /** Counts the bean row only: the session row is changed in the {@code WITH} part. */
    private static final Statement POSTGRESQL = new Statement("with advanced as (update user_session "
            + "set state_version = state_version + 1 where id = ?1 and state_version = ?2 returning id) "
            + "update user_session_bean set state = ?3, version = version + 1, updated = ?4 "
            + "where session_id = (select id from advanced) and bean_id = ?5 and version = ?6", 1);

    /**
     * Counts both rows of the join, matched or changed alike ({@code useAffectedRows} either way). Both are found by
     * their primary keys; {@code straight_join} keeps the session row first, so it is locked before the bean row as
     * in the general path. No key column is changed, so the foreign key is not in the way.
     */
    private static final Statement MARIADB = new Statement("update user_session s straight_join user_session_bean b "
            + "on b.session_id = s.id "
            + "set s.state_version = s.state_version + 1, b.state = ?3, b.version = b.version + 1, b.updated = ?4 "
            + "where s.id = ?1 and s.state_version = ?2 and b.bean_id = ?5 and b.version = ?6", 2);

    /**
     * Hibernate's hint that a native statement touches only these tables: without it, Hibernate would empty every
     * region of the application's second-level cache at each write. Other providers ignore it.
     */
    private static final String HIBERNATE_QUERY_SPACES = "org.hibernate.query.native.spaces";

    /** {@code null} until {@link #ask} found out; then the statement, or {@link #NONE}. */
    private volatile Statement statement;

    /** @return the statement, or {@link #NONE}, once {@link #ask} found out; empty before */
    Optional<Statement> known() {
        return Optional.ofNullable(statement);
    }

    /**
     * Finds out, outside any transaction, whether the database is PostgreSQL or MariaDB and the statement's tables
     * are where an unqualified name finds them (a persistence unit that maps the entities to another schema keeps the
     * general path: a failed statement would end the write's transaction on PostgreSQL). Remembered.
     *
     * @return the statement writes may use, or {@link #NONE}
     */
    Statement ask(EntityManager entityManager) {
        Optional<String> product = DatabaseProduct.name(entityManager);
        Statement found = product.flatMap(SingleStatementWrite::statementFor)
                .filter(candidate -> tablesFound(entityManager))
                .orElse(NONE);
        if (found.exists()) {
            LOG.log(Level.INFO, "usersession writes a request''s change of one stored bean in one statement ({0})",
                    product.orElseThrow());
        }
        statement = found;
        return found;
    }

    /** @return the statement for the database whose product (or Hibernate dialect) has this name */
    static Optional<Statement> statementFor(String databaseProduct) {
        String name = databaseProduct.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        // MariaDB only: MySQL has the same syntax, but this library is not tested on it.
        return name.contains("mariadb") ? Optional.of(MARIADB) : Optional.empty();
    }

    private static boolean tablesFound(EntityManager entityManager) {
        try {
            entityManager.createNativeQuery("select count(*) from user_session s join user_session_bean b "
                    + "on b.session_id = s.id where s.id = ?1 and s.state_version = ?2 and b.version = ?3")
                    .setParameter(1, "")
                    .setParameter(2, 0L)
                    .setParameter(3, 0L)
                    .getSingleResult();
            return true;
        } catch (RuntimeException failed) {
            String sqlState = Causes.find(failed, SQLException.class).map(SQLException::getSQLState).orElse("42");
            if (sqlState == null || !sqlState.startsWith("42")) {
                throw failed; // the database did not answer: asked again at the next write, not remembered
            }
            LOG.log(Level.INFO, "usersession writes its state in two statements: the tables user_session and "
                    + "user_session_bean are not found by their plain names ({0})", failed.getMessage());
            return false;
        }
    }

    /**
     * @param statement what {@link #ask} answered, not {@link #NONE}
     * @return {@code true} when the bean row and the session's state version were both advanced; {@code false} when
     *         nothing was changed
     */
    static boolean advanceAndUpdate(EntityManager entityManager, Statement statement, String sessionId,
            long expectedStateVersion, BeanStateChange change, Instant now) {
        return entityManager.createNativeQuery(statement.sql())
                .setHint(HIBERNATE_QUERY_SPACES, new String[] {"user_session", "user_session_bean"})
                .setParameter(1, sessionId)
                .setParameter(2, expectedStateVersion)
                .setParameter(3, change.json())
                .setParameter(4, DatabaseTime.of(now))
                .setParameter(5, change.beanId())
                .setParameter(6, change.expectedVersion())
                .executeUpdate() == statement.rowsWhenAdvanced();
    }
}
