package dev.usersession.internal.context;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessionNotFoundException;
import dev.usersession.internal.metrics.SessionMetrics;
import dev.usersession.spi.BeanStateChange;
import dev.usersession.spi.BeanStateRecord;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Begins, flushes and ends units of work: binds a session to the current thread, loads bean states when a bean is
 * first touched (from this node's cache when it is current, else in one query), makes changing units of work of one
 * session on this node take turns ({@link SessionWriteLocks}), and writes the changed beans back.
 * The authentication mechanism and {@code UserSessions.runIn} drive it; applications do not call it directly.
 */
@ApplicationScoped
public class UserSessionManager {

    @Inject
    UserSessionStore store;

    @Inject
    NodeStateCache cache;

    @Inject
    SessionMetrics metrics;

    @Inject
    SessionWriteLocks writeLocks;

    /** Binds a session that the caller has just read and checked to the current thread. */
    public void begin(SessionRecord session) {
        UnitOfWork unitOfWork = new UnitOfWork(session, this::loadStates, this::takeWriteLock);
        unitOfWork.previous = CurrentUnitOfWork.bind(unitOfWork);
    }

    /**
     * Before a unit of work's first changing call: waits until no other unit of work of the session on this node is
     * changing it, then, if one stored newer states meanwhile, restores the beans from those, so that this change
     * applies to them instead of failing as a conflict at the write. A unit of work nested in one that holds the
     * lock (on the same thread) does not wait: its write goes first and the outer one's becomes a conflict.
     */
    private void takeWriteLock(UnitOfWork unitOfWork) {
        String sessionId = unitOfWork.session().id();
        if (unitOfWork.nestedInWriterOf(sessionId)) {
            return;
        }
        try {
            unitOfWork.holdWriteLock(writeLocks.await(sessionId));
        } catch (UserSessionConflictException waitedTooLong) {
            metrics.conflict();
            throw waitedTooLong;
        }
        NodeStateCache.Versioned newest = cache.latest(sessionId);
        if (newest != null && newest.stateVersion() > unitOfWork.stateVersion()) {
            unitOfWork.reload(newest.stateVersion(), newest.states());
        }
    }

    /**
     * Moves the bound unit of work to its session's renewed record (same state, new id), and keeps the new token for
     * the web layer to send with the response.
     */
    public void renewed(SessionRecord renewedSession, String token) {
        required().renewed(renewedSession, token);
    }

    /** @return the unit of work bound to the current thread, or {@code null} */
    public UnitOfWork current() {
        return CurrentUnitOfWork.get();
    }

    /**
     * Writes the state of every used bean that changed, in one transaction. Does nothing (and runs no statement) when
     * nothing changed.
     *
     * @throws dev.usersession.UserSessionConflictException when another unit of work changed one of the beans first
     * @throws UserSessionNotFoundException when the session ended meanwhile
     */
    public void flush() {
        UnitOfWork unitOfWork = required();
        List<BeanStateChange> changes = unitOfWork.changes();
        if (changes.isEmpty()) {
            return;
        }
        String sessionId = unitOfWork.session().id();
        long readVersion = unitOfWork.stateVersion();
        OptionalLong newVersion;
        try {
            newVersion = store.saveBeanStates(sessionId, readVersion, changes);
        } catch (UserSessionConflictException e) {
            cache.remove(sessionId);
            metrics.conflict();
            throw e;
        } catch (RuntimeException e) {
            cache.remove(sessionId);
            throw e;
        }
        changes.forEach(change -> metrics.stateWritten(change.beanId(), change.json()));
        unitOfWork.saved(changes, newVersion.orElse(-1));
        if (newVersion.isPresent() && unitOfWork.loadedStates() != null) {
            Map<String, BeanStateRecord> states = new HashMap<>(unitOfWork.loadedStates());
            changes.forEach(change -> states.put(
                    change.beanId(),
                    new BeanStateRecord(change.beanId(), change.json(), change.expectedVersion() + 1)));
            cache.put(sessionId, newVersion.getAsLong(), states);
        } else {
            cache.remove(sessionId);
        }
    }

    /** Destroys the unit of work's bean instances and unbinds it, bringing back any unit of work it nested in. */
    public void end() {
        UnitOfWork unitOfWork = required();
        try {
            unitOfWork.ended();
            unitOfWork.destroyAll();
        } finally {
            unitOfWork.releaseWriteLock();
            CurrentUnitOfWork.restore(unitOfWork.previous);
        }
    }

    /**
     * Unbinds the current unit of work from this thread without ending it: its request goes on asynchronously, on
     * other threads, which {@link #attach} it for the moments they use it.
     *
     * @return the unit of work, for {@link #attach} and {@link #end(UnitOfWork)}
     */
    public UnitOfWork detach() {
        UnitOfWork unitOfWork = required();
        CurrentUnitOfWork.restore(unitOfWork.previous);
        unitOfWork.previous = null;
        return unitOfWork;
    }

    /**
     * Binds a detached unit of work to the current thread (the thread that goes on with its request).
     *
     * @return what was bound before, for {@link #release}
     */
    public UnitOfWork attach(UnitOfWork unitOfWork) {
        return CurrentUnitOfWork.bind(unitOfWork);
    }

    /** Unbinds a unit of work that {@link #attach} bound, binding again what was bound before. */
    public void release(UnitOfWork previous) {
        CurrentUnitOfWork.restore(previous);
    }

    /**
     * Wraps code so that it runs in the unit of work bound now, on whatever thread runs it later. Returns the code
     * itself when no unit of work is bound.
     */
    public Runnable propagate(Runnable work) {
        if (current() == null) {
            return work;
        }
        Supplier<Void> supplier = propagate(() -> {
            work.run();
            return null;
        });
        return supplier::get;
    }

    /** Like {@link #propagate(Runnable)}, for code that returns a result. */
    public <T> Supplier<T> propagate(Supplier<T> work) {
        UnitOfWork unitOfWork = current();
        if (unitOfWork == null) {
            return work;
        }
        return () -> {
            UnitOfWork previous = attach(unitOfWork);
            try {
                return work.get();
            } finally {
                release(previous);
            }
        };
    }

    /**
     * Ends a detached unit of work: destroys its bean instances. Its beans cannot be used any more: code that still
     * holds it gets a {@link dev.usersession.NoUserSessionException}. Ending it twice does nothing.
     */
    public void end(UnitOfWork unitOfWork) {
        try {
            unitOfWork.ended();
            unitOfWork.destroyAll();
        } finally {
            unitOfWork.releaseWriteLock();
        }
    }

    /**
     * Ends the bound unit of work without writing anything, if one is bound (a logout, a login replacing the
     * session, a request that ended abnormally).
     */
    public void discardIfBound() {
        if (CurrentUnitOfWork.get() != null) {
            end();
        }
    }

    private Map<String, BeanStateRecord> loadStates(SessionRecord session) {
        Map<String, BeanStateRecord> cached = cache.get(session.id(), session.stateVersion());
        if (cached != null) {
            return cached;
        }
        Map<String, BeanStateRecord> stored = store.findBeanStates(session.id());
        cache.put(session.id(), session.stateVersion(), stored);
        return stored;
    }

    private static UnitOfWork required() {
        UnitOfWork unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork == null) {
            throw new IllegalStateException("No user session is bound to this thread");
        }
        return unitOfWork;
    }
}
