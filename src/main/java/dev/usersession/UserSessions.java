package dev.usersession;

import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.SessionLimitReachedException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Manages user sessions: opens them, lists a user's sessions, ends them, and runs code in one of them. Inject it
 * anywhere ({@code @Inject UserSessions sessions;}); the library provides its one implementation, applications do not
 * implement it.
 *
 * <p>Events: opening a session fires {@code @Initialized(UserSession.class)} with its {@link UserSessionInfo}; ending
 * one fires {@code @BeforeDestroyed(UserSession.class)} (while its state is still stored), then, once its rows are
 * deleted, {@link UserSessionEnded} with the reason, then {@code @Destroyed(UserSession.class)}. Each fires exactly
 * once per session, whoever ends it and however many nodes end it at the same moment (the clean-up of expired
 * sessions too). A renewal (a re-login, a password or group change) ends the old id with reason
 * {@link EndReason#RENEWED} and initializes the new one. An observer of {@code @BeforeDestroyed} runs while the
 * session's row is locked: it may read the session, not change it; an exception it throws is logged and the session
 * ends anyway.
 */
public interface UserSessions {

    /**
     * Opens a new session for a user whose credentials the caller has already checked. Unless
     * {@code usersession.login.carry-state=false}, it starts with the {@code @UserSession} state of the user's most
     * recently used live session: the cart follows the user to a new device (the sessions then go their own ways).
     * With {@code usersession.max-sessions-per-user}, the user's oldest sessions end or the login is refused
     * ({@code usersession.on-max-sessions}); the cap holds when logins of one user come in parallel, on any node.
     *
     * The session records a password proved now, at {@link AssuranceLevel#AAL1}; use
     * {@link #open(String, Set, String, SessionProofs)} to say what the caller checked.
     *
     * @param client a description of the client (user agent, address); may be empty
     * @return the session with its secret token
     * @throws SessionLimitReachedException when the cap refuses this login
     */
    IssuedSession open(String userName, Set<String> groups, String client);

    /**
     * Like {@link #open(String, Set, String)}, recording the proofs the caller checked.
     *
     * @param proofs how and when the user proved who they are
     */
    IssuedSession open(String userName, Set<String> groups, String client, SessionProofs proofs);

    /**
     * Replaces a session of the same user by a new one with a new token, keeping its bean state: what a re-login
     * does, so that no token outlives a login (fixation) and nothing the user had is lost. When the old session is
     * gone or belongs to another user, this is {@link #open}.
     *
     * @return the new session with its secret token
     */
    IssuedSession renew(String oldSessionId, String userName, Set<String> groups, String client);

    /** @return the live session with this id; an expired one is ended (reason {@link EndReason#EXPIRED}) */
    Optional<UserSessionInfo> find(String sessionId);

    /** @return the live sessions of a user, oldest first (by creation, then id) */
    List<UserSessionInfo> listFor(String userName);

    /** @return the session bound to the current thread (a request of a logged-in user, or {@link #runIn}) */
    Optional<UserSessionInfo> current();

    /**
     * Ends a session: deletes it with all its bean state and fires the end events.
     *
     * @return whether this call ended it (the events fire only then)
     */
    boolean end(String sessionId, EndReason reason);

    /**
     * Ends a session of the current user (a "sign out that device" button): refuses a session of someone else.
     *
     * @return whether such a session of the current user existed
     * @throws NotLoggedInException when no session is bound
     */
    boolean endOwn(String sessionId);

    /**
     * Ends every session of the current user except the current one ("sign out everywhere else"), and every "keep me
     * signed in" of the user's other browsers.
     *
     * @return how many ended
     * @throws NotLoggedInException when no session is bound
     */
    int endOthers();

    /**
     * Ends every session of a user and every "keep me signed in" of the user's browsers (after a password change, or
     * by an administrator). @return how many sessions ended
     */
    int endAllFor(String userName, EndReason reason);

    /**
     * Runs code in a session, as a request of that session would: {@code @UserSession} beans it calls hold that
     * session's state, and their changes are stored when the code returns normally. When it throws, nothing is stored.
     *
     * @throws UserSessionNotFoundException when the session does not exist or has expired
     * @throws UserSessionConflictException when another unit of work changed the same bean first
     */
    void runIn(String sessionId, Runnable work);

    /**
     * Like {@link #runIn}, returning what the code returns.
     *
     * @return the code's result
     */
    <T> T callIn(String sessionId, Supplier<T> work);

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
    Runnable propagate(Runnable work);

    /**
     * Like {@link #propagate(Runnable)}, for code that returns a result ({@code CompletableFuture.supplyAsync}).
     *
     * @return code that runs in the current request's session
     */
    <T> Supplier<T> propagate(Supplier<T> work);
}
