package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.usersession.EndReason;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.SessionEvents;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {

    @Test
    void openAndEndFireEachEventOnceInOrder() {
        try (SeContainer container = Containers.boot(Counter.class, SessionEvents.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionEvents events = container.select(SessionEvents.class).get();
            Counter counter = container.select(Counter.class).get();

            String mia = "mia-" + System.nanoTime();
            String session =
                    sessions.open(mia, Set.of("customer"), "test").session().id();
            sessions.runIn(session, counter::increment);
            sessions.end(session, EndReason.LOGOUT);
            assertFalse(sessions.end(session, EndReason.LOGOUT), "a session ends once");

            assertEquals(
                    List.of(
                            "initialized " + mia,
                            "beforeDestroyed " + mia,
                            "ended " + mia + " LOGOUT",
                            "destroyed " + mia),
                    events.seen());
        }
    }

    @Test
    void expiredSessionEndsWithReasonExpired() {
        try (SeContainer container = Containers.boot(Counter.class, SessionEvents.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionEvents events = container.select(SessionEvents.class).get();
            String ned = "ned-" + System.nanoTime();
            String session = sessions.open(ned, Set.of(), "test").session().id();
            dev.usersession.testing.TestDatabase.update(
                    "update user_session set idle_expiry = created where id = ?", session);

            assertFalse(sessions.find(session).isPresent());
            assertEquals(
                    List.of(
                            "initialized " + ned,
                            "beforeDestroyed " + ned,
                            "ended " + ned + " EXPIRED",
                            "destroyed " + ned),
                    events.seen());
        }
    }
}
