package dev.usersession.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One node's reader of the table {@code user_session_change} on PostgreSQL, where the trigger
 * {@code user_session_change_logged} of the shipped schema logs every change of a session row in the transaction that
 * makes it, with the row version the change gave the row.
 *
 * <p>Sequence numbers are taken when a change is made, not when it commits, so a number below the highest one seen may
 * still come (a hole). The reader asks for every hole again by its number, and gives a hole up only when the
 * transaction that took it has certainly ended: the trigger gives its transaction an id before it takes the number, so
 * that transaction's id is below the {@code xmax} of the snapshot of the read that first missed the number (that read
 * saw a higher number, taken after it), and once a later read's snapshot has a higher {@code xmin}, every transaction
 * below it has committed or rolled back. A hole given up unseen was a rollback, or a change purged before this node
 * read it: the reader cannot tell which session it was, so it says that anything may have changed. Unlike
 * {@link ChangeLog}'s time limit, no change is missed however long its transaction runs.
 *
 * <p>Each read also counts the triggers, so that a read that proves the channel also proves that changes are still
 * logged.
 */
final class PostgresChangeLog {

    /** The triggers that log changes (schema-postgresql.sql). */
    static final List<String> TRIGGERS = List.of("user_session_change_logged", "user_session_truncate_logged");

    /** The session id the truncate trigger logs: every session may have changed. */
    static final String ALL = "*";

    /** Past this many holes the reader gives them up and says that anything may have changed. */
    private static final int MAX_HOLES = 20_000;

    private static final String SNAPSHOT = "WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text "
            + "AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax, (SELECT count(*) FROM pg_trigger "
            + "WHERE tgrelid = to_regclass('user_session') AND tgname IN (?, ?) AND tgenabled <> 'D') AS triggers) ";

    /** Numbers not seen yet below {@link #highest}, with the {@code xmax} of the read that first missed them. */
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    private long highest;

    /** One logged change. */
    @FunctionalInterface
    interface Changes {
        /**
         * @param sessionId the session that changed
         * @param changedAtMillis the database's clock at the change
         * @param rowVersion the row version the change gave the row; empty when the session ended
         */
        void changed(String sessionId, long changedAtMillis, OptionalLong rowVersion);
    }

    /**
     * Starts from the changes logged so far: what committed before is not the reader's to tell (its cache starts
     * empty), but a change whose number is below the highest one while its transaction still runs is; so the numbers
     * missing among the logged ones are holes from the start.
     *
     * @throws SQLException also when the triggers are missing or disabled
     */
    void start(Connection connection) throws SQLException {
        holes.clear();
        try (PreparedStatement query = prepare(
                        connection,
                        SNAPSHOT + ", bounds AS (SELECT max(seq) AS highest, greatest(min(seq), max(seq) - " + MAX_HOLES
                                + ") AS lowest FROM user_session_change) "
                                + "SELECT snapshot.xmax, snapshot.triggers, bounds.highest, missing.seq "
                                + "FROM snapshot CROSS JOIN bounds LEFT JOIN LATERAL (SELECT g.n AS seq FROM generate_series"
                                + "(bounds.lowest, bounds.highest) AS g(n) WHERE NOT EXISTS (SELECT 1 FROM "
                                + "user_session_change c WHERE c.seq = g.n)) missing ON true");
                ResultSet rows = query.executeQuery()) {
            highest = 0;
            while (rows.next()) {
                checkTriggers(rows.getLong(2));
                highest = rows.getLong(3);
                long missing = rows.getLong(4);
                if (!rows.wasNull()) {
                    holes.put(missing, Long.parseLong(rows.getString(1)));
                }
            }
        }
    }

    /**
     * Reads the changes not seen yet and passes each to {@code changes}.
     *
     * @return {@code false} when it gave up a hole it never saw (or more holes than it keeps track of): the caller
     *     must take it that anything may have changed
     * @throws SQLException also when the triggers are missing or disabled
     */
    boolean read(Connection connection, Changes changes) throws SQLException {
        long xmin;
        long xmax;
        long newHighest = highest;
        try (PreparedStatement query = prepare(
                connection,
                SNAPSHOT + "SELECT snapshot.xmin, snapshot.xmax, snapshot.triggers, c.seq, c.session_id, "
                        + "c.changed_at, c.row_version FROM snapshot LEFT JOIN user_session_change c "
                        + "ON c.seq > ? OR c.seq = ANY (string_to_array(?, ',')::bigint[]) ORDER BY c.seq")) {
            query.setLong(3, highest);
            query.setString(4, holes.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")));
            try (ResultSet rows = query.executeQuery()) {
                rows.next(); // the snapshot's row is always there
                xmin = Long.parseLong(rows.getString(1));
                xmax = Long.parseLong(rows.getString(2));
                checkTriggers(rows.getLong(3));
                do {
                    long seq = rows.getLong(4);
                    if (rows.wasNull()) {
                        continue;
                    }
                    if (seq > newHighest) {
                        for (long missed = newHighest + 1; missed < seq && holes.size() <= MAX_HOLES; missed++) {
                            holes.put(missed, xmax);
                        }
                        newHighest = seq;
                    } else {
                        holes.remove(seq);
                    }
                    long rowVersion = rows.getLong(7);
                    OptionalLong given = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(rowVersion);
                    changes.changed(rows.getString(5), rows.getLong(6), given);
                } while (rows.next());
            }
        }
        highest = newHighest;
        return settle(xmin);
    }

    /** Gives up the holes whose transactions have ended (this read did not see them). */
    private boolean settle(long xmin) {
        if (holes.size() > MAX_HOLES) {
            holes.clear();
            return false;
        }
        boolean allSeen = true;
        for (Iterator<Map.Entry<Long, Long>> it = holes.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() <= xmin) {
                it.remove();
                allSeen = false;
            }
        }
        return allSeen;
    }

    /** @return how many numbers the reader still waits for */
    int holes() {
        return holes.size();
    }

    /**
     * Removes changes older than {@link ChangeLog#KEPT_MILLIS}, but never the newest one: a reader that has not read
     * it yet would see no higher number that makes it a hole.
     */
    static void purge(Connection connection, long nowMillis) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_session_change "
                + "WHERE changed_at < ? AND seq < (SELECT max(seq) FROM user_session_change)")) {
            delete.setLong(1, nowMillis - ChangeLog.KEPT_MILLIS);
            delete.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setString(1, TRIGGERS.get(0));
        query.setString(2, TRIGGERS.get(1));
        return query;
    }

    private static void checkTriggers(long enabled) throws SQLException {
        if (enabled != TRIGGERS.size()) {
            throw new MissingTriggersException();
        }
    }

    /** The table {@code user_session} lacks an enabled trigger of {@link #TRIGGERS}. */
    static final class MissingTriggersException extends SQLException {
        private static final long serialVersionUID = 1L;

        MissingTriggersException() {
            super("the table user_session has no enabled triggers " + TRIGGERS
                    + " (run this release's schema-postgresql.sql, see the upgrade notes)");
        }
    }
}
