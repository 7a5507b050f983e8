package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessions;
import dev.usersession.auth.SessionLimitReachedException;
import dev.usersession.testing.Containers;
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

/** The cap on sessions per user holds when one user's logins come at the same moment. */
class SessionCapTest {

    private static final int LIMIT = 3;
    private static final int LOGINS = 12;

    @Test
    @SuppressWarnings("try") // the settings hold for the block: the resource is never referenced
    void parallelLoginsEndingTheOldestLeaveExactlyTheLimit() throws Exception {
        try (Settings settings = Settings.of(
                        "usersession.max-sessions-per-user",
                        String.valueOf(LIMIT),
                        "usersession.on-max-sessions",
                        "end-oldest");
                SeContainer container = Containers.boot()) {
            UserSessions sessions = container.select(UserSessions.class).get();
            String user = "racer-" + System.nanoTime();
            List<String> opened = openInParallel(sessions, user);

            assertEquals(LIMIT, sessions.listFor(user).size());
            assertTrue(opened.size() >= LIMIT, opened.size() + " logins succeeded");
            sessions.open(user, Set.of(), "one more");
            assertEquals(LIMIT, sessions.listFor(user).size());
        }
    }

    @Test
    @SuppressWarnings("try") // the settings hold for the block: the resource is never referenced
    void parallelLoginsRefusedAtTheLimitNeverExceedIt() throws Exception {
        try (Settings settings = Settings.of(
                        "usersession.max-sessions-per-user",
                        String.valueOf(LIMIT),
                        "usersession.on-max-sessions",
                        "refuse");
                SeContainer container = Containers.boot()) {
            UserSessions sessions = container.select(UserSessions.class).get();
            String user = "racer-" + System.nanoTime();
            List<String> opened = openInParallel(sessions, user);

            int live = sessions.listFor(user).size();
            assertTrue(live <= LIMIT, live + " live sessions");
            assertEquals(opened.size(), live, "every login that succeeded has its session");
            while (sessions.listFor(user).size() < LIMIT) {
                sessions.open(user, Set.of(), "filling up");
            }
            assertThrows(SessionLimitReachedException.class, () -> sessions.open(user, Set.of(), "one too many"));
            assertEquals(LIMIT, sessions.listFor(user).size());
        }
    }

    /** @return the ids of the sessions whose login succeeded */
    private static List<String> openInParallel(UserSessions sessions, String user) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(LOGINS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> logins = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                String client = "device " + i;
                logins.add(threads.submit(() -> {
                    start.await();
                    try {
                        return sessions.open(user, Set.of("customer"), client)
                                .session()
                                .id();
                    } catch (SessionLimitReachedException refused) {
                        return null;
                    }
                }));
            }
            start.countDown();
            List<String> opened = new ArrayList<>();
            for (Future<String> login : logins) {
                String id = login.get(60, TimeUnit.SECONDS);
                if (id != null) {
                    opened.add(id);
                }
            }
            return opened;
        } finally {
            threads.shutdownNow();
        }
    }
}
