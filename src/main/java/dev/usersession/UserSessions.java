package dev.usersession;

import dev.usersession.context.NodeStateCache;
import dev.usersession.context.SessionLifecycleEvents;
import dev.usersession.context.UnitOfWork;
import dev.usersession.context.UserSessionManager;
import dev.usersession.security.SessionTokens;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Manages user sessions: opens them, lists a user's sessions, ends them, and runs code in one of them. Inject it
 * anywhere ({@code @Inject UserSessions sessions;}).
 *
 * <p>Events: opening a session fires {@code @Initialized(UserSession.class)} with its {@link UserSessionInfo}; ending
 * one fires {@code @BeforeDestroyed(UserSession.class)}, then (after its rows are deleted) {@link UserSessionEnded}
 * with the reason, then {@code @Destroyed(UserSession.class)}. Each fires once per session.
 */
@ApplicationScoped
public class UserSessions {

    @Inject
    UserSessionStore store;

    @Inject
    UserSessionManager manager;

    @Inject
    NodeStateCache cache;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    SessionLifecycleEvents events;

    /**
     * Opens a new session for a user whose credentials the caller has already checked. Unless
     * {@code usersession.login.carry-state=false}, it starts with the {@code @UserSession} state of the user's most
     * recently used live session: the cart follows the user to a new device (the sessions then go their own ways).
     *
     * @param client a description of the client (user agent, address); may be empty
     * @return the session with its secret token
     */
    public IssuedSession open(String userName, Set<String> groups, String client) {
        enforceLimit(userName, null);
        Optional<SessionRecord> latest = config.carryStateToNewSessions() ? latestLiveSession(userName)
                : Optional.empty();
        String token = SessionTokens.newToken();
        SessionRecord session = newRecord(token, userName, groups, client);
        store.create(session);
        latest.ifPresent(previous -> carryState(previous, session));
        UserSessionInfo info = session.toInfo();
        events.started(info);
        return new IssuedSession(token, info);
    }

    /**
     * Replaces a session of the same user by a new one with a new token, keeping its bean state: what a re-login
     * does, so that no token outlives a login (fixation) and nothing the user had is lost. When the old session is
     * gone or belongs to another user, this is {@link #open}.
     *
     * @return the new session with its secret token
     */
    public IssuedSession renew(String oldSessionId, String userName, Set<String> groups, String client) {
        Optional<SessionRecord> old = store.find(oldSessionId);
        if (old.isEmpty() || !old.get().userName().equals(userName)) {
            old.ifPresent(other -> end(other.id(), EndReason.LOGOUT));
            return open(userName, groups, client);
        }
        enforceLimit(userName, oldSessionId);
        String token = SessionTokens.newToken();
        SessionRecord session = newRecord(token, userName, groups, client);
        return rotate(old.get(), token, session);
    }

