package dev.usersession.internal.login;

import java.time.Instant;

/**
 * A login-throttling counter as stored.
 *
 * @param subject what is counted: a kind and the hash of a value (see {@code LoginCounterEntity})
 * @param attempts attempts counted: failures in a row, or attempts in the current window
 * @param windowStart when the current counting window began (used by counters that count per window)
 * @param blockedUntil no attempt of this subject is admitted before this instant; {@code null} for none
 */
public record LoginCounter(String subject, int attempts, Instant windowStart, Instant blockedUntil) {

    /**
     * Failures in a row from which a counter is a lock (NIST SP 800-63B 5.2.2: at most 100): it is kept until a
     * success or a reset clears it, never removed as stale.
     */
    public static final int LOCK_AFTER = 100;

    /** @return this counter with other values */
    public LoginCounter with(int newAttempts, Instant newWindowStart, Instant newBlockedUntil) {
        return new LoginCounter(subject, newAttempts, newWindowStart, newBlockedUntil);
    }
}
