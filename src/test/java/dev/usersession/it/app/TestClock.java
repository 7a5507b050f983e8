package dev.usersession.it.app;

import dev.usersession.UserSessionClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;

/** The library's clock, movable by the tests through {@link TestServlet}. */
@Alternative
@Priority(100)
@ApplicationScoped
public class TestClock extends UserSessionClock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(offset);
    }

    void advance(Duration duration) {
        offset = offset.plus(duration);
    }
}
