package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a node reads the change log: every change once, also one whose transaction commits after changes with higher
 * numbers (its number is a hole until then), and a hole is given up only after it waited long enough.
 */
class ChangeLogTest {

    private Connection connection;
    private final List<String> announced = new ArrayList<>();
    private long base;

    @BeforeEach
    void connect() throws SQLException {
        Assumptions.assumeFalse(
                "postgresql".equals(TestDatabase.KIND), "PostgreSQL pushes changes: it has no change log to read");
        TestDatabase.installChangeLog();
        // The changes other tests logged lately would be holes of their own (the database skips numbers).
        TestDatabase.update("DELETE FROM user_session_change");
        connection = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD);
        connection.setAutoCommit(true);
        Object highest = TestDatabase.queryValue("SELECT max(seq) FROM user_session_change");
        base = highest == null ? 1 : ((Number) highest).longValue() + 1;
    }

    @AfterEach
    void close() throws SQLException {
        if (connection == null) {
            return;
        }
        TestDatabase.update("DELETE FROM user_session_change WHERE seq >= ?", base);
        connection.close();
    }

    private void log(long seq, String session) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO user_session_change (seq, session_id, changed_at) VALUES (?, ?, ?)")) {
            insert.setLong(1, base + seq);
            insert.setString(2, session);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    private ChangeLog started() throws SQLException {
        log(0, "before");
        ChangeLog reader = new ChangeLog();
        reader.start(connection, System.currentTimeMillis());
        return reader;
    }

    private void read(ChangeLog reader, long nowMillis) throws SQLException {
        reader.read(connection, nowMillis, (session, changedAt) -> announced.add(session));
    }

    @Test
    void everyChangeIsAnnouncedOnceFromTheStartOn() throws SQLException {
        ChangeLog reader = started();
        log(1, "a");
        log(2, "b");
        read(reader, 0);
        read(reader, 1);

        assertEquals(List.of("a", "b"), announced);
    }

    @Test
    void aChangeThatCommitsAfterAHigherNumberIsStillAnnounced() throws SQLException {
        ChangeLog reader = started();
        log(2, "b"); // number 1 was taken by a transaction that has not committed yet
        read(reader, 0);
        assertEquals(1, reader.holes());

        log(1, "a");
        read(reader, 1_000);

        assertEquals(List.of("b", "a"), announced);
        assertEquals(0, reader.holes());
    }

    @Test
    void aHoleIsGivenUpOnlyAfterItWaited() throws SQLException {
        ChangeLog reader = started();
        log(2, "b");
        read(reader, 0);
        read(reader, ChangeLog.HOLE_WAIT_MILLIS);
        assertEquals(1, reader.holes(), "still waited for");

        read(reader, ChangeLog.HOLE_WAIT_MILLIS + 1);
        assertEquals(0, reader.holes(), "a rollback, or another node's number");
        log(1, "late");
        read(reader, ChangeLog.HOLE_WAIT_MILLIS + 2);
        assertTrue(!announced.contains("late"), "given up: max-staleness is the last resort");
    }

    @Test
    void aChangeStillRunningWhenTheReaderStartsIsAnnouncedWhenItCommits() throws SQLException {
        log(0, "before");
        log(2, "committed before the start"); // number 1 belongs to a transaction still running
        ChangeLog reader = new ChangeLog();
        reader.start(connection, System.currentTimeMillis());
        assertEquals(1, reader.holes(), "number 1 is waited for");

        log(1, "late");
        read(reader, System.currentTimeMillis());

        assertEquals(List.of("late"), announced);
    }
}
