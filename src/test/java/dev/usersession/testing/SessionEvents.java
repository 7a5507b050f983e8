package dev.usersession.testing;

import dev.usersession.UserSession;
import dev.usersession.UserSessionEnded;
import dev.usersession.UserSessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Records the session lifecycle events it observes, in order. */
@ApplicationScoped
public class SessionEvents {

    private final List<String> seen = new ArrayList<>();

    synchronized void initialized(@Observes @Initialized(UserSession.class) UserSessionInfo session) {
        seen.add("initialized " + session.userName());
    }

    synchronized void beforeDestroyed(@Observes @BeforeDestroyed(UserSession.class) UserSessionInfo session) {
        seen.add("beforeDestroyed " + session.userName());
    }

    synchronized void ended(@Observes UserSessionEnded event) {
        seen.add("ended " + event.session().userName() + " " + event.reason());
    }

    synchronized void destroyed(@Observes @Destroyed(UserSession.class) UserSessionInfo session) {
        seen.add("destroyed " + session.userName());
    }

    public synchronized List<String> seen() {
        return List.copyOf(seen);
    }
}
