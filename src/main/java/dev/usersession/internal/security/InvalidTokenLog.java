package dev.usersession.internal.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs requests that presented an invalid session token (malformed, unknown), at most once a minute with a count,
 * so that a stream of guessed tokens shows in the log without flooding it. Tokens are never logged.
 */
@ApplicationScoped
public class InvalidTokenLog {

    private static final Logger LOG = Logger.getLogger(InvalidTokenLog.class.getName());
    private static final long INTERVAL_MILLIS = 60_000;

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong();

    /** Counts one invalid token from a client, and logs the count when a minute has passed since the last log. */
    public void record(String clientAddress, String what) {
        long total = count.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= INTERVAL_MILLIS && lastLogged.compareAndSet(last, now)) {
            count.addAndGet(-total);
            LOG.log(
                    Level.WARNING,
                    "{0} request(s) with an invalid session token in the last minute; latest: {1} " + "from {2}",
                    new Object[] {total, what, clientAddress});
        }
    }
}
