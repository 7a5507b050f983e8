package dev.usersession.internal.store;

import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConfig.SessionCacheMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thread that tells {@link CachedSessions} which session rows changed, and proves that it would have told.
 *
 * <p>On PostgreSQL the trigger {@code user_session_changed} of the shipped schema sends a {@code NOTIFY} for every
 * change of a session row, delivered at commit to every listening node; this channel listens on one connection lent
 * by the persistence unit, and four times per revocation bound sends a heartbeat through that same connection:
 * notifications arrive in commit order, so once a heartbeat comes back, every change committed before it was sent has
 * arrived. A connection that breaks, or stops delivering (its server process hangs), is given up and the cache stops
 * serving until a new one proves itself. Payloads: {@code <session id> <milliseconds of the database's clock>
 * <row version>} for a change (no row version when the row was deleted), {@code ~<node> <nanos>} for a heartbeat,
 * {@code *} for "anything may have changed" (what an operator may send after editing session rows by hand).
 *
 * <p>Elsewhere, with {@code usersession.cache=on}, it reads the {@link ChangeLog} every poll interval; each read that
 * succeeds proves everything committed before it began.
 */
final class ChangeChannel {

    private static final Logger LOG = Logger.getLogger(ChangeChannel.class.getName());

    /** The trigger that announces changes of session rows (schema scripts). */
    static final String TRIGGER = "user_session_changed";

    private static final long RETRY_MILLIS = 1_000;
    private static final long MISSING_TRIGGER_RETRY_MILLIS = 30_000;
    private static final long PURGE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_WAIT_MILLIS = 250;
    private static final String TRIGGER_COUNT = "SELECT count(*) FROM pg_trigger "
            + "WHERE tgrelid = to_regclass('user_session') AND tgname = ? AND tgenabled <> 'D'";

    private final CachedSessions sessions;
    private final StoreTransactions transactions;
    private final UserSessionConfig config;
    private final String node;
    private final long heartbeatNanos;
    private volatile boolean running = true;
    private volatile String description = "starting";
    private boolean warnedMissingTrigger;

