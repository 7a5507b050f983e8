package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a node reads PostgreSQL's change log: every change once, also one whose transaction commits long after changes
 * with higher numbers (however long it runs), and a number that never comes (a rollback) is given up only once its
 * transaction has ended, with "anything may have changed".
 */
class PostgresChangeLogTest {

    private Connection reading;
    private final List<Connection> writers = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();

    @BeforeEach
    void connect() throws SQLException {
        Assumptions.assumeTrue("postgresql".equals(TestDatabase.KIND), "PostgreSQL's log, read by PostgreSQL");
        TestDatabase.createSchema();
        reading = TestDatabase.connect();
        reading.setAutoCommit(true);
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection writer : writers) {
            writer.close();
        }
        if (reading != null) {
            reading.close();
        }
    }

    /** @return a connection in a transaction that logged a change of {@code session}, not committed yet */
    private Connection logging(String session) throws SQLException {
        Connection writer = TestDatabase.connect();
        writers.add(writer);
        writer.setAutoCommit(false);
        try (Statement statement = writer.createStatement()) {
            statement.execute("SELECT pg_current_xact_id()"); // as the trigger does before it takes a number
        }
        try (PreparedStatement insert = writer.prepareStatement(
                "INSERT INTO user_session_change (session_id, changed_at, row_version) VALUES (?, ?, 1)")) {
            insert.setString(1, session);
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
        }
        return writer;
    }

    private void log(String session) throws SQLException {
        logging(session).commit();
    }

    /**
     * @return a reader that started, and read once: numbers that other tests' transactions took and rolled back are
     *     holes from the start, given up by the first read
     */
    private PostgresChangeLog started() throws SQLException {
        PostgresChangeLog reader = new PostgresChangeLog();
        reader.start(reading);
        read(reader);
        announced.clear();
        return reader;
    }

    private boolean read(PostgresChangeLog reader) throws SQLException {
        return reader.read(reading, (session, changedAt, rowVersion) -> announced.add(session + "@" + rowVersion));
    }

    @Test
    void everyChangeIsAnnouncedOnceWithItsRowVersion() throws SQLException {
        log("before");
        PostgresChangeLog reader = started();
        log("a");
        log("b");

        assertTrue(read(reader));
        assertTrue(read(reader));
        assertEquals(List.of("a@OptionalLong[1]", "b@OptionalLong[1]"), announced);
    }

    @Test
    void aChangeThatCommitsLongAfterAHigherNumberIsStillAnnounced() throws SQLException {
        PostgresChangeLog reader = started();
        Connection slow = logging("slow");
        log("fast");
        assertTrue(read(reader));
        assertEquals(1, reader.holes());
        for (int i = 0; i < 20; i++) {
            assertTrue(read(reader), "a running transaction's number is waited for, however long it runs");
        }

        slow.commit();
        assertTrue(read(reader));

        assertEquals(List.of("fast@OptionalLong[1]", "slow@OptionalLong[1]"), announced);
        assertEquals(0, reader.holes());
    }

    @Test
    void aNumberThatNeverComesIsGivenUpWithAnythingMayHaveChanged() throws SQLException {
        PostgresChangeLog reader = started();
        Connection rolledBack = logging("rolled back");
        log("after");
        assertTrue(read(reader));

        rolledBack.rollback();
        assertFalse(read(reader), "the reader cannot tell which session the lost number was");
        assertEquals(0, reader.holes());
        assertTrue(read(reader));
    }

    @Test
    void aChangeStillRunningWhenTheReaderStartsIsAnnouncedWhenItCommits() throws SQLException {
        Connection running = logging("running");
        log("committed before the start");
        PostgresChangeLog reader = new PostgresChangeLog();
        reader.start(reading);
        assertTrue(reader.holes() >= 1, "the running transaction's number is waited for");
        // Numbers that other tests' transactions rolled back are holes from the start too: none is given up while
        // a transaction older than the start still runs.
        read(reader);
        assertTrue(reader.holes() >= 1, "still waited for");

        running.commit();
        read(reader);
        assertEquals(List.of("running@OptionalLong[1]"), announced);
        read(reader);
        assertEquals(0, reader.holes(), "every number of the start is settled once that transaction ended");
    }

    @Test
    void anEndedSessionIsAnnouncedWithoutARowVersion() throws SQLException {
        PostgresChangeLog reader = started();
        String session = "ended-" + System.nanoTime();
        TestDatabase.update(
                "INSERT INTO user_session (id, user_name, user_groups, created, last_access, idle_expiry, "
                        + "absolute_expiry, client, state_version) VALUES (?, 'u', '', now(), now(), now(), now(), '', 0)",
                session);
        TestDatabase.update("DELETE FROM user_session WHERE id = ?", session);

        assertTrue(read(reader));
        assertEquals(List.of(session + "@OptionalLong.empty"), announced);
    }

    @Test
    void aReadFailsWhenTheTriggerIsDisabled() throws SQLException {
        PostgresChangeLog reader = started();
        TestDatabase.update("ALTER TABLE user_session DISABLE TRIGGER user_session_change_logged");
        try {
            assertThrows(PostgresChangeLog.MissingTriggersException.class, () -> read(reader));
        } finally {
            TestDatabase.update("ALTER TABLE user_session ENABLE TRIGGER user_session_change_logged");
        }
    }
}
