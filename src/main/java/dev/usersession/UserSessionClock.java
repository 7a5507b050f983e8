package dev.usersession;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time the library reads for session timeouts. Tests that need to move time replace it with an
 * {@code @Alternative @Priority} subclass.
 */
@ApplicationScoped
public class UserSessionClock {

    /** @return the current instant */
    public Instant now() {
        return Instant.now();
    }
}
