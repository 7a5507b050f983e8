package dev.usersession.internal.store;

import dev.usersession.internal.errors.Causes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one log of the session store's outages. The first failure after the store last answered writes one WARNING
 * line: what failed, in the database's own words, and what the library does meanwhile. The failures after it, until
 * the store answers again, are logged at FINE with their stack traces (as is the first). The first success after an
 * outage writes one INFO line with how long it lasted and how many store operations failed. A database that goes away
 * under load (a restart, a failover, a Galera node without quorum) thus writes two lines, not a stack trace per
 * request.
 *
 * <p>A lost race (another writer won: a conflict, not an outage) is not a failure here.
 */
@ApplicationScoped
public class StoreOutageLog {

    private static final Logger LOG = Logger.getLogger(StoreOutageLog.class.getName());
    private static final long NONE = Long.MIN_VALUE;

    /** When the current outage began ({@code System.nanoTime()}), or {@link #NONE}. */
    private final AtomicLong outageBegan = new AtomicLong(NONE);

    private final AtomicLong failures = new AtomicLong();

    /** When the last outage ended ({@code System.nanoTime()}), or {@link #NONE}. */
    private final AtomicLong recovered = new AtomicLong(NONE);

    /**
     * A store operation failed.
     *
     * @param started when the operation began ({@code System.nanoTime()}): one that began before the store last
     *     answered again belongs to the outage that ended (its connection waited on the old server), so it is logged at
     *     FINE and does not open a second outage
     */
    void failed(Throwable failure, long started) {
        long lastRecovery = recovered.get();
        if (outageBegan.get() == NONE && lastRecovery != NONE && started - lastRecovery <= 0) {
            LOG.log(Level.FINE, "A session store operation begun before the store answered again failed", failure);
            return;
        }
        if (outageBegan.compareAndSet(NONE, System.nanoTime())) {
            failures.set(1);
            LOG.log(
                    Level.WARNING,
                    "The session store is unavailable: {0}. Requests that need it are answered 503 "
                            + "with Retry-After until it answers again; each failure is logged at FINE.",
                    describe(failure));
        } else {
            failures.incrementAndGet();
        }
        LOG.log(Level.FINE, "A session store operation failed", failure);
    }

    /** A store operation succeeded: ends an outage, if there was one. Costs one volatile read otherwise. */
    void answered() {
        long began = outageBegan.get();
        if (began == NONE) {
            return;
        }
        // Before the outage ends, so that an operation failing right after it already sees when it ended.
        recovered.set(System.nanoTime());
        if (outageBegan.compareAndSet(began, NONE)) {
            LOG.log(
                    Level.INFO,
                    "The session store answers again after {0} ms; {1} store operation(s) failed meanwhile.",
                    new Object[] {TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), failures.get()});
        }
    }

    /** @return whether the store failed since it last answered */
    boolean inOutage() {
        return outageBegan.get() != NONE;
    }

    /**
     * @return the database's own words for a failure: the innermost {@link SQLException}'s message and SQL state, or
     *     else the innermost cause's type and message
     */
    static String describe(Throwable failure) {
        List<Throwable> chain = Causes.of(failure);
        List<Throwable> all = Causes.withSuppressed(failure);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof SQLException sql) {
                return sql.getMessage() + " (SQL state " + sql.getSQLState() + ", error " + sql.getErrorCode() + ")";
            }
        }
        Throwable innermost = chain.get(chain.size() - 1);
        return innermost.getClass().getName() + ": " + innermost.getMessage();
    }
}
