package dev.usersession.internal.context;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConflictException;
import dev.usersession.internal.metrics.SessionMetrics;
import dev.usersession.internal.store.ExpiredRows;
import dev.usersession.internal.store.ManagedExecutors;
import dev.usersession.spi.SessionRecord;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes expired sessions in batches, one transaction per batch, on the server's default managed scheduled
 * executor (Jakarta Concurrency) every {@code usersession.cleanup.interval}. Every node runs it; batches of several
 * nodes may overlap without blocking each other for long, and each expired session is removed once. Sessions are
 * also ended lazily when a request finds them expired, so the clean-up only keeps the table small.
 * Where no managed executor exists (Java SE), call {@link #removeExpired()} yourself.
 */
@ApplicationScoped
public class ExpiredSessionCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredSessionCleanup.class.getName());
    private static final int MAX_COLLISIONS_IN_A_ROW = 5;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    @Any
    Instance<ExpiredRows> expiredRows;

    @Inject
    SessionMetrics metrics;

    private ScheduledFuture<?> schedule;
    private final Set<String> expiredRowsFailedBefore = ConcurrentHashMap.newKeySet();

    void schedule(@Observes @Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object started) {
        Optional<ManagedScheduledExecutorService> executor = ManagedExecutors.scheduled();
        if (executor.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "No managed scheduled executor ({0}): expired sessions are removed when they are "
                            + "next used, or by calling ExpiredSessionCleanup.removeExpired()",
                    new Object[] {ManagedExecutors.SCHEDULED});
            return;
        }
        long interval = config.cleanupInterval().toMillis();
        long firstDelay = interval / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, interval / 2));
        schedule = executor.get()
                .scheduleWithFixedDelay(this::removeExpiredAndLog, firstDelay, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /**
     * Removes every session expired now, batch by batch, with its end events (reason EXPIRED, see
     * {@link SessionLifecycle}). A batch that collided with another node's clean-up is tried again (a few times in a
     * row at most).
     * Between full batches it pauses as {@code usersession.cleanup.duty-cycle} says, and longer while the node's live
     * store reads are slower than before it began ({@link CleanupPacing}), so that a large backlog does not crowd out
     * live requests.
     *
     * @return how many sessions this call removed
     */
    public int removeExpired() {
        return removeExpired(config.cleanupDutyCycle());
    }

    /**
     * Removes every session expired now, as {@link #removeExpired()} does, with this share of time spent removing
     * (1 for no pauses at all: a maintenance run that may take the database to itself).
     *
     * @return how many sessions this call removed
     */
    public int removeExpired(double dutyCycle) {
        if (!(dutyCycle > 0 && dutyCycle <= 1)) {
            throw new IllegalArgumentException("The duty cycle must be above 0 and at most 1, not " + dutyCycle);
        }
        int batchSize = config.cleanupBatchSize();
        int removed = 0;
        int collisions = 0;
        long runStarted = System.nanoTime();
        CleanupPacing pacing = new CleanupPacing(dutyCycle, metrics.typicalStoreReadNanos());
        // Each batch starts after the last session the one before removed: the rows it deleted stay in the indexes
        // until the database vacuums them, and a scan from the first id would step over all of them again.
        String after = null;
        try {
            while (true) {
                long started = System.nanoTime();
                List<SessionRecord> batch;
                try {
                    batch = lifecycle.expire(after, batchSize);
                    collisions = 0;
                } catch (UserSessionConflictException anotherNodeTookThem) {
                    if (++collisions > MAX_COLLISIONS_IN_A_ROW) {
                        throw anotherNodeTookThem;
                    }
                    pause(ThreadLocalRandom.current().nextLong(10, 100));
                    continue;
                }
                removed += batch.size();
                if (batch.size() < batchSize) {
                    return removed;
                }
                after = batch.get(batch.size() - 1).id();
                pause(pacing.pauseMillis(System.nanoTime() - started, metrics.typicalStoreReadNanos()));
            }
        } finally {
            metrics.cleanedUp(removed, System.nanoTime() - runStarted);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while removing expired sessions", e);
        }
    }

    private void removeExpiredAndLog() {
        try {
            int removed = removeExpired();
            if (removed > 0) {
                LOG.log(Level.FINE, "Removed {0} expired user sessions", new Object[] {removed});
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing expired user sessions failed; the next run tries again", e);
        }
        removeExpiredRows();
    }

    /**
     * Asks every repository whose rows expire ({@link ExpiredRows}: login challenges, "keep me signed in" series,
     * login counters and devices) to delete its own expired rows. One that fails is logged and the others still run:
     * an application that never logs in through the library may leave the login tables out of its unit (warned once,
     * then logged at FINE).
     *
     * @return how many rows were deleted
     */
    public int removeExpiredRows() {
        Instant now = clock.now();
        int total = 0;
        for (ExpiredRows rows : expiredRows) {
            try {
                int removed = rows.deleteExpired(now);
                total += removed;
                LOG.log(Level.FINE, "Removed {0} {1}", new Object[] {removed, rows.description()});
            } catch (RuntimeException e) {
                boolean before = !expiredRowsFailedBefore.add(rows.description());
                LOG.log(
                        before ? Level.FINE : Level.WARNING,
                        "Removing " + rows.description() + " failed; the next run tries again",
                        e);
            }
        }
        return total;
    }
}
