package dev.usersession.internal.store;

import dev.usersession.internal.errors.Causes;
import dev.usersession.spi.BeanStateChange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common write of a changing request, one bean changed while no other request changed the session, in one SQL
 * statement where the database can: on PostgreSQL a data-modifying {@code WITH}, on MariaDB a multiple-table
 * {@code UPDATE}, advances the session's state version (locking its row first, as every writer of a session does) and
 * updates the bean row, both guarded by the versions the request loaded, all or nothing. When the statement changes
 * nothing (the session or the bean changed meanwhile, or the session ended), the caller runs its general path, which
 * decides between a merge, a conflict and an ended session. On other databases {@link #ask} answers {@link Plan#NONE}
 * and the store uses its general path (two statements) only.
 *
 * <p>Where the persistence unit lends its connections ({@link PersistenceUnitConnections}: Hibernate, as on
 * WildFly), the statement runs on one of them outside any transaction and commits on its own: no JTA transaction to
 * begin, enlist and commit, and on WildFly one round trip to the database instead of two (a pool that lends
 * connections with auto-commit off, as Hibernate's own in Java SE, gets a commit right after). Elsewhere it runs
 * through the entity manager in the write's transaction.
 *
 * <p>The statement names the library's tables ({@code user_session}, {@code user_session_bean}) as the shipped
 * schema scripts create them.
 */
final class SingleStatementWrite {

    private static final Logger LOG = Logger.getLogger(SingleStatementWrite.class.getName());

    /**
     * One statement and how many rows it reports when both rows were advanced. Parameters: 1 the session id, 2 the
     * state version the request loaded, 3 the bean's new state, 4 the time, 5 the bean id, 6 the bean row's version
     * the request loaded ({@link #parameters}).
     */
    static final class Statement {

        private static final Pattern ORDINAL = Pattern.compile("\\?(\\d+)");

        private final String sql;
        private final String jdbcSql;
        private final int[] jdbcOrdinals;
        private final int rowsWhenAdvanced;
        private final boolean timeWithoutZone;

        private Statement(String sql, int rowsWhenAdvanced, boolean timeWithoutZone) {
            this.sql = sql;
            this.rowsWhenAdvanced = rowsWhenAdvanced;
            this.timeWithoutZone = timeWithoutZone;
            Matcher ordinals = ORDINAL.matcher(sql);
            this.jdbcSql = ordinals.replaceAll("?");
            this.jdbcOrdinals = ordinals.reset()
                    .results()
                    .mapToInt(found -> Integer.parseInt(found.group(1)))
                    .toArray();
        }

        /** @return the statement with JPA's ordinal parameters ({@code ?1}) */
        String sql() {
            return sql;
        }

        /** @return how many rows the statement reports when it advanced the session and updated the bean */
        int rowsWhenAdvanced() {
            return rowsWhenAdvanced;
        }

        /**
         * @return the parameter as bound on a plain connection: a time for a column without a zone (MariaDB's
         *         {@code DATETIME}) as its UTC wall-clock time, which is what Hibernate stores there
         */
        Object jdbcValue(int ordinal, Object[] parameters) {
            Object value = parameters[ordinal - 1];
            return ordinal == TIME && timeWithoutZone ? ((OffsetDateTime) value).toLocalDateTime() : value;
        }
    }

    /**
     * Counts the bean row only: the session row is changed in the {@code WITH} part, and only when the bean row the
     * request loaded is there, so that the statement never advances the session alone (it may commit on its own).
     * The {@code EXISTS} sees the statement's snapshot: it holds because every writer that changes a bean row also
     * changes or deletes its session row in the same transaction ({@link JpaUserSessionStore}), so a bean row that
     * moved after the snapshot means a session row that moved too, which PostgreSQL re-checks after the lock.
     */
    private static final Statement POSTGRESQL = new Statement(
            "with advanced as (update user_session "
                    + "set state_version = state_version + 1 where id = ?1 and state_version = ?2 and exists (select 1 "
                    + "from user_session_bean where session_id = ?1 and bean_id = ?5 and version = ?6) returning id) "
                    + "update user_session_bean set state = ?3, version = version + 1, updated = ?4 "
                    + "where session_id = (select id from advanced) and bean_id = ?5 and version = ?6",
            1,
            false);

    /**
     * Counts both rows of the join, matched or changed alike ({@code useAffectedRows} either way); a join that finds
     * no pair changes neither row. Both are found by their primary keys; {@code straight_join} keeps the session row
     * first, so it is locked before the bean row as in the general path. No key column is changed, so the foreign key
     * is not in the way.
     */
    private static final Statement MARIADB = new Statement(
            "update user_session s straight_join user_session_bean b "
                    + "on b.session_id = s.id "
                    + "set s.state_version = s.state_version + 1, b.state = ?3, b.version = b.version + 1, b.updated = ?4 "
                    + "where s.id = ?1 and s.state_version = ?2 and b.bean_id = ?5 and b.version = ?6",
            2,
            true);

    /**
     * What {@link #ask} found: the statement, and the persistence unit's connections when it runs on them in
     * auto-commit; {@link Plan#NONE} where writes take the general path.
     */
    record Plan(Statement statement, PersistenceUnitConnections autoCommitConnections) {

        /** The general path only. */
        static final Plan NONE = new Plan(null, null);

        /** @return whether there is a statement to run */
        boolean exists() {
            return statement != null;
        }

        /** @return the connections the statement runs on outside a transaction, or empty: in the write's */
        Optional<PersistenceUnitConnections> autoCommit() {
            return Optional.ofNullable(autoCommitConnections);
        }
    }

    /**
     * Hibernate's hint that a native statement touches only these tables: without it, Hibernate would empty every
     * region of the application's second-level cache at each write. Other providers ignore it.
     */
    private static final String HIBERNATE_QUERY_SPACES = "org.hibernate.query.native.spaces";

    /** {@code null} until {@link #ask} found out; then the plan, or {@link Plan#NONE}. */
    private volatile Plan plan;

    /** @return the plan, or {@link Plan#NONE}, once {@link #ask} found out; empty before */
    Optional<Plan> known() {
        return Optional.ofNullable(plan);
    }

    /**
     * Finds out, outside any transaction, whether the database is PostgreSQL or MariaDB and the statement's tables
     * are where an unqualified name finds them (a persistence unit that maps the entities to another schema keeps the
     * general path: a failed statement would end the write's transaction on PostgreSQL), and whether the persistence
     * unit lends its connections. Remembered.
     *
     * @return the plan writes may use, or {@link Plan#NONE}
     */
    Plan ask(EntityManager entityManager) {
        Optional<String> product = DatabaseProduct.name(entityManager);
        Optional<Statement> statement =
                product.flatMap(SingleStatementWrite::statementFor).filter(candidate -> tablesFound(entityManager));
        Plan found = statement
                .map(chosen -> new Plan(
                        chosen,
                        PersistenceUnitConnections.of(entityManager.getEntityManagerFactory())
                                .orElse(null)))
                .orElse(Plan.NONE);
        if (found.exists()) {
            LOG.log(
                    Level.INFO,
                    "usersession writes a request''s change of one stored bean in one statement ({0}), {1}",
                    new Object[] {
                        product.orElseThrow(),
                        found.autoCommit().isPresent()
                                ? "committed on its own outside any transaction"
                                : "in the write's transaction"
                    });
        }
        plan = found;
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
            entityManager
                    .createNativeQuery("select count(*) from user_session s join user_session_bean b "
                            + "on b.session_id = s.id where s.id = ?1 and s.state_version = ?2 and b.version = ?3")
                    .setParameter(1, "")
                    .setParameter(2, 0L)
                    .setParameter(3, 0L)
                    .getSingleResult();
            return true;
        } catch (RuntimeException failed) {
            String sqlState = Causes.find(failed, SQLException.class)
                    .map(SQLException::getSQLState)
                    .orElse("42");
            if (sqlState == null || !sqlState.startsWith("42")) {
                throw failed; // the database did not answer: asked again at the next write, not remembered
            }
            LOG.log(
                    Level.INFO,
                    "usersession writes its state in two statements: the tables user_session and "
                            + "user_session_bean are not found by their plain names ({0})",
                    failed.getMessage());
            return false;
        }
    }

    /** The ordinal of the time of the change among the statement's parameters. */
    private static final int TIME = 4;

    /** @return the statement's parameters in the order of their ordinals */
    static Object[] parameters(String sessionId, long expectedStateVersion, BeanStateChange change, Instant now) {
        return new Object[] {
            sessionId,
            expectedStateVersion,
            change.json(),
            DatabaseTime.of(now),
            change.beanId(),
            change.expectedVersion()
        };
    }

    /**
     * Runs the statement through the entity manager, in the caller's transaction.
     *
     * @return {@code true} when the bean row and the session's state version were both advanced; {@code false} when
     *         nothing was changed
     */
    static boolean advanceAndUpdate(EntityManager entityManager, Statement statement, Object[] parameters) {
        Query query = entityManager
                .createNativeQuery(statement.sql)
                .setHint(HIBERNATE_QUERY_SPACES, new String[] {"user_session", "user_session_bean"});
        for (int ordinal = 1; ordinal <= parameters.length; ordinal++) {
            query.setParameter(ordinal, parameters[ordinal - 1]);
        }
        return query.executeUpdate() == statement.rowsWhenAdvanced;
    }

    /**
     * Runs the statement on a connection that is in no transaction and commits it: the driver's auto-commit, or a
     * commit right after where the pool lends connections with auto-commit off (Hibernate's own pool, in Java SE).
     *
     * @return {@code true} when the bean row and the session's state version were both advanced and committed;
     *         {@code false} when nothing was changed
     */
    static boolean advanceAndUpdate(Connection connection, Statement statement, Object[] parameters)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int rows;
        try (PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql)) {
            for (int position = 1; position <= statement.jdbcOrdinals.length; position++) {
                prepared.setObject(position, statement.jdbcValue(statement.jdbcOrdinals[position - 1], parameters));
            }
            rows = prepared.executeUpdate();
        } catch (SQLException | RuntimeException failed) {
            if (!autoCommit) {
                try {
                    connection.rollback();
                } catch (SQLException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
            }
            throw failed;
        }
        if (!autoCommit) {
            try {
                connection.commit();
            } catch (SQLException failed) {
                try {
                    connection.rollback();
                } catch (SQLException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
        }
        return rows == statement.rowsWhenAdvanced;
    }
}
