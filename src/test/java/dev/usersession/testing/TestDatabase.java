package dev.usersession.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The H2 database of the unit tests: in memory, kept for the whole JVM, created from the shipped schema script. */
public final class TestDatabase {

    /** JDBC URL shared by every container a test boots, so that a second container sees the first one's rows. */
    public static final String URL = "jdbc:h2:mem:usersession;DB_CLOSE_DELAY=-1";

    private static boolean created;

    private TestDatabase() {
    }

    /** Runs the shipped H2 schema script once per JVM. */
    public static synchronized void createSchema() {
        if (created) {
            return;
        }
        try (InputStream script = TestDatabase.class.getResourceAsStream("/META-INF/usersession/schema-h2.sql");
                Connection connection = DriverManager.getConnection(URL, "sa", "");
                Statement statement = connection.createStatement()) {
            String sql = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            for (String command : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
            created = true;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot create the test schema", e);
        }
    }

    /** Runs one SQL update directly, bypassing the library (to plant rows a test needs). */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
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
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
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