    ChangeChannel(CachedSessions sessions, StoreTransactions transactions, UserSessionConfig config, String node) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.config = config;
        this.node = node;
        this.heartbeatNanos = config.revocationBound().toNanos() / 4;
    }

    /** @return how it learns of changes, for the log */
    String describe() {
        return description;
    }

    void stop() {
        running = false;
    }

    /** The thread's work: listens, and listens again after each failure, until {@link #stop()}. */
    void run() {
        String product = null;
        PersistenceUnitConnections connections = null;
        while (running) {
            long pause = RETRY_MILLIS;
            try {
                if (connections == null) {
                    // Asked once: a retry during an outage must not count as the store answering again (its
                    // outage log would say the store is back while requests still fail).
                    product = transactions
                            .read(DatabaseProduct::name)
                            .orElse("an unknown database")
                            .toLowerCase(Locale.ROOT);
                    if (!product.contains("postgres") && config.sessionCache() != SessionCacheMode.ON) {
                        String off = product;
                        LOG.info(() -> "usersession does not cache sessions on " + off
                                + " (usersession.cache=auto caches with PostgreSQL only)");
                        return;
                    }
                    connections = transactions
                            .read(entityManager ->
                                    PersistenceUnitConnections.toListen(entityManager.getEntityManagerFactory()))
                            .orElse(null);
                    if (connections == null) {
                        LOG.warning("usersession cannot cache sessions: the persistence unit does not lend "
                                + "connections to listen on");
                        return;
                    }
                }
                boolean listened = product.contains("postgres")
                        ? listen(connections)
                        : poll(connections, product.contains("mariadb") || product.contains("mysql"));
                if (!listened) {
                    pause = MISSING_TRIGGER_RETRY_MILLIS;
                }
            } catch (RuntimeException | SQLException failed) {
                LOG.log(Level.FINE, "usersession's cache channel failed; it starts again", failed);
                sessions.lost("its channel failed: " + failed);
            }
            pause(pause);
        }
    }

    /** @return {@code false} when the schema lacks the trigger (nothing listened) */
    private boolean listen(PersistenceUnitConnections connections) throws SQLException {
        return connections.withConnection(connection -> {
            if (!triggerPresent(connection)) {
                missingTrigger("the table user_session has no enabled trigger " + TRIGGER
                        + " (run this release's schema script, see the upgrade notes)");
                return false;
            }
            int networkTimeout = connection.getNetworkTimeout();
            PostgresNotifications notifications = PostgresNotifications.listen(connection)
                    .orElseThrow(() -> new SQLException("The persistence unit's connection is not one of "
                            + "PostgreSQL's JDBC driver: notifications cannot be received"));
            description = "PostgreSQL NOTIFY, heartbeat every " + heartbeatNanos / 1_000_000 + " ms";
            try {
                // a statement on a connection whose server process hangs fails instead of waiting for ever
                connection.setNetworkTimeout(Runnable::run, (int) Math.max(1_000, boundMillis()));
                deliver(connection, notifications);
            } catch (SQLException | RuntimeException failed) {
                notifications.abandon(networkTimeout);
                throw failed;
            }
            notifications.close(networkTimeout); // stopped: the connection goes back to the pool as it came
            return true;
        });
    }

    private void missingTrigger(String what) {
        if (!warnedMissingTrigger) {
            warnedMissingTrigger = true;
            LOG.warning("usersession does not cache sessions: " + what + "; every request reads its session row");
        }
    }

    /**
     * Reads the change log every poll interval on one connection (in auto-commit, so that each read sees what
     * committed before it began; on Galera with causal reads, so that it also sees what the other database nodes
     * committed), each read that succeeds proving the channel up to its start.
     *
     * @return {@code false} when the schema lacks the change log's triggers (nothing read)
     */
    private boolean poll(PersistenceUnitConnections connections, boolean mariaDb) throws SQLException {
        return connections.withConnection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            int networkTimeout = connection.getNetworkTimeout();
            if (!autoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            boolean causal = mariaDb && causalReads(connection, "1");
            try {
                if (!ChangeLog.present(connection, mariaDb)) {
                    missingTrigger("the table user_session has no triggers " + ChangeLog.TRIGGERS
                            + " (with usersession.cache=on, run schema-mariadb-cache.sql, see the upgrade notes)");
                    return false;
                }
                connection.setNetworkTimeout(Runnable::run, (int) Math.max(5_000, 2 * boundMillis()));
                readLog(connection);
                return true;
            } finally {
                connection.setNetworkTimeout(Runnable::run, networkTimeout);
                if (causal) {
                    causalReads(connection, "DEFAULT");
                }
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        });
    }

    private void readLog(Connection connection) throws SQLException {
        ChangeLog log = new ChangeLog();
        log.start(connection, System.currentTimeMillis());
        long interval = config.cachePollInterval().toNanos();
        description = "polling user_session_change every "
                + config.cachePollInterval().toMillis() + " ms";
        long purged = System.nanoTime() - PURGE_INTERVAL_NANOS;
        while (running) {
            long started = System.nanoTime();
            if (!log.read(
                    connection,
                    System.currentTimeMillis(),
                    (session, changedAt) -> sessions.announced(session, changedAt, OptionalLong.empty()))) {
                sessions.announcedAll();
            }
            sessions.proven(started);
            if (started - purged >= PURGE_INTERVAL_NANOS) {
                purged = started;
                try {
                    ChangeLog.purge(connection, System.currentTimeMillis());
                } catch (SQLException lostToAnotherNode) {
                    // another node's purge of the same rows won (a deadlock, a Galera conflict): the next one goes on
                    LOG.log(Level.FINE, "usersession could not remove old changes this time", lostToAnotherNode);
                }
            }
            pause(TimeUnit.NANOSECONDS.toMillis(Math.max(0, started + interval - System.nanoTime())));
        }
    }

    /** @return whether the connection now reads causally (Galera's {@code wsrep_sync_wait}); elsewhere nothing */
    private static boolean causalReads(Connection connection, String value) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = " + value);
            return true;
        } catch (SQLException notGalera) {
            return false;
        }
    }

    private long boundMillis() {
        return config.revocationBound().toMillis();
    }

    private void deliver(Connection connection, PostgresNotifications notifications) throws SQLException {
        long sent = System.nanoTime() - heartbeatNanos;
        long received = System.nanoTime();
        int waitMillis = (int) Math.max(1, Math.min(MAX_WAIT_MILLIS, heartbeatNanos / 1_000_000));
        long giveUpNanos = 2 * config.revocationBound().toNanos();
        while (running) {
            long now = System.nanoTime();
            if (now - sent >= heartbeatNanos) {
                sent = now;
                sendHeartbeat(connection, now);
            }
            for (String payload : notifications.receive(waitMillis)) {
                if (receive(payload)) {
                    received = System.nanoTime();
                }
            }
            if (System.nanoTime() - received > giveUpNanos) {
                throw new SQLException("no heartbeat came back through the listening connection for "
                        + TimeUnit.NANOSECONDS.toMillis(giveUpNanos) + " ms");
            }
        }
    }

    /**
     * Sends the heartbeat on the listening connection itself (a connection receives its own notifications, in commit
     * order with everyone else's), and in the same statement checks that the trigger is still there and enabled: a
     * trigger dropped or disabled while the node listens would otherwise leave heartbeats proving a channel that no
     * longer carries changes.
     */
    private void sendHeartbeat(Connection connection, long sentAt) throws SQLException {
        try (PreparedStatement notify =
                connection.prepareStatement("SELECT pg_notify(?, ?), (" + TRIGGER_COUNT + ")")) {
            notify.setString(1, PostgresNotifications.CHANNEL);
            notify.setString(2, "~" + node + " " + sentAt);
            notify.setString(3, TRIGGER);
            try (ResultSet result = notify.executeQuery()) {
                if (!result.next() || result.getInt(2) != 1) {
                    throw new SQLException("the trigger " + TRIGGER + " was dropped or disabled");
                }
            }
        }
    }

    /** @return whether it was this node's own heartbeat */
    private boolean receive(String payload) {
        if (payload.startsWith("~")) {
            int space = payload.indexOf(' ');
            if (space > 0 && payload.substring(1, space).equals(node)) {
                sessions.proven(Long.parseLong(payload.substring(space + 1)));
                return true;
            }
            return false;
        }
        if ("*".equals(payload)) {
            sessions.announcedAll();
            return false;
        }
        String[] parts = payload.split(" ");
        sessions.announced(
                parts[0],
                parts.length > 1 ? number(parts[1]).orElse(Long.MAX_VALUE) : Long.MAX_VALUE,
                parts.length > 2 ? number(parts[2]) : OptionalLong.empty());
        return false;
    }

    private static OptionalLong number(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException unknownForm) {
            return OptionalLong.empty();
        }
    }

    private static boolean triggerPresent(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TRIGGER_COUNT);
                ResultSet found = setAndRun(query)) {
            boolean present = found.next() && found.getInt(1) == 1;
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return present;
        }
    }

    private static ResultSet setAndRun(PreparedStatement query) throws SQLException {
        query.setString(1, TRIGGER);
        return query.executeQuery();
    }

    /** Waits, but no longer than the channel runs. */
    private void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (running && System.nanoTime() - until < 0) {
                Thread.sleep(Math.min(50, millis));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
