package dev.usersession.testing;

import dev.usersession.UserSessionClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;

/** A clock that tests move forward; replaces the library's clock when added to a container. */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock extends UserSessionClock {

    private static volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** Moves every container's clock forward. */
    public static void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to real time. */
    public static void reset() {
        offset = Duration.ZERO;
    }
}
