package dev.usersession.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database of the unit tests, created from the schema script the library ships for it. H2 in memory (kept for
 * the whole JVM) by default; PostgreSQL or MariaDB on this machine with {@code -Dusersession.test.database=postgresql}
 * or {@code mariadb} (the {@code databases} Maven profile runs the suite on both). A database that cannot be reached
 * fails the tests; it is never skipped.
 */
public final class TestDatabase {

    /** Which database: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public static final String KIND = System.getProperty("usersession.test.database", "h2");

    /** Which JPA provider: {@code hibernate} (the default) or {@code eclipselink}. */
    public static final String JPA_PROVIDER = System.getProperty("usersession.test.jpa", "hibernate");

    /** JDBC URL shared by every container a test boots, so that a second container sees the first one's rows. */
    public static final String URL = switch (KIND) {
        case "h2" -> "jdbc:h2:mem:usersession;DB_CLOSE_DELAY=-1";
        case "postgresql" -> System.getProperty("usersession.test.url", "jdbc:postgresql://127.0.0.1:5432/test");
        case "mariadb" -> System.getProperty("usersession.test.url", "jdbc:mariadb://127.0.0.1:3306/test");
        default -> throw new IllegalStateException("usersession.test.database must be h2, postgresql or mariadb");
    };

    /** The database user. */
    public static final String USER = System.getProperty(
            "usersession.test.user",
            switch (KIND) {
                case "postgresql" -> "postgres";
                case "mariadb" -> "root";
                default -> "sa";
            });

    /** The database password. */
    public static final String PASSWORD = System.getProperty("usersession.test.password", "");

    private static final Pattern TABLE = Pattern.compile("(?i)CREATE TABLE IF NOT EXISTS (\\w+)");
    private static final String LOCK = "usersession-unit-tests";

    private static boolean created;
    private static boolean changeLogInstalled;
    /** Holds the database lock of this JVM's tests until the JVM ends (see {@link #createSchema}). */
    private static Connection lockHolder;

    private TestDatabase() {}

    /**
     * Once per JVM: drops the library's tables (those the script creates) and runs the shipped schema script, so that
     * the persistent PostgreSQL and MariaDB test databases always have the current schema. On those, the JVM first
     * takes a database lock that it holds until it ends: a second test JVM on the same database (another build on
     * this machine) waits instead of losing its tables in the middle of its tests.
     */
    public static synchronized void createSchema() {
        if (created) {
            return;
        }
        try (InputStream script =
                        TestDatabase.class.getResourceAsStream("/META-INF/usersession/schema-" + KIND + ".sql");
                Connection connection = connect();
                Statement statement = connection.createStatement()) {
            lockDatabase();
            String sql = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            List<String> tables = new ArrayList<>();
            for (Matcher table = TABLE.matcher(sql); table.find(); ) {
                tables.add(0, table.group(1));
            }
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table + ("postgresql".equals(KIND) ? " CASCADE" : ""));
            }
            runCommands(statement, sql);
            created = true;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the test schema on " + URL + " (is the database running?)", e);
        }
    }

    /**
     * Once per JVM: installs the change log of session rows that {@code usersession.cache=on} reads where the database
     * cannot push: on MariaDB the library's {@code schema-mariadb-cache.sql}, on H2 the same table with
     * {@link H2SessionChangeTrigger}; nothing on PostgreSQL (it pushes).
     */
    public static synchronized void installChangeLog() {
        createSchema();
        if (changeLogInstalled || "postgresql".equals(KIND)) {
            return;
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            if ("mariadb".equals(KIND)) {
                runScript(statement, "schema-mariadb-cache.sql");
            } else {
                statement.execute("CREATE TABLE IF NOT EXISTS user_session_change (seq BIGINT AUTO_INCREMENT "
                        + "PRIMARY KEY, session_id VARCHAR(43) NOT NULL, changed_at BIGINT NOT NULL)");
                for (String event : List.of("UPDATE", "DELETE")) {
                    statement.execute("CREATE TRIGGER IF NOT EXISTS user_session_" + event.toLowerCase() + "d AFTER "
                            + event + " ON user_session FOR EACH ROW CALL '" + H2SessionChangeTrigger.class.getName()
                            + "'");
                }
            }
            changeLogInstalled = true;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot install the change log of session rows on " + URL, e);
        }
    }

    /** Runs one of the library's schema scripts ({@code META-INF/usersession/<name>}) on the statement's connection. */
    public static void runScript(Statement statement, String name) throws IOException, SQLException {
        try (InputStream script = TestDatabase.class.getResourceAsStream("/META-INF/usersession/" + name)) {
            runCommands(statement, new String(script.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Runs a script of the library's form: one statement per line, ended by a semicolon; comment lines start "--". */
    private static void runCommands(Statement statement, String sql) throws SQLException {
        for (String command : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
            if (!command.isBlank()) {
                statement.execute(command);
            }
        }
    }

    private static void lockDatabase() throws SQLException {
        String lock = switch (KIND) {
            case "postgresql" -> "select pg_advisory_lock(" + LOCK.hashCode() + ")";
            case "mariadb" -> "select get_lock('" + LOCK + "', 3600)";
            default -> null;
        };
        if (lock == null) {
            return;
        }
        lockHolder = connect();
        try (Statement statement = lockHolder.createStatement();
                var result = statement.executeQuery(lock)) {
            if (!result.next() || "mariadb".equals(KIND) && result.getInt(1) != 1) {
                throw new SQLException("Another test run held " + LOCK + " for an hour");
            }
        }
    }

    /** @return a connection of its own to the test database, bypassing the library (to hold a lock, say) */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /**
     * Copies a session's row and its bean rows under new session ids, in one transaction of batched inserts: many
     * sessions for a test that needs their number, not a login and a write for each.
     */
    public static void copySession(String sessionId, List<String> newIds) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            copyRows(connection, "user_session", "id", sessionId, newIds);
            copyRows(connection, "user_session_bean", "session_id", sessionId, newIds);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("copying session " + sessionId, e);
        }
    }

    private static void copyRows(Connection connection, String table, String key, String sessionId, List<String> newIds)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement("select * from " + table + " where " + key + " = ?")) {
            select.setString(1, sessionId);
            try (ResultSet found = select.executeQuery()) {
                ResultSetMetaData meta = found.getMetaData();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    columns.add(meta.getColumnName(column).toLowerCase(Locale.ROOT));
                }
                while (found.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int column = 0; column < row.length; column++) {
                        row[column] = found.getObject(column + 1);
                    }
                    rows.add(row);
                }
            }
        }
        int keyColumn = columns.indexOf(key);
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " ("
                + String.join(", ", columns) + ") values (" + "?, ".repeat(columns.size() - 1) + "?)")) {
            for (String newId : newIds) {
                for (Object[] row : rows) {
                    for (int column = 0; column < row.length; column++) {
                        insert.setObject(column + 1, column == keyColumn ? newId : row[column]);
                    }
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Runs one SQL update directly, bypassing the library (to plant rows a test needs). */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** @return the single value the query selects, or {@code null} when it selects no row */
    public static Object queryValue(String sql, Object... parameters) {
        try (Connection connection = connect();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
