package dev.usersession.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Why the identity store refused the last login on this thread, when the reason is not simply a wrong password:
 * the account waits after repeated failures. Jakarta Security's validation result cannot carry it, so the store
 * leaves it here and the mechanism takes it.
 */
public final class LoginRefusal {

    private static final ThreadLocal<Duration> RETRY_AFTER = new ThreadLocal<>();

    private LoginRefusal() {
    }

    static void throttled(Duration retryAfter) {
        RETRY_AFTER.set(retryAfter);
    }

    /** @return how long to wait when the last login was refused for repeated failures; clears the record */
    public static Optional<Duration> takeRetryAfter() {
        Duration retryAfter = RETRY_AFTER.get();
        RETRY_AFTER.remove();
        return Optional.ofNullable(retryAfter);
    }
}
