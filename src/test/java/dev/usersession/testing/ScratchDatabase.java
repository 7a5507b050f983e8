package dev.usersession.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An empty database of the kind under test, apart from the shared test database, for a test that builds a schema from
 * nothing: on H2 a database in memory of its own, on PostgreSQL a schema of its own in the test database, on MariaDB a
 * database of its own. Dropped by {@link #close()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String url;

    private ScratchDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** @return a new empty database named {@code name} (a lower-case identifier), dropped first if it was left over */
    public static ScratchDatabase create(String name) throws SQLException {
        String url = switch (TestDatabase.KIND) {
            case "h2" -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            case "postgresql" ->
                TestDatabase.URL + (TestDatabase.URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
            default -> TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + name;
        };
        ScratchDatabase scratch = new ScratchDatabase(name, url);
        scratch.drop();
        if (!"h2".equals(TestDatabase.KIND)) {
            try (Connection connection = TestDatabase.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        ("postgresql".equals(TestDatabase.KIND) ? "CREATE SCHEMA " : "CREATE DATABASE ") + name);
            }
        }
        return scratch;
    }

    /** @return its name: on PostgreSQL the schema's, on MariaDB the database's, on H2 the in-memory database's */
    public String name() {
        return name;
    }

    /** @return the JDBC URL that reaches it (on PostgreSQL, with it as the current schema) */
    public String url() {
        return url;
    }

    /** @return a new connection to it */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        drop();
    }

    private void drop() throws SQLException {
        try (Connection connection = "h2".equals(TestDatabase.KIND) ? connect() : TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            switch (TestDatabase.KIND) {
                case "h2" -> statement.execute("DROP ALL OBJECTS");
                case "postgresql" -> statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                default -> statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }
}
