package dev.usersession.internal.login;

import java.time.Duration;

/**
 * How long an account waits after failed logins in a row: nothing for the first few, then a back-off that doubles
 * from one second up to a maximum, and the maximum (a lock) from 100 failures in a row on. Attempts during a wait are
 * refused without being counted, so an attacker cannot lengthen the wait by trying faster: the longest an attacker can
 * keep a real user out is the maximum back-off after the attacker's last counted attempt.
 *
 * @param freeAttempts failures in a row before the back-off starts
 * @param maxBackoff the longest wait, and the lock after {@link #LOCK_AFTER} failures
 */
public record LoginThrottle(int freeAttempts, Duration maxBackoff) {

    /** Failures in a row after which the account is locked for the maximum back-off. */
    public static final int LOCK_AFTER = LoginCounter.LOCK_AFTER;

    /** @return the wait after this many failures in a row, or {@code null} for none */
    public Duration waitAfter(int failuresInARow) {
        if (failuresInARow >= LOCK_AFTER) {
            return maxBackoff;
        }
        if (failuresInARow < freeAttempts) {
            return null;
        }
        int doublings = Math.min(failuresInARow - freeAttempts, 30);
        Duration backoff = Duration.ofSeconds(1L << doublings);
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }
}
