package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Settings;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A double click is not a conflict: changing units of work of one session on one node wait for each other and each
 * change applies to the state the one before stored; read-only ones never wait; a wait longer than
 * {@code usersession.write-wait} is a conflict, never a hang.
 */
class SessionWriteLocksTest {

    @Test
    void concurrentChangesOfOneSessionOnOneNodeAllSucceedAndAllAreStored() throws Exception {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("clicker-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            sessions.runIn(session, counter::increment); // the bean's row exists: the others update it

            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> clicks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    sessions.runIn(session, counter::increment);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> click : clicks) {
                click.get(1, TimeUnit.MINUTES); // throws if one failed (a conflict)
            }
            pool.shutdown();

            assertEquals(201, sessions.callIn(session, counter::count));
            assertEquals(0, container.select(SessionWriteLocks.class).get().size(), "no lock is left behind");
        }
    }

    @Test
    void aUnitOfWorkThatReadBeforeAnotherWroteChangesWhatThatOneStored() throws Exception {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("slow-reader-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            sessions.runIn(session, counter::increment);
            CountDownLatch read = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);

            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> slow = pool.submit(() -> sessions.callIn(session, () -> {
                int before = counter.count(); // read-only: 1, and no lock taken
                read.countDown();
                await(written);
                counter.increment(); // the first change: takes the lock, sees the other's write first
                return before;
            }));
            assertTrue(read.await(10, TimeUnit.SECONDS));
            sessions.runIn(session, counter::increment); // does not wait: the slow one holds no lock yet
            written.countDown();

            assertEquals(1, slow.get(10, TimeUnit.SECONDS));
            assertEquals(3, sessions.callIn(session, counter::count), "both increments stored, none lost");
            pool.shutdown();
        }
    }

    @Test
    void readOnlyUnitsOfWorkNeverWait() throws Exception {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("reader-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            CountDownLatch changing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> writer = pool.submit(() -> sessions.runIn(session, () -> {
                counter.increment();
                changing.countDown();
                await(finish);
            }));
            assertTrue(changing.await(10, TimeUnit.SECONDS));

            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertEquals(0, sessions.callIn(session, counter::count));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            finish.countDown();
            writer.get(10, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(millis < 4_000, "20 reads while a write held the lock took " + millis + " ms");
            assertEquals(1, sessions.callIn(session, counter::count));
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void aChangeThatWaitsLongerThanTheBoundIsAConflictAndChangesNothing() throws Exception {
        try (Settings settings = Settings.of("usersession.write-wait", "PT0.3S");
                SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("waiter-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            CountDownLatch changing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> writer = pool.submit(() -> sessions.runIn(session, () -> {
                counter.increment();
                changing.countDown();
                await(finish);
            }));
            assertTrue(changing.await(10, TimeUnit.SECONDS));

            long started = System.nanoTime();
            assertThrows(UserSessionConflictException.class, () -> sessions.runIn(session, counter::increment));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            finish.countDown();
            writer.get(10, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms for a bound of 300 ms");
            assertEquals(1, sessions.callIn(session, counter::count), "the refused change stored nothing");
            assertEquals(0, container.select(SessionWriteLocks.class).get().size(), "no lock is left behind");
        }
    }

    @Test
    void aNestedUnitOfWorkOfTheSameSessionDoesNotWaitForTheOneItRunsIn() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("nested-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();

            assertThrows(
                    UserSessionConflictException.class,
                    () -> sessions.runIn(session, () -> {
                        counter.increment();
                        sessions.runIn(session, counter::increment); // stored first, at once
                    }),
                    "the outer write is the conflict (as before): no deadlock, no wait");

            assertEquals(1, sessions.callIn(session, counter::count));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
