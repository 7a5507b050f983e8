package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.testing.Catalog;
import dev.usersession.testing.ScratchDatabase;
import dev.usersession.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the library's migrations must do under a migration tool (its subclasses: Flyway, Liquibase), run as
 * docs/upgrade.md tells an application to run them: an empty database migrates to exactly what the shipped script
 * builds (the script is the migrations' result for a new database; the one-time steps of an upgrade are in the
 * migrations only); migrating again changes nothing; a database built by an earlier version's script migrates with its
 * sessions kept and still readable.
 */
abstract class SchemaMigrations {

    /** The database under test, as the migrations' folders name it. */
    static final String VENDOR = TestDatabase.KIND;

    private static final Instant NOW = Instant.now();

    /** Runs every migration not run yet on the database. */
    abstract void migrate(ScratchDatabase database) throws Exception;

    /** @return the tool's own tables, left out of the comparisons */
    abstract Set<String> toolTables();

    private Set<String> catalog(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return Catalog.of(connection, toolTables());
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a script whose statements end with a semicolon at the end of a line (every form this library shipped). */
    private static void run(ScratchDatabase database, String script) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("--")) {
                continue;
            }
            current.append(line.strip()).append(' ');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    @Test
    void anEmptyDatabaseMigratesToWhatTheShippedScriptBuilds() throws Exception {
        try (ScratchDatabase migrated = ScratchDatabase.create(prefix() + "_empty");
                ScratchDatabase scripted = ScratchDatabase.create(prefix() + "_script_empty")) {
            migrate(migrated);
            run(scripted, resource("/META-INF/usersession/schema-" + VENDOR + ".sql"));

            assertSameSchema(catalog(scripted), catalog(migrated));
        }
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create(prefix() + "_twice")) {
            migrate(database);
            Set<String> once = catalog(database);

            migrate(database);
            assertEquals(once, catalog(database));
        }
    }

    /**
     * A database built by the script of an earlier version of this library: {@code first} (the first schema with
     * scripts for all three databases), {@code before-second-factors} (the last one before the columns of proofs and
     * levels). Its session, with a stored bean, is there after the migration, and the library's mapping reads it as
     * a live session.
     */
    @ParameterizedTest
    @ValueSource(strings = {"first", "before-second-factors"})
    void aDatabaseOfAnEarlierVersionMigratesWithItsSessionsKept(String version) throws Exception {
        try (ScratchDatabase old = ScratchDatabase.create(prefix() + "_old");
                ScratchDatabase scripted = ScratchDatabase.create(prefix() + "_script_now")) {
            run(old, resource("/schema-history/" + version + "/schema-" + VENDOR + ".sql"));
            insertSession(old, "kept-session");

            migrate(old);

            run(scripted, resource("/META-INF/usersession/schema-" + VENDOR + ".sql"));
            assertSameSchema(catalog(scripted), catalog(old));
            assertReadable(old, "kept-session");
        }
    }

    private String prefix() {
        return "usersession_"
                + getClass().getSimpleName().replace("MigrationsTest", "").toLowerCase(Locale.ROOT);
    }

    /** Fails with what one schema has and the other lacks. */
    private static void assertSameSchema(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> "missing: " + missing + "; not expected: " + extra);
    }

    /** A session row and its bean as the earliest schema had them (the columns every version has). */
    private static void insertSession(ScratchDatabase database, String id) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement session = connection.prepareStatement("INSERT INTO user_session (id, user_name, "
                        + "user_groups, created, last_access, idle_expiry, absolute_expiry, client, state_version) "
                        + "VALUES (?, 'alice', 'buyer', ?, ?, ?, ?, 'test', 1)");
                PreparedStatement bean = connection.prepareStatement("INSERT INTO user_session_bean (session_id, "
                        + "bean_id, state, version, updated) VALUES (?, 'cart', '{\"items\":[\"espresso\"]}', 1, ?)")) {
            Timestamp now = Timestamp.from(NOW);
            session.setString(1, id);
            session.setTimestamp(2, now);
            session.setTimestamp(3, now);
            session.setTimestamp(4, Timestamp.from(NOW.plus(Duration.ofMinutes(30))));
            session.setTimestamp(5, Timestamp.from(NOW.plus(Duration.ofHours(8))));
            session.executeUpdate();
            bean.setString(1, id);
            bean.setTimestamp(2, now);
            bean.executeUpdate();
        }
    }

    private static void assertReadable(ScratchDatabase database, String id) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(
                "usersession-test-" + TestDatabase.JPA_PROVIDER,
                Map.of(
                        "jakarta.persistence.jdbc.url",
                        database.url(),
                        "jakarta.persistence.jdbc.user",
                        TestDatabase.USER,
                        "jakarta.persistence.jdbc.password",
                        TestDatabase.PASSWORD,
                        "jakarta.persistence.schema-generation.database.action",
                        "none"));
        try {
            EntityManager entityManager = factory.createEntityManager();
            try {
                UserSessionEntity session = entityManager.find(UserSessionEntity.class, id);
                assertNotNull(session, "the session row is still there");
                assertFalse(session.toRecord().isExpiredAt(NOW.plusSeconds(1)), "and alive");
                assertEquals("alice", session.toRecord().userName());
                List<String> states = entityManager
                        .createQuery(
                                "select b from UserSessionBeanEntity b where b.sessionId = :id",
                                UserSessionBeanEntity.class)
                        .setParameter("id", id)
                        .getResultList()
                        .stream()
                        .map(bean -> bean.toRecord().json())
                        .collect(Collectors.toList());
                assertEquals(List.of("{\"items\":[\"espresso\"]}"), states, "with its stored bean");
            } finally {
                entityManager.close();
            }
        } finally {
            factory.close();
        }
    }
}
