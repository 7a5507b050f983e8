package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.EndReason;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import dev.usersession.testing.SessionEvents;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every session's end events fire exactly once, in order, whoever ends it and however many end it at once: a
 * logout, an administrator, the clean-up job of several nodes, a request that finds it expired. The threads share a
 * real database (H2, or PostgreSQL and MariaDB with {@code -Pdatabases}) as nodes would.
 */
class SessionEndsOnceTest {

    private static final int SESSIONS = 30;
    private static final int ENDERS = 6;

    @Test
    void concurrentEndsAndCleanUpsFireEachEndEventOncePerSession() throws Exception {
        try (SeContainer container = Containers.boot(SessionEvents.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            ExpiredSessionCleanup cleanup =
                    container.select(ExpiredSessionCleanup.class).get();
            SessionEvents events = container.select(SessionEvents.class).get();
            String prefix = "once-" + System.nanoTime() + "-";
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                ids.add(sessions.open(prefix + i, Set.of(), "test").session().id());
                if (i % 2 == 0) {
                    TestDatabase.update("update user_session set idle_expiry = created where id = ?", ids.get(i));
                }
            }

            ExecutorService pool = Executors.newFixedThreadPool(ENDERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> enders = new ArrayList<>();
            for (int t = 0; t < ENDERS; t++) {
                int thread = t;
                enders.add(pool.submit(() -> {
                    start.await();
                    List<String> order = new ArrayList<>(ids);
                    Collections.shuffle(order);
                    for (String id : order) {
                        switch (thread % 3) {
                            case 0 -> cleanup.removeExpired(1.0);
                            case 1 -> sessions.find(id);
                            default -> sessions.end(id, EndReason.REVOKED);
                        }
                        if (thread % 3 != 2) {
                            sessions.end(id, EndReason.LOGOUT);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> ender : enders) {
                ender.get();
            }
            pool.shutdown();

            Map<String, List<String>> byUser = events.seen().stream()
                    .filter(event -> event.contains(prefix))
                    .collect(Collectors.groupingBy(
                            event -> event.substring(event.indexOf(prefix)).split(" ")[0],
                            TreeMap::new,
                            Collectors.toList()));
            assertEquals(SESSIONS, byUser.size());
            byUser.forEach((user, seen) -> {
                List<String> kinds =
                        seen.stream().map(event -> event.split(" ")[0]).toList();
                assertEquals(
                        List.of("initialized", "beforeDestroyed", "ended", "destroyed"), kinds, user + ": " + seen);
            });
            assertEquals(
                    0,
                    sessions.listFor(prefix + "0").size()
                            + sessions.listFor(prefix + "1").size());
        }
    }

    @Test
    void theCleanUpFiresBeforeDestroyedToo() {
        try (SeContainer container = Containers.boot(SessionEvents.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionEvents events = container.select(SessionEvents.class).get();
            String user = "expiring-" + System.nanoTime();
            String id = sessions.open(user, Set.of(), "test").session().id();
            TestDatabase.update("update user_session set idle_expiry = created where id = ?", id);

            container.select(ExpiredSessionCleanup.class).get().removeExpired(1.0);

            assertEquals(
                    List.of(
                            "initialized " + user,
                            "beforeDestroyed " + user,
                            "ended " + user + " EXPIRED",
                            "destroyed " + user),
                    events.seen().stream().filter(event -> event.contains(user)).toList());
        }
    }

    @Test
    void aReLoginRenewsTheSessionWithoutEndingItAndARenewalOfAnEndedSessionEndsNothingTwice() {
        try (SeContainer container = Containers.boot(SessionEvents.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionEvents events = container.select(SessionEvents.class).get();
            String user = "renewing-" + System.nanoTime();
            String first = sessions.open(user, Set.of(), "test").session().id();
            String second =
                    sessions.renew(first, user, Set.of(), "test").session().id();
            sessions.end(second, EndReason.LOGOUT);
            sessions.renew(second, user, Set.of(), "test");

            assertEquals(
                    List.of(
                            "initialized " + user,
                            "beforeDestroyed " + user,
                            "ended " + user + " RENEWED",
                            "destroyed " + user,
                            "initialized " + user,
                            "beforeDestroyed " + user,
                            "ended " + user + " LOGOUT",
                            "destroyed " + user,
                            "initialized " + user),
                    events.seen().stream().filter(event -> event.contains(user)).toList(),
                    "the renewal of an ended session is a new session: nothing ends twice");
        }
    }
}
