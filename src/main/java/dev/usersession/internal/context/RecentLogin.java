package dev.usersession.internal.context;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@link dev.usersession.auth.RequiresLogin#recent()}: an ISO-8601 duration that must be positive. */
public final class RecentLogin {

    private RecentLogin() {}

    /** @return the duration, or empty when the value is not a positive ISO-8601 duration */
    public static Optional<Duration> parse(String value) {
        try {
            Duration duration = Duration.parse(value);
            return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
