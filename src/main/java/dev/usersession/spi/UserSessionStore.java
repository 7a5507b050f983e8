package dev.usersession.spi;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where sessions and the state of their beans are kept. The library ships {@code JpaUserSessionStore}; an integrator
 * may provide another implementation as an {@code @Alternative @Priority} bean.
 *
 * <p>Every method is one round trip to the store, so that the per-request statement budget holds: a request reads the
 * session with {@link #find}, reads all bean rows of the session at once with {@link #findBeanStates} only when it
 * touches a bean, and writes with one {@link #saveBeanStates} call.
 *
 * <p>Each write commits on its own, whatever transaction the caller is in. A failure of the store itself (its
 * database cannot be reached or refuses a statement) is thrown as {@link dev.usersession.UserSessionStoreException},
 * never as the database's own exception, so that the library tells it apart from the application's failures.
 */
public interface UserSessionStore {

    /** Stores a new session. */
    void create(SessionRecord session);

    /** @return the session with this id, whether expired or not, or empty when there is none */
    Optional<SessionRecord> find(String sessionId);

    /** @return every stored bean state of the session, keyed by bean id */
    Map<String, BeanStateRecord> findBeanStates(String sessionId);

    /**
     * Writes changed bean states in one transaction, each guarded by the version it was read at, and advances the
     * session's state version.
     *
     * @param expectedStateVersion the session's state version that the caller read
     * @return the new state version when no other writer advanced it in between, empty otherwise
     * @throws UserSessionConflictException when a row's version is no longer the expected one (nothing is written)
     * @throws UserSessionNotFoundException when the session no longer exists (nothing is written)
     */
    OptionalLong saveBeanStates(String sessionId, long expectedStateVersion, List<BeanStateChange> changes);

    /**
     * Gives a session a new id (a new token at re-login): stores {@code renewed} and moves the bean states of
     * {@code oldSessionId} to it, then deletes the old session, in one transaction. The old session's row is locked
     * first, and {@code beforeDelete} sees it (in that transaction) only when this call is the one that removes it.
     * When {@code renewed} carries a device binding other than {@link DeviceBinding#NONE} (a renewal of the same
     * browser), it is stored with the old session's binding as it stands once the old row is locked.
     *
     * @return the old session, when it still existed (when it did not, the new one is stored without state)
     */
    Optional<SessionRecord> rotate(String oldSessionId, SessionRecord renewed, Consumer<SessionRecord> beforeDelete);

    /**
     * Deletes the session and its bean states, in one transaction that first locks the session's row: of several
     * callers ending one session at once (on any node), exactly one deletes it, and only that one's
     * {@code beforeDelete} sees the session, while its row and state are still there.
     *
     * @return the session as it was, when this call deleted it; empty when there was none
     */
    Optional<SessionRecord> delete(String sessionId, Consumer<SessionRecord> beforeDelete);

    /** @return the sessions of one user, oldest first: by creation time, then by id (every caller sees one order) */
    List<SessionRecord> findByUser(String userName);

    /**
     * Moves a session's last access and idle expiry forward (called only when the stored last access has grown older
     * than a fraction of the idle timeout). @return whether the session still exists
     */
    boolean touch(String sessionId, Instant lastAccess, Instant idleExpiry);

    /**
     * @return the session bound to the browser key of this binding ({@link DeviceBinding#id()}), whether expired or
     *     not, or empty when there is none
     * @throws UnsupportedOperationException when this store cannot bind sessions to browser keys
     */
    default Optional<SessionRecord> findByBinding(String bindingId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot bind sessions to browser keys");
    }

    /**
     * Sets the challenge that the session's browser must sign next, and nothing else of the session.
     *
     * @return whether the session still exists
     * @throws UnsupportedOperationException when this store cannot bind sessions to browser keys
     */
    default boolean challengeBinding(String sessionId, String challenge, Instant challengeExpiry) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot bind sessions to browser keys");
    }

    /**
     * Replaces the session's binding, only while its waiting challenge is still {@code expectedChallenge}: of several
     * callers answering one challenge (on any node), exactly one succeeds, so a challenge is used once.
     *
     * @return whether this call replaced it
     * @throws UnsupportedOperationException when this store cannot bind sessions to browser keys
     */
    default boolean updateBinding(String sessionId, String expectedChallenge, DeviceBinding next) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot bind sessions to browser keys");
    }

    /**
     * Deletes up to {@code limit} sessions that expired at {@code now}, with their bean states, in one transaction
     * that first locks their rows (in id order), so that every expired session is deleted by exactly one caller, on
     * any node; {@code beforeDelete} sees each session this call deletes, before it is deleted. A batch that the
     * database aborts because of another node's batch (a deadlock) deletes nothing and throws
     * {@link UserSessionConflictException}, so that the caller tries again.
     *
     * @return the sessions this call deleted
     */
    List<SessionRecord> deleteExpired(Instant now, int limit, Consumer<SessionRecord> beforeDelete);

    /**
     * As {@link #deleteExpired(Instant, int, Consumer)}, for the sessions whose id sorts after {@code afterId}: a
     * clean-up that walks through a large backlog batch by batch passes the id of the last session it deleted, so that
     * the database seeks past the rows it already deleted (and has not vacuumed yet) instead of stepping over them
     * again in every batch. The default ignores {@code afterId}.
     *
     * @param afterId the id of the last session the previous batch deleted, or {@code null} to start at the first
     * @return the sessions this call deleted, in id order
     */
    default List<SessionRecord> deleteExpired(
            Instant now, String afterId, int limit, Consumer<SessionRecord> beforeDelete) {
        return deleteExpired(now, limit, beforeDelete);
    }

    /**
     * @return the sessions live at {@code now} that the search matches, newest first, at most its limit (see
     *     {@link SessionSearch}); for the administration API
     * @throws UnsupportedOperationException when this store cannot search
     */
    default List<SessionRecord> search(SessionSearch search, Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot search sessions");
    }

    /**
     * @return how many sessions are live at {@code now}; for the active-sessions gauge, called every few seconds, so
     *     it must be cheap (an indexed count)
     * @throws UnsupportedOperationException when this store cannot count
     */
    default long countLive(Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot count sessions");
    }

    /**
     * Answers when the store can serve requests (one cheap round trip); for the readiness check.
     *
     * @throws dev.usersession.UserSessionStoreException when it cannot
     */
    default void ping() {
        find("");
    }
}
