package dev.usersession.internal.context;

import dev.usersession.EndReason;
import dev.usersession.UserSession;
import dev.usersession.UserSessionEnded;
import dev.usersession.UserSessionInfo;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Fires the CDI events of a session's life, the same way wherever a session starts or ends. */
@ApplicationScoped
public class SessionLifecycleEvents {

    private static final Logger LOG = Logger.getLogger(SessionLifecycleEvents.class.getName());

    @Inject
    Event<UserSessionInfo> lifecycle;

    @Inject
    Event<UserSessionEnded> ended;

    // Selected once: a select per event costs a qualified lookup, and the clean-up fires two events per session.
    private Event<UserSessionInfo> initialized;
    private Event<UserSessionInfo> beforeDestroyed;
    private Event<UserSessionInfo> destroyed;

    @PostConstruct
    void select() {
        initialized = lifecycle.select(Initialized.Literal.of(UserSession.class));
        beforeDestroyed = lifecycle.select(BeforeDestroyed.Literal.of(UserSession.class));
        destroyed = lifecycle.select(Destroyed.Literal.of(UserSession.class));
    }

    /** A session started: {@code @Initialized(UserSession.class)}. */
    public void started(UserSessionInfo session) {
        initialized.fire(session);
    }

    /**
     * A session is about to end: {@code @BeforeDestroyed(UserSession.class)}. It fires inside the transaction that
     * deletes the session: an observer's exception is logged, and does not keep the session from ending.
     */
    public void ending(UserSessionInfo session) {
        try {
            beforeDestroyed.fire(session);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "An observer of @BeforeDestroyed(UserSession.class) failed for the session of " + session.userName()
                            + "; the session ends anyway",
                    e);
        }
    }

    /** A session ended: {@link UserSessionEnded}, then {@code @Destroyed(UserSession.class)}. */
    public void ended(UserSessionInfo session, EndReason reason) {
        ended.fire(new UserSessionEnded(session, reason));
        destroyed.fire(session);
    }
}
