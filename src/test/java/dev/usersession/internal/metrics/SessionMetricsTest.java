package dev.usersession.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.EndReason;
import dev.usersession.UserSessionConflictException;
import dev.usersession.UserSessions;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.ExpiredSessionCleanup;
import dev.usersession.internal.operations.ActiveSessionCount;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.MovableClock;
import dev.usersession.testing.Settings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The library's metrics reach the server's Micrometer registry, and an application without one works as before. */
class SessionMetricsTest {

    /** What WildFly's micrometer subsystem does for an application: a MeterRegistry bean. */
    @ApplicationScoped
    public static class Registry {
        static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

        @Produces
        MeterRegistry registry() {
            return REGISTRY;
        }
    }

    @AfterEach
    void reset() {
        MovableClock.reset();
        Registry.REGISTRY.clear();
    }

    @Test
    void loginsEndsStoreStateConflictsCleanupAndActiveSessionsAreMeasured() throws Exception {
        try (SeContainer container = Containers.boot(Registry.class, Counter.class, MovableClock.class)) {
            MeterRegistry registry = Registry.REGISTRY;
            UserSessions sessions = container.select(UserSessions.class).get();
            AuditTrail audit = container.select(AuditTrail.class).get();
            Counter counter = container.select(Counter.class).get();
            String user = "metered-" + System.nanoTime();

            audit.record(AuditEvent.Type.LOGIN_FAILED, user, "", "");
            audit.record(AuditEvent.Type.LOGIN_FAILED, user, "", "");
            audit.record(AuditEvent.Type.LOGIN_THROTTLED, user, "", "");
            audit.record(AuditEvent.Type.LOGIN_SUCCEEDED, user, "", "password");
            audit.record(AuditEvent.Type.PASSWORD_CHANGED, user, "", "");
            assertEquals(2, count(registry, "usersession.logins", "outcome", "failed"));
            assertEquals(1, count(registry, "usersession.logins", "outcome", "throttled"));
            assertEquals(1, count(registry, "usersession.logins", "outcome", "succeeded"));
            assertEquals(0, count(registry, "usersession.logins", "outcome", "second_factor_pending"));

            String session = sessions.open(user, Set.of(), "test").session().id();
            sessions.runIn(session, counter::increment);
            assertEquals(
                    1,
                    registry.get("usersession.state.bytes")
                            .tag("bean", Counter.class.getName())
                            .summary()
                            .count());
            assertTrue(registry.get("usersession.state.bytes").summary().totalAmount() > 0);
            assertTrue(registry.get("usersession.store")
                            .tag("operation", "write")
                            .timer()
                            .count()
                    >= 1);
            assertTrue(registry.get("usersession.store")
                            .tag("operation", "read")
                            .timer()
                            .count()
                    >= 1);

            double conflicts = conflictsOfParallelIncrements(sessions, counter, session);
            assertEquals(conflicts, count(registry, "usersession.conflicts", null, null));

            ActiveSessionCount active =
                    container.select(ActiveSessionCount.class).get();
            active.refresh();
            long live = container.select(UserSessionStore.class).get().countLive(Instant.now());
            assertEquals(live, gauge(registry));
            sessions.open(user, Set.of(), "second");
            assertEquals(live + 1, gauge(registry), "this node's logins move the gauge between counts");
            sessions.end(session, EndReason.LOGOUT);
            assertEquals(live, gauge(registry));
            assertEquals(1, count(registry, "usersession.sessions.ended", "reason", "logout"));

            MovableClock.advance(Duration.ofDays(2));
            int removed = container.select(ExpiredSessionCleanup.class).get().removeExpired(1);
            assertTrue(removed >= 1);
            assertEquals(removed, count(registry, "usersession.cleanup.removed", null, null));
            assertEquals(1, registry.get("usersession.cleanup").timer().count());
            assertEquals(removed, count(registry, "usersession.sessions.ended", "reason", "expired"));

            for (Meter meter : registry.getMeters()) {
                for (var tag : meter.getId().getTags()) {
                    assertFalse(tag.getValue().contains(user), "no user name as a label: " + meter.getId());
                }
            }
        }
        assertTrue(Registry.REGISTRY.getMeters().isEmpty(), "the meters leave with the application");
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void noMetricsApiOrMetricsSwitchedOffRecordsNothingAndChangesNothing() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            assertFalse(container.select(SessionMetrics.class).get().enabled());
            UserSessions sessions = container.select(UserSessions.class).get();
            String session = sessions.open("plain-" + System.nanoTime(), Set.of(), "test")
                    .session()
                    .id();
            sessions.runIn(session, container.select(Counter.class).get()::increment);
            assertEquals(
                    1, sessions.callIn(session, container.select(Counter.class).get()::count));
        }
        try (Settings off = Settings.of("usersession.metrics", "none");
                SeContainer container = Containers.boot(Registry.class, Counter.class)) {
            assertFalse(container.select(SessionMetrics.class).get().enabled());
            assertTrue(Registry.REGISTRY.getMeters().isEmpty());
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void askingForAnApiTheServerDoesNotGiveFailsTheDeployment() {
        try (Settings micrometer = Settings.of("usersession.metrics", "micrometer")) {
            Exception failed = assertThrows(
                    Exception.class, () -> Containers.boot(Counter.class).close());
            assertTrue(
                    String.valueOf(failed.getMessage()).contains("usersession.metrics=micrometer")
                            || String.valueOf(failed.getCause()).contains("usersession.metrics=micrometer"),
                    failed::toString);
        }
    }

    private static double conflictsOfParallelIncrements(UserSessions sessions, Counter counter, String session)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        int[] conflicts = new int[1];
        Future<?>[] workers = new Future<?>[4];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = pool.submit(() -> {
                start.await();
                int mine = 0;
                for (int i = 0; i < 40; i++) {
                    try {
                        sessions.runIn(session, counter::increment);
                    } catch (UserSessionConflictException e) {
                        mine++;
                    }
                }
                synchronized (conflicts) {
                    conflicts[0] += mine;
                }
                return null;
            });
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return conflicts[0];
    }

    private static double count(MeterRegistry registry, String name, String tag, String value) {
        var search = registry.find(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        var counter = search.counter();
        assertNotNull(counter, name + " " + tag + "=" + value);
        return counter.count();
    }

    private static double gauge(MeterRegistry registry) {
        return registry.get("usersession.sessions.active").gauge().value();
    }
}
