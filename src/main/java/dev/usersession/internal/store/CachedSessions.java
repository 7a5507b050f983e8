package dev.usersession.internal.store;

import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConfig.SessionCacheMode;
import dev.usersession.internal.metrics.SessionMetrics;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's cache of session rows ({@code usersession.cache}), and the proof that it may serve from it. A cached row
 * is served only while the channel that announces changes of session rows ({@link ChangeChannel}) is proven to
 * deliver: the latest proof (a read of the change log that succeeded) is younger than nine tenths of {@code usersession.cache.revocation-bound}. Every change
 * committed before that proof was sent has reached this cache, so no row it serves is older than that, and a request
 * it lets through finishes within the bound. When the proof is
 * late the cache empties itself and every request reads its row until the channel proves itself again.
 *
 * <p>A cached row only ever lets a request through: a row that looks expired is read again (another node may have
 * moved its last access), and the store's writes check versions in the database as before.
 */
@ApplicationScoped
public class CachedSessions {

    private static final Logger LOG = Logger.getLogger(CachedSessions.class.getName());
    private static final long STOP_WAIT_MILLIS = 5_000;

    @Inject
    UserSessionConfig config;

    @Inject
    StoreTransactions transactions;

    @Inject
    SessionMetrics metrics;

    @Inject
    Instance<UserSessionStore> stores;

    private final String node = newNodeId();
    private volatile SessionCache cache;
    private volatile ChangeChannel channel;
    private volatile Thread channelThread;
    private volatile long provenAt;
    private volatile boolean proven;
    /**
     * The oldest proof the cache serves on: nine tenths of the bound, so that a request served at the limit still
     * finishes within the bound (its remaining work, a pause of the node).
     */
    private long servingNanos;

    private long boundNanos;
    private long maxStalenessNanos;

    private static String newNodeId() {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    @PostConstruct
    void create() {
        cache = new SessionCache(config.sessionCacheSize());
        boundNanos = config.revocationBound().toNanos();
        servingNanos = boundNanos / 10 * 9;
        maxStalenessNanos = config.cacheMaxStaleness().toNanos();
    }

    /**
     * Starts the channel when the cache is on and the application keeps its sessions in the library's JPA store (the
     * cache is that store's: another store's reads never come here).
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (config.sessionCache() == SessionCacheMode.OFF || !(stores.get() instanceof JpaUserSessionStore)) {
            return;
        }
        metrics.cacheEntries(this::size);
        ChangeChannel created = new ChangeChannel(this, transactions, config, node);
        channel = created;
        ThreadFactory threads = ManagedExecutors.threadFactory()
                .map(ThreadFactory.class::cast)
                .orElse(runnable -> {
                    Thread thread = new Thread(runnable);
                    thread.setDaemon(true);
                    return thread;
                });
        Thread thread = threads.newThread(created::run);
        thread.setName("usersession-cache-channel");
        thread.start();
        channelThread = thread;
    }

    /**
     * Stops the channel, and waits a moment for it to give its connection back, before the application's beans (its
     * persistence unit among them) are destroyed.
     */
    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    /** Stops the channel (when the application stops without the event above). */
    @PreDestroy
    void stop() {
        ChangeChannel running = channel;
        if (running != null) {
            running.stop();
        }
        Thread thread = channelThread;
        if (thread != null) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @return the session, from the cache while it may serve it, else read by {@code reader} (and kept when the
     *     cache may serve)
     */
    Optional<SessionRecord> find(String sessionId, Instant now, Supplier<Optional<SessionCache.Row>> reader) {
        long started = System.nanoTime();
        boolean serving = serving(started);
        if (serving) {
            SessionRecord cached = cache.get(sessionId, started - maxStalenessNanos);
            if (cached != null && !cached.isExpiredAt(now)) {
                metrics.cacheHit();
                return Optional.of(cached);
            }
            metrics.cacheMiss();
        }
        long ticket = cache.ticket();
        Optional<SessionCache.Row> read = reader.get();
        if (serving && read.isPresent()) {
            cache.offer(ticket, read.get(), started);
        }
        return read.map(SessionCache.Row::session);
    }

    /** @return how many session rows this node caches now */
    public int size() {
        return cache.size();
    }

    /** A session row changed or ended through this node: it is read again next time. */
    void changed(String sessionId) {
        cache.changed(sessionId);
        changedHere();
    }

    /** @return what a writer of a session row takes before it writes, for {@link #advanced} or {@link #touched} */
    long ticket() {
        return cache.ticket();
    }

    /** This node advanced the session's state version (see {@link SessionCache#advanced}). */
    void advanced(String sessionId, long ticket, long expected, long advanced) {
        cache.advanced(sessionId, ticket, expected, advanced);
        changedHere();
    }

    /** This node moved the session's last access (see {@link SessionCache#touched}). */
    void touched(String sessionId, long ticket, Instant lastAccess, Instant idleExpiry) {
        cache.touched(sessionId, ticket, lastAccess, idleExpiry);
        changedHere();
    }

    /** Wakes the other nodes' channels (the change is committed: the store's writes commit before they return). */
    private void changedHere() {
        ChangeChannel running = channel;
        if (running != null) {
            running.changedHere();
        }
    }

    /** @return whether the channel's latest proof is young enough to serve from the cache */
    private boolean serving(long now) {
        if (!proven) {
            return false;
        }
        if (now - provenAt > servingNanos) {
            lost("its latest proof is older than nine tenths of usersession.cache.revocation-bound ("
                    + config.revocationBound() + ")");
            return false;
        }
        return true;
    }

    // What the channel reports.

    /**
     * Everything committed before {@code sentAt} (a {@link System#nanoTime()} of this node) has been delivered: the
     * cache may serve until the bound has passed since then.
     */
    void proven(long sentAt) {
        if (!proven || sentAt - provenAt > boundNanos) {
            // what was kept before the channel (re)started, or through a long silence, may have missed changes
            cache.clear();
        }
        if (!proven) {
            LOG.info(() -> "usersession caches session rows on this node (" + channel.describe()
                    + "); a change on another node reaches it within " + config.revocationBound());
        }
        if (sentAt - provenAt > 0 || !proven) {
            provenAt = sentAt;
        }
        proven = true;
    }

    /**
     * A session changed on some node; {@code committedAtMillis} is the database's clock at the change, {@code
     * rowVersion} the row version the change gave the row, when the announcement says.
     */
    void announced(String sessionId, long committedAtMillis, OptionalLong rowVersion) {
        cache.announced(sessionId, rowVersion);
        long lag = System.currentTimeMillis() - committedAtMillis;
        if (lag >= 0) {
            metrics.revocationLag(lag * 1_000_000L);
        }
    }

    /** Every session may have changed (an operator asked, or the channel cannot say what it missed). */
    void announcedAll() {
        cache.clear();
    }

    /** The channel cannot prove delivery: nothing is served from the cache until it proves itself again. */
    void lost(String why) {
        boolean was = proven;
        proven = false;
        cache.clear();
        if (was) {
            LOG.log(
                    Level.WARNING,
                    "usersession stopped serving sessions from this node''s cache, as {0}; every request reads its "
                            + "session until the channel is back",
                    why);
        }
    }
}
