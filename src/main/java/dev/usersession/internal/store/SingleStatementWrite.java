package dev.usersession.internal.store;

import dev.usersession.internal.errors.Causes;
import dev.usersession.spi.BeanStateChange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common write of a changing request, its changed beans (all stored before) written while no other request
 * changed the session, in one SQL statement where the database can: on PostgreSQL a data-modifying {@code WITH}, on
 * MariaDB a multiple-table {@code UPDATE}, advances the session's state version (locking its row first, as every
 * writer of a session does) and updates every bean row, all guarded by the versions the request loaded, all or
 * nothing. When the statement changes nothing (the session or a bean changed meanwhile, or the session ended), the
 * caller runs its general path, which decides between a merge, a conflict and an ended session. On other databases
 * {@link #ask} answers {@link Plan#NONE} and the store uses its general path (one statement per row) only.
 *
 * <p>Where the persistence unit lends its connections ({@link PersistenceUnitConnections}: Hibernate, as on
 * WildFly), the statement runs on one of them outside any transaction and commits on its own, within
 * {@code usersession.write-timeout}: no JTA transaction to begin, enlist and commit, and on WildFly one round trip to
 * the database instead of two (a pool that lends connections with auto-commit off, as Hibernate's own in Java SE,
 * gets a commit right after). Elsewhere it runs through the entity manager in the write's transaction.
 *
 * <p>The statement names the library's tables ({@code user_session}, {@code user_session_bean}) as the shipped
 * schema scripts create them.
 */
final class SingleStatementWrite {

    private static final Logger LOG = Logger.getLogger(SingleStatementWrite.class.getName());

    /** The most beans one statement writes; a request that changed more takes the general path. */
    static final int MAX_BEANS = 16;

    /** The ordinal of the time of the change among the statement's parameters. */
    private static final int TIME = 3;

    /** The ordinal of the first bean's id; each bean has three: its id, the version loaded, its new state. */
    private static final int FIRST_BEAN = 4;

    /**
     * One statement and how many rows it reports when every row was advanced. Parameters ({@link #parameters}): 1 the
     * session id, 2 the state version the request loaded, 3 the time, then per bean its id, the version of its row the
     * request loaded and its new state.
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

        /** @return how many rows the statement reports when it advanced the session and updated every bean */
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

    /** The databases that have the statement, and their statement for each number of beans (built once). */
    enum Dialect {
        /**
         * Counts the bean rows only: the session row is changed in the {@code WITH} part, and only when every bean
         * row the request loaded is there, so that the statement never advances the session alone or with some of
         * the beans (it may commit on its own). The count sees the statement's snapshot: it holds because every
         * writer that changes a bean row also changes or deletes its session row in the same transaction
         * ({@link JpaUserSessionStore}), so a bean row that moved after the snapshot means a session row that moved
         * too, which PostgreSQL re-checks after the lock.
         */
        POSTGRESQL {
            @Override
            Statement build(int beans) {
                StringBuilder expected = new StringBuilder();
                for (int bean = 0; bean < beans; bean++) {
                    int first = FIRST_BEAN + 3 * bean;
                    expected.append(bean == 0 ? "" : ", ")
                            .append("(cast(?")
                            .append(first)
                            .append(" as varchar), cast(?")
                            .append(first + 1)
                            .append(" as bigint), cast(?")
                            .append(first + 2)
                            .append(" as text))");
                }
                return new Statement(
                        "with expected (bean_id, version, state) as (values " + expected + "), "
                                + "advanced as (update user_session set state_version = state_version + 1 "
                                + "where id = ?1 and state_version = ?2 and (select count(*) from user_session_bean b "
                                + "join expected e on b.bean_id = e.bean_id and b.version = e.version "
                                + "where b.session_id = ?1) = " + beans + " returning id) "
                                + "update user_session_bean b set state = e.state, version = b.version + 1, "
                                + "updated = ?3 from expected e where b.session_id = (select id from advanced) "
                                + "and b.bean_id = e.bean_id and b.version = e.version",
                        beans,
                        false);
            }
        },
        /**
         * Counts every row of the join, matched or changed alike ({@code useAffectedRows} either way): the session row
         * once and each bean row. The count in the condition keeps it all or nothing: with a bean row that moved or
         * is gone, the session row does not qualify and no row of the join is changed. Every row is found by its
         * primary key; {@code straight_join} keeps the session row first, so it is locked before the bean rows as in
         * the general path. No key column is changed, so the foreign key is not in the way. The parameters are only
         * compared with columns and assigned to them, so the connection's collation never meets the table's.
         */
        MARIADB {
            @Override
            Statement build(int beans) {
                StringBuilder states = new StringBuilder();
                StringBuilder pairs = new StringBuilder();
                for (int bean = 0; bean < beans; bean++) {
                    int first = FIRST_BEAN + 3 * bean;
                    states.append(" when ?").append(first).append(" then ?").append(first + 2);
                    pairs.append(bean == 0 ? "" : ", ")
                            .append("(?")
                            .append(first)
                            .append(", ?")
                            .append(first + 1)
                            .append(')');
                }
                return new Statement(
                        "update user_session s straight_join user_session_bean b on b.session_id = s.id "
                                + "set s.state_version = s.state_version + 1, b.state = case b.bean_id" + states
                                + " end, b.version = b.version + 1, b.updated = ?3 "
                                + "where s.id = ?1 and s.state_version = ?2 and (b.bean_id, b.version) in (" + pairs
                                + ") and (select count(*) from user_session_bean c where c.session_id = ?1 "
                                + "and (c.bean_id, c.version) in (" + pairs + ")) = " + beans,
                        1 + beans,
                        true);
            }
        };

        private final Statement[] built = new Statement[MAX_BEANS + 1];

        abstract Statement build(int beans);

        /** @return the statement that writes this many beans, from 1 to {@link #MAX_BEANS} */
        synchronized Statement forBeans(int beans) {
            Statement statement = built[beans];
            if (statement == null) {
                statement = build(beans);
                built[beans] = statement;
            }
            return statement;
        }
    }

    /**
     * What {@link #ask} found: the database's statements, and the persistence unit's connections when they run on
     * them in auto-commit; {@link Plan#NONE} where writes take the general path.
     */
    record Plan(Dialect dialect, PersistenceUnitConnections autoCommitConnections) {

        /** The general path only. */
        static final Plan NONE = new Plan(null, null);

        /** @return whether there is a statement for writing these changes: beans stored before, not too many */
        boolean writes(List<BeanStateChange> changes) {
            return dialect != null
                    && changes.size() <= MAX_BEANS
                    && !changes.isEmpty()
                    && changes.stream().noneMatch(BeanStateChange::isNew);
        }

        /** @return the statement for this many beans */
        Statement statement(int beans) {
            return dialect.forBeans(beans);
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
        Optional<Dialect> dialect =
                product.flatMap(SingleStatementWrite::dialectFor).filter(candidate -> tablesFound(entityManager));
        Plan found = dialect.map(chosen -> new Plan(
                        chosen,
                        PersistenceUnitConnections.of(entityManager.getEntityManagerFactory())
                                .orElse(null)))
                .orElse(Plan.NONE);
        if (found.dialect() != null) {
            LOG.log(
                    Level.INFO,
                    "usersession writes a request''s change of stored beans in one statement ({0}), {1}",
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

    /** @return the statements for the database whose product (or Hibernate dialect) has this name */
    static Optional<Dialect> dialectFor(String databaseProduct) {
        String name = databaseProduct.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Optional.of(Dialect.POSTGRESQL);
        }
        // MariaDB only: MySQL has the same syntax, but this library is not tested on it.
        return name.contains("mariadb") ? Optional.of(Dialect.MARIADB) : Optional.empty();
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

    /** @return the statement's parameters in the order of their ordinals */
    static Object[] parameters(
            String sessionId, long expectedStateVersion, List<BeanStateChange> changes, Instant now) {
        Object[] parameters = new Object[FIRST_BEAN - 1 + 3 * changes.size()];
        parameters[0] = sessionId;
        parameters[1] = expectedStateVersion;
        parameters[TIME - 1] = DatabaseTime.of(now);
        for (int bean = 0; bean < changes.size(); bean++) {
            BeanStateChange change = changes.get(bean);
            int first = FIRST_BEAN - 1 + 3 * bean;
            parameters[first] = change.beanId();
            parameters[first + 1] = change.expectedVersion();
            parameters[first + 2] = change.json();
        }
        return parameters;
    }

    /**
     * Runs the statement through the entity manager, in the caller's transaction.
     *
     * @return {@code true} when the bean rows and the session's state version were all advanced; {@code false} when
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
     * The database cancels it after {@code timeout} (rounded up to whole seconds); nothing of it is stored then.
     *
     * @return {@code true} when the bean rows and the session's state version were all advanced and committed;
     *         {@code false} when nothing was changed
     */
    static boolean advanceAndUpdate(Connection connection, Statement statement, Object[] parameters, Duration timeout)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int rows;
        try (PreparedStatement prepared = connection.prepareStatement(statement.jdbcSql)) {
            prepared.setQueryTimeout(
                    (int) Math.max(1, timeout.plusNanos(999_999_999).toSeconds()));
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
