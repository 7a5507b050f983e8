package dev.usersession.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The table {@code user_session_change} where databases that cannot push (MariaDB, MySQL) log every change of a session
 * row, by triggers of {@code schema-mariadb-cache.sql}, in the transaction that makes it; one node's reader of it.
 *
 * <p>Sequence numbers are taken when a change is made, not when it commits: a change may become visible after
 * changes with higher numbers. So the reader does not only ask for numbers above the highest it saw: it remembers the
 * numbers it has not seen below that (holes: a transaction still running, one that rolled back, or another Galera
 * node's share of the numbers) and asks from the lowest of them again, until a hole is older than {@link #HOLE_WAIT}.
 * A change whose transaction commits later than that after it was made is seen only by the cache's last resort
 * ({@code usersession.cache.max-staleness}); the library's own transactions commit within milliseconds of changing a
 * session row.
 */
final class ChangeLog {

    /** How long a hole is asked for again before it is taken as a rollback or another node's number. */
    static final long HOLE_WAIT_MILLIS = 5_000;

    /** Past this many holes the reader gives them up and says that anything may have changed. */
    private static final int MAX_HOLES = 20_000;

    /** How long a change stays in the table: far longer than any node asks for it. */
    static final long KEPT_MILLIS = 60_000;

    /** The triggers that log changes. */
    static final List<String> TRIGGERS = List.of("user_session_updated", "user_session_deleted");

    /** Numbers at or below it are settled: seen, or given up. */
    private long settled;

    /** Numbers above {@link #settled} that were seen. */
    private final Set<Long> seen = new HashSet<>();

    /** Numbers above {@link #settled} not seen yet, with when they were first missed. */
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    private long highest;

    /** @return whether the schema has the table and its triggers (in the connection's current schema) */
    static boolean present(Connection connection, boolean mariaDb) throws SQLException {
        String schema = mariaDb ? "DATABASE()" : "CURRENT_SCHEMA";
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM information_schema.triggers "
                + "WHERE lower(event_object_table) = 'user_session' AND lower(trigger_name) IN (?, ?) "
                + "AND lower(trigger_schema) = lower(" + schema + ")")) {
            query.setString(1, TRIGGERS.get(0));
            query.setString(2, TRIGGERS.get(1));
            try (ResultSet found = query.executeQuery()) {
                return found.next() && found.getInt(1) == TRIGGERS.size();
            }
        }
    }

    /**
     * Starts from the changes logged so far: what committed before is not the reader's to tell (its cache starts
     * empty), but a change made shortly before whose transaction has not committed yet is. So the changes of the
     * last {@link #HOLE_WAIT_MILLIS} are taken as seen, without telling them, and the numbers missing among them are
     * holes from the start.
     */
    void start(Connection connection, long nowMillis) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT max(seq) FROM user_session_change WHERE changed_at < ?")) {
            query.setLong(1, nowMillis - HOLE_WAIT_MILLIS);
            try (ResultSet found = query.executeQuery()) {
                settled = found.next() ? found.getLong(1) : 0;
            }
        }
        highest = settled;
        seen.clear();
        holes.clear();
        read(connection, nowMillis, (session, changedAt) -> {});
    }

    /**
     * Reads the changes not seen yet and passes each to {@code changed} (session id, milliseconds of the database's
     * clock).
     *
     * @return {@code false} when it gave up holes it could not keep track of: the caller must take it that anything
     *     may have changed
     */
    boolean read(Connection connection, long nowMillis, BiConsumer<String, Long> changed) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, session_id, changed_at FROM user_session_change WHERE seq > ? ORDER BY seq")) {
            query.setLong(1, settled);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (seen.add(seq)) {
                        holes.remove(seq);
                        changed.accept(rows.getString(2), rows.getLong(3));
                    }
                }
            }
        }
        return settle(nowMillis);
    }

    private boolean settle(long nowMillis) {
        long newHighest = seen.stream().mapToLong(Long::longValue).max().orElse(highest);
        if (newHighest - Math.max(highest, settled) > MAX_HOLES) {
            // a jump of the numbers (a restarted database may skip many): too many holes to ask for
            holes.clear();
            highest = newHighest;
            settled = newHighest;
            seen.clear();
            return false;
        }
        for (long seq = Math.max(highest, settled) + 1; seq < newHighest; seq++) {
            if (!seen.contains(seq)) {
                holes.putIfAbsent(seq, nowMillis);
            }
        }
        highest = Math.max(highest, newHighest);
        boolean kept = holes.size() <= MAX_HOLES;
        if (!kept) {
            holes.clear();
        }
        holes.entrySet().removeIf(hole -> nowMillis - hole.getValue() > HOLE_WAIT_MILLIS);
        long lowestOpen = holes.isEmpty() ? highest : holes.firstKey() - 1;
        if (lowestOpen > settled) {
            settled = lowestOpen;
            seen.removeIf(seq -> seq <= lowestOpen);
        }
        return kept;
    }

    /** @return how many numbers the reader still waits for */
    int holes() {
        return holes.size();
    }

    /** Removes changes older than {@link #KEPT_MILLIS}. */
    static void purge(Connection connection, long nowMillis) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM user_session_change WHERE changed_at < ?")) {
            delete.setLong(1, nowMillis - KEPT_MILLIS);
            delete.executeUpdate();
        }
    }
}
