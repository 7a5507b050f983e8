package dev.usersession.internal.context;

import dev.usersession.AssuranceLevel;
import dev.usersession.EndReason;
import dev.usersession.Factor;
import dev.usersession.IssuedSession;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.SessionLimitReachedException;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.DeviceBinding;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of a session's life: opens, renews, ends and expires sessions, applies the per-user cap and the
 * carried state, drops a session from this node's state cache, and fires the lifecycle events. The facade
 * ({@code UserSessions}), the login and the mechanism, the account changes and the clean-up all come here.
 *
 * <p>Events: {@code @Initialized(UserSession.class)} once a session is stored; when it ends,
 * {@code @BeforeDestroyed(UserSession.class)} while its row is still there (inside the transaction that deletes it,
 * under the row's lock), then, once it is gone, {@code UserSessionEnded} with the reason and
 * {@code @Destroyed(UserSession.class)}. Whoever deletes the row fires them, so each fires exactly once per session,
 * however many requests, administrators and nodes end the same session at the same moment. A renewal (new token,
 * same state) ends the old id with reason {@link EndReason#RENEWED} and initializes the new one.
 */
@ApplicationScoped
public class SessionLifecycle {

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
     * Opens a new session for a user whose credentials the caller has already checked, with the state of the user's
     * most recently used live session unless {@code usersession.login.carry-state=false}, within the per-user cap.
     *
     * @throws SessionLimitReachedException when the cap refuses this login
     */
    public IssuedSession open(String userName, Set<String> groups, String client, SessionProofs proofs) {
        return open(userName, groups, client, proofs, DeviceBinding.NONE);
    }

    /**
     * As {@link #open(String, Set, String, SessionProofs)}, stored bound to a browser key from the start (a remembered
     * browser that proved its key).
     */
    public IssuedSession open(
            String userName, Set<String> groups, String client, SessionProofs proofs, DeviceBinding binding) {
        Optional<SessionRecord> latest =
                config.carryStateToNewSessions() ? latestLiveSession(userName) : Optional.empty();
        String token = SessionTokens.newToken();
        SessionRecord session = newRecord(token, userName, groups, client, proofs, binding);
        store.create(session);
        events.started(session.toInfo());
        enforceLimit(userName, session.id());
        latest.ifPresent(previous -> carryState(previous, session));
        return new IssuedSession(token, session.toInfo());
    }

    /**
     * Replaces a live session of the same user by a new one with a new token, keeping its bean state (a re-login: no
     * token outlives a login). When the old session is gone this is {@link #open}; a session of another user that was
     * presented is ended ({@link EndReason#LOGOUT}) and a new one opened.
     */
    public IssuedSession renew(
            String oldSessionId, String userName, Set<String> groups, String client, SessionProofs proofs) {
        Optional<SessionRecord> old = store.find(oldSessionId);
        if (old.isEmpty() || !old.get().userName().equals(userName)) {
            old.ifPresent(other -> end(other.id(), EndReason.LOGOUT));
            return open(userName, groups, client, proofs);
        }
        String token = SessionTokens.newToken();
        SessionRecord renewed = newRecord(token, userName, groups, client, proofs, DeviceBinding.NONE);
        rotate(old.get().id(), renewed); // ended meanwhile: the new session is stored fresh, without state
        enforceLimit(userName, renewed.id());
        return new IssuedSession(token, renewed.toInfo());
    }

    /**
     * Gives the session bound to this thread a new token and these groups, keeping its state, its creation time and
     * its absolute expiry (a change of the user's password or groups). The unit of work goes on in the renewed
     * session; the new token waits in it for the web layer to send.
     *
     * @throws NotLoggedInException when no session is bound
     * @throws UserSessionNotFoundException when the session ended meanwhile
     */
    public IssuedSession renewCurrent(Set<String> groups) {
        return renewCurrent(groups, null);
    }

    /**
     * Records that the user of the session bound to this thread proved {@code factor} again just now (a
     * re-authentication), raising its level to {@code reached} when higher, and gives the session a new token: a
     * privilege change never keeps the token. State, creation time and absolute expiry are kept.
     *
     * @throws NotLoggedInException when no session is bound
     * @throws UserSessionNotFoundException when the session ended meanwhile
     */
    public IssuedSession reauthenticated(Factor factor, AssuranceLevel reached) {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("Re-authentication needs a login");
        }
        return renewCurrent(
                unitOfWork.session().groups(), unitOfWork.session().proofs().with(factor, clock.now(), reached));
    }

    private IssuedSession renewCurrent(Set<String> groups, SessionProofs newProofs) {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("Renewing the session needs a login");
        }
        SessionRecord old = store.find(unitOfWork.session().id())
                .orElseThrow(() -> new UserSessionNotFoundException("The session ended before it could be renewed"));
        String token = SessionTokens.newToken();
        Instant now = clock.now();
        Instant idleExpiry = now.plus(config.idleTimeout());
        SessionRecord renewed = new SessionRecord(
                SessionTokens.hash(token),
                old.userName(),
                groups,
                old.created(),
                now,
                idleExpiry.isBefore(old.absoluteExpiry()) ? idleExpiry : old.absoluteExpiry(),
                old.absoluteExpiry(),
                old.client(),
                old.stateVersion(),
                newProofs == null ? old.proofs() : newProofs,
                old.binding()); // the same browser: its key and bound cookie go on
        if (!rotate(old.id(), renewed)) {
            end(renewed.id(), EndReason.REVOKED); // announced by rotate: it ends as announced sessions do
            throw new UserSessionNotFoundException("The session ended before it could be renewed");
        }
        manager.renewed(renewed, token);
        return new IssuedSession(token, renewed.toInfo());
    }

    /** Moves a session to a new id; @return whether the old one still existed (its end events fired then) */
    private boolean rotate(String oldSessionId, SessionRecord renewed) {
        Optional<SessionRecord> old = store.rotate(oldSessionId, renewed, this::ending);
        cache.remove(oldSessionId);
        old.ifPresent(session -> events.ended(session.toInfo(), EndReason.RENEWED));
        events.started(renewed.toInfo());
        return old.isPresent();
    }

    /**
     * Ends a session: deletes it with all its bean state and fires the end events, exactly once whoever else ends
     * it at the same moment.
     *
     * @return whether this call ended it (the events fire only then)
     */
    public boolean end(String sessionId, EndReason reason) {
        Optional<SessionRecord> ended = store.delete(sessionId, this::ending);
        cache.remove(sessionId);
        ended.ifPresent(session -> events.ended(session.toInfo(), reason));
        return ended.isPresent();
    }

    /** Ends every session of a user but {@code keptSessionId} (may be null). @return how many this call ended */
    public int endAllFor(String userName, EndReason reason, String keptSessionId) {
        int count = 0;
        for (SessionRecord session : store.findByUser(userName)) {
            if (!session.id().equals(keptSessionId)) {
                count += end(session.id(), reason) ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * Removes up to {@code limit} sessions expired now whose ids sort after {@code afterId} ({@code null}: from the
     * first), firing their end events (reason {@link EndReason#EXPIRED}).
     *
     * @return the sessions this call removed, in id order
     * @throws dev.usersession.UserSessionConflictException when another node's batch took the same rows at once
     */
    public List<SessionRecord> expire(String afterId, int limit) {
        List<SessionRecord> expired = store.deleteExpired(clock.now(), afterId, limit, this::ending);
        for (SessionRecord session : expired) {
            cache.remove(session.id());
            events.ended(session.toInfo(), EndReason.EXPIRED);
        }
        return expired;
    }

    /** @return the live session with this id; an expired one is ended (reason {@link EndReason#EXPIRED}) */
    public Optional<SessionRecord> live(String sessionId) {
        Optional<SessionRecord> session = store.find(sessionId);
        if (session.isPresent() && session.get().isExpiredAt(clock.now())) {
            end(sessionId, EndReason.EXPIRED);
            return Optional.empty();
        }
        return session;
    }

    /** @return the live sessions of a user, oldest first (by creation, then id) */
    public List<SessionRecord> liveSessionsOf(String userName) {
        Instant now = clock.now();
        return store.findByUser(userName).stream()
                .filter(session -> !session.isExpiredAt(now))
                .toList();
    }

    private void ending(SessionRecord session) {
        events.ending(session.toInfo());
    }

    private Optional<SessionRecord> latestLiveSession(String userName) {
        return liveSessionsOf(userName).stream()
                .max(Comparator.comparing(SessionRecord::lastAccess).thenComparing(SessionRecord::created));
    }

    /** Copies the bean states of the user's latest session into the new one (a device change keeps the cart). */
    private void carryState(SessionRecord from, SessionRecord to) {
        List<BeanStateChange> copies = store.findBeanStates(from.id()).values().stream()
                .map(state -> new BeanStateChange(state.beanId(), state.json(), BeanStateChange.NEW))
                .toList();
        if (copies.isEmpty()) {
            return;
        }
        try {
            store.saveBeanStates(to.id(), to.stateVersion(), copies);
        } catch (UserSessionNotFoundException endedByAParallelLogin) {
            throw new SessionLimitReachedException(to.userName() + " logged in elsewhere at the same moment, and the "
                    + "session cap ended this session");
        }
    }

    private SessionRecord newRecord(
            String token,
            String userName,
            Set<String> groups,
            String client,
            SessionProofs proofs,
            DeviceBinding binding) {
        Instant now = clock.now();
        return new SessionRecord(
                SessionTokens.hash(token),
                userName,
                groups,
                now,
                now,
                now.plus(config.idleTimeout()),
                now.plus(config.absoluteTimeout()),
                client,
                0,
                proofs,
                binding);
    }

    /**
     * Holds {@code usersession.max-sessions-per-user} after a new session was stored: without a lock, parallel logins
     * of one user each store their session first, then look at all of the user's live sessions in one order (created,
     * then id). Ending the oldest, each ends every session outside the newest {@code limit}: all of them end the same
     * ones, so the user keeps exactly the newest {@code limit}. Refusing, a login that finds more than {@code limit}
     * ends its own session again: parallel logins may all be refused, but never exceed the limit. A new session that
     * is itself outside the newest, or that a parallel login already ended, is refused the same way.
     *
     * @throws SessionLimitReachedException when the new session was ended again
     */
    private void enforceLimit(String userName, String newSessionId) {
        int limit = config.maxSessionsPerUser();
        if (limit <= 0) {
            return;
        }
        List<SessionRecord> live = liveSessionsOf(userName);
        boolean endedMeanwhile = live.stream().noneMatch(session -> session.id().equals(newSessionId));
        List<SessionRecord> excess = live.subList(0, Math.max(0, live.size() - limit));
        boolean refuse = config.onMaxSessions() == UserSessionConfig.OnMaxSessions.REFUSE;
        if (!refuse) {
            excess.stream()
                    .filter(oldest -> !oldest.id().equals(newSessionId))
                    .forEach(oldest -> end(oldest.id(), EndReason.REVOKED));
        }
        if (endedMeanwhile
                || !excess.isEmpty()
                        && (refuse
                                || excess.stream()
                                        .anyMatch(session -> session.id().equals(newSessionId)))) {
            end(newSessionId, EndReason.REVOKED);
            throw new SessionLimitReachedException(
                    userName + " has " + (live.size() - 1) + " other sessions, the most allowed is " + limit);
        }
    }
}
