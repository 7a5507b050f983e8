package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many units of work of one session change one bean at once: no update may be lost silently. */
class ConcurrentUpdateTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 500;

    @Test
    void storedCountEqualsIncrementsThatDidNotConflict() throws Exception {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String session = sessions.open("racer-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();

            AtomicInteger succeeded = new AtomicInteger();
            AtomicInteger conflicted = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        try {
                            sessions.runIn(session, counter::increment);
                            succeeded.incrementAndGet();
                        } catch (UserSessionConflictException e) {
                            conflicted.incrementAndGet();
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
            assertEquals(THREADS * INCREMENTS_PER_THREAD, succeeded.get() + conflicted.get());
            assertEquals(
                    succeeded.get(),
                    sessions.callIn(session, counter::count),
                    "stored count vs successful increments (" + conflicted.get() + " conflicts)");
            assertTrue(succeeded.get() > 0);
            System.out.printf(
                    "ConcurrentUpdateTest: %d increments stored, %d conflicts, 0 lost%n",
                    succeeded.get(), conflicted.get());
        }
    }
}
