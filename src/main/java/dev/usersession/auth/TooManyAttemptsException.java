package dev.usersession.auth;

import dev.usersession.UserSessionException;
import java.time.Duration;

/**
 * A password check was refused before it happened because of earlier failures (for instance the current password of
 * a password change, guessed too often). The library's error handling answers it with 429, error code
 * {@code throttled}, and {@code Retry-After}.
 */
public class TooManyAttemptsException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message what was refused
     * @param retryAfter how long to wait before the next attempt
     */
    public TooManyAttemptsException(String message, Duration retryAfter) {
        super("throttled", message);
        this.retryAfter = retryAfter;
    }

    /** @return how long to wait before the next attempt */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the wait in whole seconds, at least 1, as {@code Retry-After} gives it */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
