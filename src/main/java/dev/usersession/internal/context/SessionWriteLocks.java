package dev.usersession.internal.context;

import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Makes the changing units of work of one session on this node take turns: a double click, or a page's parallel
 * requests, wait for each other instead of failing with a conflict. A unit of work takes its session's lock at its
 * first changing call ({@link UserSessionManager} asks for it) and gives it back when it ends; read-only units of
 * work never take it. A unit of work that waited longer than {@code usersession.write-wait} gets a
 * {@link UserSessionConflictException} (409) instead of hanging. Units of work on other nodes are not held back: the
 * store's version check still turns their races into 409s.
 *
 * <p>The lock is not tied to a thread (an asynchronous request gives it back on the thread that ends it), is fair
 * (first come, first served), and is forgotten when no unit of work holds or waits for it.
 */
@ApplicationScoped
public class SessionWriteLocks {

    @Inject
    UserSessionConfig config;

    private final ConcurrentHashMap<String, Lock> locks = new ConcurrentHashMap<>();

    /**
     * Waits for the session's lock.
     *
     * @return what gives the lock back (once; later calls do nothing)
     * @throws UserSessionConflictException when another unit of work held it longer than {@code usersession.write-wait}
     */
    Runnable await(String sessionId) {
        Lock lock = locks.compute(sessionId, (id, existing) -> {
            Lock held = existing == null ? new Lock() : existing;
            held.users++;
            return held;
        });
        Duration bound = config.writeWait();
        boolean acquired = false;
        try {
            acquired = lock.semaphore.tryAcquire(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!acquired) {
                leave(sessionId, lock);
            }
        }
        if (!acquired) {
            throw new UserSessionConflictException(
                    sessionId,
                    "Another request of session " + sessionId
                            + " kept changing it for longer than usersession.write-wait (" + bound
                            + "); this request changed "
                            + "nothing");
        }
        return new Runnable() {
            private boolean released;

            @Override
            public synchronized void run() {
                if (!released) {
                    released = true;
                    lock.semaphore.release();
                    leave(sessionId, lock);
                }
            }
        };
    }

    /** @return how many sessions have a lock that is held or waited for now */
    int size() {
        return locks.size();
    }

    private void leave(String sessionId, Lock lock) {
        locks.computeIfPresent(
                sessionId, (id, existing) -> existing == lock && --existing.users == 0 ? null : existing);
    }

    /** One session's lock, and how many units of work hold it or wait for it (guarded by the map's compute). */
    private static final class Lock {
        final Semaphore semaphore = new Semaphore(1, true);
        int users;
    }
}
