package dev.usersession.internal.store;

import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConfig.SessionCacheMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thread that tells {@link CachedSessions} which session rows changed, and proves that it would have told.
 *
 * <p>On PostgreSQL the trigger {@code user_session_change_logged} of the shipped schema logs every change of a session
 * row in {@link PostgresChangeLog}'s table, in the transaction that makes it. This channel reads the log on one
 * connection lent by the persistence unit, which also listens ({@code LISTEN usersession}): it reads four times per
 * revocation bound, and within milliseconds when another node notifies that it changed session rows. The notification
 * only wakes: what changed, and the proof, come from the reads, each of which proves every change committed before it
 * began (whether or not a notification came). A connection that breaks, or stops answering (its server process
 * hangs), is given up and the cache stops serving until a new one proves itself.
 *
 * <p>Elsewhere, with {@code usersession.cache=on}, it reads the {@link ChangeLog} every poll interval; each read that
 * succeeds proves everything committed before it began.
 */
final class ChangeChannel {

    private static final Logger LOG = Logger.getLogger(ChangeChannel.class.getName());

    private static final long RETRY_MILLIS = 1_000;
    private static final long MISSING_TRIGGER_RETRY_MILLIS = 30_000;
    private static final long PURGE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The shortest time between two reads of the log, and between two notifications this node sends. */
    private static final long MIN_READ_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /**
     * How long one wait for notifications lasts: the driver's wait cannot be cut short, so this is how late this
     * node's own changes are notified at most.
     */
    private static final int WAIT_MILLIS = 5;

    private final CachedSessions sessions;
    private final StoreTransactions transactions;
    private final UserSessionConfig config;
    private final String node;
    private final long readNanos;
    private final AtomicBoolean ownChanges = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile String description = "starting";
    private boolean warnedMissingTrigger;

    ChangeChannel(CachedSessions sessions, StoreTransactions transactions, UserSessionConfig config, String node) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.config = config;
        this.node = node;
        this.readNanos = config.revocationBound().toNanos() / 4;
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

    /** @return {@code false} when the schema lacks the triggers (nothing listened) */
    private boolean listen(PersistenceUnitConnections connections) throws SQLException {
        return connections.withConnection(connection -> {
            int networkTimeout = connection.getNetworkTimeout();
            PostgresNotifications notifications = PostgresNotifications.listen(connection)
                    .orElseThrow(() -> new SQLException("The persistence unit's connection is not one of "
                            + "PostgreSQL's JDBC driver: notifications cannot be received"));
            description = "PostgreSQL's user_session_change, read when woken by NOTIFY and every "
                    + readNanos / 1_000_000 + " ms";
            try {
                // a statement on a connection whose server process hangs fails instead of waiting for ever
                connection.setNetworkTimeout(Runnable::run, (int) Math.max(1_000, boundMillis()));
                deliver(connection, notifications);
            } catch (PostgresChangeLog.MissingTriggersException missing) {
                notifications.close(networkTimeout);
                missingTrigger(missing.getMessage());
                return false;
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

    /**
     * Reads the log on the listening connection: at once, then every {@link #readNanos} and soon after a notification
     * from another node (at most every {@link #MIN_READ_GAP_NANOS}), each read proving the channel up to its start;
     * between reads, wakes the other nodes when this node changed a session row (at most every
     * {@link #MIN_READ_GAP_NANOS}, so that a busy node sends a few hundred notifications a second, not one per write).
     */
    private void deliver(Connection connection, PostgresNotifications notifications) throws SQLException {
        PostgresChangeLog log = new PostgresChangeLog();
        long started = System.nanoTime();
        log.start(connection);
        sessions.proven(started);
        long nextRead = started;
        long lastWake = started - MIN_READ_GAP_NANOS;
        long purged = started - PURGE_INTERVAL_NANOS;
        while (running) {
            long now = System.nanoTime();
            if (now - nextRead >= 0) {
                if (!log.read(connection, this::logged)) {
                    sessions.announcedAll();
                }
                sessions.proven(now);
                nextRead = now + readNanos;
                if (now - purged >= PURGE_INTERVAL_NANOS) {
                    purged = now;
                    purge(connection);
                }
            }
            if (ownChanges.get() && now - lastWake >= MIN_READ_GAP_NANOS) {
                ownChanges.set(false);
                lastWake = now;
                wakeOthers(connection);
            }
            long untilRead = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextRead - System.nanoTime()));
            if (wokenByOthers(notifications.receive((int) Math.min(WAIT_MILLIS, untilRead)))) {
                nextRead = Math.min(nextRead, now + MIN_READ_GAP_NANOS);
            }
        }
    }

    private void logged(String sessionId, long changedAtMillis, OptionalLong rowVersion) {
        if (PostgresChangeLog.ALL.equals(sessionId)) {
            sessions.announcedAll();
        } else {
            sessions.announced(sessionId, changedAtMillis, rowVersion);
        }
    }

    private static void purge(Connection connection) {
        try {
            PostgresChangeLog.purge(connection, System.currentTimeMillis());
        } catch (SQLException lostToAnotherNode) {
            // another node's purge of the same rows won (a deadlock): the next one goes on
            LOG.log(Level.FINE, "usersession could not remove old changes this time", lostToAnotherNode);
        }
    }

    /**
     * Notifies the other nodes after this node's own commits, in a transaction of its own that does not wait for its
     * commit to be flushed: PostgreSQL holds a database-wide lock from a notifying transaction's commit until its
     * flush, and the wake-up needs no durability (a lost one costs at most {@link #readNanos}).
     */
    private void wakeOthers(Connection connection) throws SQLException {
        try (PreparedStatement notify =
                connection.prepareStatement("SELECT set_config('synchronous_commit', 'off', true), pg_notify(?, ?)")) {
            notify.setString(1, PostgresNotifications.CHANNEL);
            notify.setString(2, node);
            notify.executeQuery().close();
        }
    }

    /**
     * @return whether a notification asks for a read: one from another node, or {@code *}, which an operator may
     *     send after changing session rows with the triggers disabled (every cached row is dropped at once)
     */
    private boolean wokenByOthers(List<String> payloads) {
        boolean woken = false;
        for (String payload : payloads) {
            if ("*".equals(payload)) {
                sessions.announcedAll();
            }
            woken |= !node.equals(payload);
        }
        return woken;
    }

    /** A session row changed through this node: the other nodes are woken to read the log. */
    void changedHere() {
        if (!ownChanges.get()) {
            ownChanges.set(true);
        }
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
