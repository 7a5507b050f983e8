package dev.usersession.it.app;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Application code that runs in its own JTA transaction and uses the library inside it. */
@ApplicationScoped
public class AppTransactions {

    @Inject
    Counter counter;

    @Inject
    UserSessions sessions;

    @Inject
    AppNotes notes;

    @Inject
    StoredVersions versions;

    /** Changes the request's {@code @UserSession} counter, then fails: the transaction rolls back. */
    @Transactional
    public void incrementThenFail() {
        counter.increment();
        throw new IllegalStateException("the application's own failure");
    }

    /** Changes another session's counter through {@link UserSessions#runIn}, then fails: the transaction rolls back. */
    @Transactional
    public void runInThenFail(String sessionId) {
        sessions.runIn(sessionId, counter::increment);
        throw new IllegalStateException("the application's own failure");
    }

    /**
     * Writes the application's own note, then changes a session's counter while another writer changes the same
     * state: the library reports a conflict, which the application handles.
     *
     * @return {@code conflict} or {@code stored}
     */
    @Transactional
    public String addNoteThenConflict(String noteId, String sessionId) {
        notes.add(noteId);
        try {
            sessions.runIn(sessionId, () -> {
                counter.increment();
                versions.bumpBeanVersions(sessionId);
            });
            return "stored";
        } catch (UserSessionConflictException e) {
            return "conflict";
        }
    }

    /** Another writer of a session's state, committed at once. */
    @ApplicationScoped
    public static class StoredVersions {

        @PersistenceContext(unitName = "it")
        EntityManager entityManager;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void bumpBeanVersions(String sessionId) {
            entityManager
                    .createNativeQuery("update user_session_bean set version = version + 1 " + "where session_id = ?1")
                    .setParameter(1, sessionId)
                    .executeUpdate();
        }
    }
}
