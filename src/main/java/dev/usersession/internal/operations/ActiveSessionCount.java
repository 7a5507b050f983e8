package dev.usersession.internal.operations;

import dev.usersession.UserSession;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionEnded;
import dev.usersession.UserSessionInfo;
import dev.usersession.internal.metrics.SessionMetrics;
import dev.usersession.internal.store.ManagedExecutors;
import dev.usersession.spi.UserSessionStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The value of the {@code usersession_sessions_active} gauge, read at every scrape without touching the database:
 * the count of live sessions in the store, taken by one indexed query every {@code usersession.metrics.active-refresh}
 * on the server's managed scheduled executor, moved up and down by the sessions this node opens and ends between two
 * counts. Registered only when a metrics API receives the library's metrics.
 */
@ApplicationScoped
public class ActiveSessionCount {

    private static final Logger LOG = Logger.getLogger(ActiveSessionCount.class.getName());
    private static final long FIRST_COUNT_DELAY_MILLIS = 5_000;

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionClock clock;

    @Inject
    UserSessionConfig config;

    @Inject
    SessionMetrics metrics;

    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong changedSinceCount = new AtomicLong();
    private volatile boolean known;
    private volatile boolean failedBefore;
    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!metrics.enabled()) {
            return;
        }
        metrics.activeSessions(this::value);
        Optional<ManagedScheduledExecutorService> executor = ManagedExecutors.scheduled();
        if (executor.isEmpty()) {
            refresh();
            return;
        }
        long interval = config.metricsActiveRefresh().toMillis();
        // Not at once: on Payara a task that starts while the application is still starting cannot yet reach the
        // application's persistence context.
        schedule = executor.get()
                .scheduleWithFixedDelay(
                        this::refresh, Math.min(interval, FIRST_COUNT_DELAY_MILLIS), interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** @return the live sessions as last counted, with this node's changes since; NaN before the first count */
    public double value() {
        return known ? Math.max(0, counted.get() + changedSinceCount.get()) : Double.NaN;
    }

    /** Counts the live sessions in the store now. */
    public void refresh() {
        long changesBefore = changedSinceCount.get();
        try {
            counted.set(store.countLive(clock.now()));
            changedSinceCount.addAndGet(-changesBefore);
            known = true;
            failedBefore = false;
        } catch (UnsupportedOperationException e) {
            LOG.info(
                    () -> "The session store cannot count sessions: no active-sessions gauge (" + e.getMessage() + ")");
            stop();
        } catch (RuntimeException e) {
            // The readiness check and the store failure counter tell about an outage; one line here is enough.
            LOG.log(
                    failedBefore || !known ? Level.FINE : Level.WARNING,
                    "Counting live sessions failed; the gauge " + "keeps its last value until the next count",
                    e);
            failedBefore = true;
        }
    }

    void opened(@Observes @Initialized(UserSession.class) UserSessionInfo session) {
        changedSinceCount.incrementAndGet();
    }

    void ended(@Observes UserSessionEnded ended) {
        changedSinceCount.decrementAndGet();
    }
}