    /**
     * Gives the session bound to this thread a new token and these groups, keeping its state, its creation time and
     * its absolute expiry: what a change of the user's password or groups does to the session that made it, so that
     * a copy of the old token stops working. The unit of work goes on in the renewed session, and the new token is
     * sent with the response of the current request (as a new cookie).
     *
     * @throws NotLoggedInException when no session is bound
     * @throws UserSessionNotFoundException when the session ended meanwhile
     */
    IssuedSession renewCurrent(Set<String> groups) {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("Renewing the session needs a login");
        }
        SessionRecord old = store.find(unitOfWork.session().id()).orElseThrow(() ->
                new UserSessionNotFoundException("The session ended before it could be renewed"));
        String token = SessionTokens.newToken();
        Instant now = clock.now();
        Instant idleExpiry = now.plus(config.idleTimeout());
        SessionRecord renewed = new SessionRecord(SessionTokens.hash(token), old.userName(), groups, old.created(),
                now, idleExpiry.isBefore(old.absoluteExpiry()) ? idleExpiry : old.absoluteExpiry(),
                old.absoluteExpiry(), old.client(), old.stateVersion());
        IssuedSession issued = rotate(old, token, renewed);
        manager.renewed(renewed, token);
        return issued;
    }

    private IssuedSession rotate(SessionRecord old, String token, SessionRecord renewed) {
        store.rotate(old.id(), renewed);
        cache.remove(old.id());
        events.ending(old.toInfo());
        events.ended(old.toInfo(), EndReason.REVOKED);
        events.started(renewed.toInfo());
        return new IssuedSession(token, renewed.toInfo());
    }

    private Optional<SessionRecord> latestLiveSession(String userName) {
        Instant now = clock.now();
        return store.findByUser(userName).stream()
                .filter(session -> !session.isExpiredAt(now))
                .max(Comparator.comparing(SessionRecord::lastAccess).thenComparing(SessionRecord::created));
    }

    /** Copies the bean states of the user's latest session into the new one (a device change keeps the cart). */
    private void carryState(SessionRecord from, SessionRecord to) {
        List<BeanStateChange> copies = store.findBeanStates(from.id()).values().stream()
                .map(state -> new BeanStateChange(state.beanId(), state.json(), BeanStateChange.NEW))
                .toList();
        if (!copies.isEmpty()) {
            store.saveBeanStates(to.id(), to.stateVersion(), copies);
        }
    }

    private SessionRecord newRecord(String token, String userName, Set<String> groups, String client) {
        Instant now = clock.now();
        return new SessionRecord(SessionTokens.hash(token), userName, groups, now, now,
                now.plus(config.idleTimeout()), now.plus(config.absoluteTimeout()), client, 0);
    }

    private void enforceLimit(String userName, String replacedSessionId) {
        int limit = config.maxSessionsPerUser();
        if (limit <= 0) {
            return;
        }
        List<UserSessionInfo> live = listFor(userName).stream()
                .filter(session -> !session.id().equals(replacedSessionId)).toList();
        int excess = live.size() - limit + 1;
        if (excess <= 0) {
            return;
        }
        if (config.onMaxSessions() == UserSessionConfig.OnMaxSessions.REFUSE) {
            throw new SessionLimitReachedException(userName + " already has " + live.size()
                    + " sessions, the most allowed");
        }
        live.stream().limit(excess).forEach(oldest -> end(oldest.id(), EndReason.REVOKED));
    }

    /** @return the live session with this id; an expired one is ended (reason {@link EndReason#EXPIRED}) */
    public Optional<UserSessionInfo> find(String sessionId) {
        return live(sessionId).map(SessionRecord::toInfo);
    }

    /** @return the live sessions of a user, oldest first */
    public List<UserSessionInfo> listFor(String userName) {
        Instant now = clock.now();
        return store.findByUser(userName).stream()
                .filter(session -> !session.isExpiredAt(now))
                .map(SessionRecord::toInfo)
                .toList();
    }

    /** @return the session bound to the current thread (a request of a logged-in user, or {@link #runIn}) */
    public Optional<UserSessionInfo> current() {
        UnitOfWork unitOfWork = manager.current();
        return unitOfWork == null ? Optional.empty() : Optional.of(unitOfWork.session().toInfo());
    }

    /**
     * Ends a session: deletes it with all its bean state and fires the end events.
     *
     * @return whether there was such a session (the events fire only then)
     */
    public boolean end(String sessionId, EndReason reason) {
        Optional<SessionRecord> session = store.find(sessionId);
        if (session.isEmpty()) {
            return false;
        }
        UserSessionInfo info = session.get().toInfo();
        events.ending(info);
        boolean deleted = store.delete(sessionId);
        cache.remove(sessionId);
        if (deleted) {
            events.ended(info, reason);
        }
        return deleted;
    }

    /**
     * Ends a session of the current user (a "sign out that device" button): refuses a session of someone else.
     *
     * @return whether such a session of the current user existed
     * @throws NotLoggedInException when no session is bound
     */
    public boolean endOwn(String sessionId) {
        UserSessionInfo me = current().orElseThrow(() -> new NotLoggedInException("Ending a session needs a login"));
        Optional<SessionRecord> session = store.find(sessionId);
        return session.isPresent() && session.get().userName().equals(me.userName())
                && end(sessionId, EndReason.REVOKED);
    }

    /**
     * Ends every session of the current user except the current one.
     *
     * @return how many ended
     * @throws NotLoggedInException when no session is bound
     */
    public int endOthers() {
        UserSessionInfo me = current().orElseThrow(() -> new NotLoggedInException("Ending sessions needs a login"));
        int count = 0;
        for (SessionRecord session : store.findByUser(me.userName())) {
            if (!session.id().equals(me.id())) {
                count += end(session.id(), EndReason.REVOKED) ? 1 : 0;
            }
        }
        return count;
    }

    /** Ends every session of a user (after a password change, or by an administrator). @return how many ended */
    public int endAllFor(String userName, EndReason reason) {
        int count = 0;
        for (SessionRecord session : store.findByUser(userName)) {
            count += end(session.id(), reason) ? 1 : 0;
        }
        return count;
    }

    /**
     * Runs code in a session, as a request of that session would: {@code @UserSession} beans it calls hold that
     * session's state, and their changes are stored when the code returns normally. When it throws, nothing is stored.
     *
     * @throws UserSessionNotFoundException when the session does not exist or has expired
     * @throws UserSessionConflictException when another unit of work changed the same bean first
     */
    public void runIn(String sessionId, Runnable work) {
        callIn(sessionId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Like {@link #runIn}, returning what the code returns.
     *
     * @return the code's result
     */
    public <T> T callIn(String sessionId, Supplier<T> work) {
        SessionRecord session = live(sessionId).orElseThrow(() -> new UserSessionNotFoundException(
                "There is no live user session with id " + sessionId));
        manager.begin(session);
        try {
            T result = work.get();
            manager.flush();
            return result;
        } finally {
            manager.end();
        }
    }

    /**
     * Wraps code that goes on with the current request on another thread: the asynchronous part of a request (an
     * {@code AsyncResponse} resumed from an executor, a {@code CompletionStage} completed by one, events sent to a
     * server-sent-event sink). The code then sees the same {@code @UserSession} beans as the request, and their
     * changes are written with the request's, before its response commits; the code does not write anything itself.
     * Only one thread at a time may use the request's beans. Use the wrapper while the request is open: once its
     * response is complete, its beans are gone ({@link NoUserSessionException}). Without a bound session (an
     * anonymous request) the code is returned as it is. Compare {@link #runIn}, which is a unit of work of its own.
     *
     * @return code that runs in the current request's session
     */
    public Runnable propagate(Runnable work) {
        return manager.propagate(work);
    }

    /**
     * Like {@link #propagate(Runnable)}, for code that returns a result ({@code CompletableFuture.supplyAsync}).
     *
     * @return code that runs in the current request's session
     */
    public <T> Supplier<T> propagate(Supplier<T> work) {
        return manager.propagate(work);
    }

    private Optional<SessionRecord> live(String sessionId) {
        Optional<SessionRecord> session = store.find(sessionId);
        if (session.isPresent() && session.get().isExpiredAt(clock.now())) {
            end(sessionId, EndReason.EXPIRED);
            return Optional.empty();
        }
        return session;
    }
}
