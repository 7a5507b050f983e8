package dev.usersession.internal.security;

import dev.usersession.AssuranceLevel;
import dev.usersession.EndReason;
import dev.usersession.Factor;
import dev.usersession.IssuedSession;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.UserSessions;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The library's {@link UserSessions}: the life of sessions is {@link SessionLifecycle}'s, running code in one is
 * {@link UserSessionManager}'s. It lives here, above {@code context}, because ending all of a user's sessions also
 * forgets the user's "keep me signed in" browsers ({@link RememberMe}). The library's own endpoints inject this class,
 * never the public interface.
 */
@ApplicationScoped
public class DefaultUserSessions implements UserSessions {

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserSessionManager manager;

    @Inject
    UserSessionClock clock;

    @Inject
    RememberMe rememberMe;

    @Override
    public IssuedSession open(String userName, Set<String> groups, String client) {
        return open(userName, groups, client, passwordProvedNow());
    }

    @Override
    public IssuedSession open(String userName, Set<String> groups, String client, SessionProofs proofs) {
        return lifecycle.open(userName, groups, client, proofs);
    }

    @Override
    public IssuedSession renew(String oldSessionId, String userName, Set<String> groups, String client) {
        return lifecycle.renew(oldSessionId, userName, groups, client, passwordProvedNow());
    }

    @Override
    public Optional<UserSessionInfo> find(String sessionId) {
        return lifecycle.live(sessionId).map(SessionRecord::toInfo);
    }

    @Override
    public List<UserSessionInfo> listFor(String userName) {
        return lifecycle.liveSessionsOf(userName).stream()
                .map(SessionRecord::toInfo)
                .toList();
    }

    @Override
    public Optional<UserSessionInfo> current() {
        UnitOfWork unitOfWork = manager.current();
        return unitOfWork == null
                ? Optional.empty()
                : Optional.of(unitOfWork.session().toInfo());
    }

    @Override
    public boolean end(String sessionId, EndReason reason) {
        return lifecycle.end(sessionId, reason);
    }

    @Override
    public boolean endOwn(String sessionId) {
        UserSessionInfo me = current().orElseThrow(() -> new NotLoggedInException("Ending a session needs a login"));
        return lifecycle
                        .live(sessionId)
                        .filter(session -> session.userName().equals(me.userName()))
                        .isPresent()
                && lifecycle.end(sessionId, EndReason.REVOKED);
    }

    @Override
    public int endOthers() {
        UserSessionInfo me = current().orElseThrow(() -> new NotLoggedInException("Ending sessions needs a login"));
        rememberMe.forgetOthers(me.userName());
        return lifecycle.endAllFor(me.userName(), EndReason.REVOKED, me.id());
    }

    @Override
    public int endAllFor(String userName, EndReason reason) {
        rememberMe.forgetAll(userName);
        return lifecycle.endAllFor(userName, reason, null);
    }

    @Override
    public void runIn(String sessionId, Runnable work) {
        callIn(sessionId, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public <T> T callIn(String sessionId, Supplier<T> work) {
        SessionRecord session = lifecycle
                .live(sessionId)
                .orElseThrow(
                        () -> new UserSessionNotFoundException("There is no live user session with id " + sessionId));
        manager.begin(session);
        try {
            T result = work.get();
            manager.flush();
            return result;
        } finally {
            manager.end();
        }
    }

    @Override
    public Runnable propagate(Runnable work) {
        return manager.propagate(work);
    }

    @Override
    public <T> Supplier<T> propagate(Supplier<T> work) {
        return manager.propagate(work);
    }

    /** What {@code open} and {@code renew} without proofs record: the caller checked a password, now. */
    private SessionProofs passwordProvedNow() {
        return SessionProofs.of(Factor.PASSWORD, clock.now(), AssuranceLevel.AAL1);
    }
}
