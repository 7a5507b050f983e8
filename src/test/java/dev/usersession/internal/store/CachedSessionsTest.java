package dev.usersession.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.usersession.UserSessions;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.CountingDriver;
import dev.usersession.testing.Settings;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-node cache of session rows on the unit suite's database: a cached session is read without a statement, and
 * a change made by another connection, as another node would, reaches the cache within the revocation bound: on
 * PostgreSQL through its change log, read when {@code NOTIFY} wakes the node and every quarter of the bound
 * ({@code usersession.cache=auto}), also when the listening connection is killed;
 * on H2 and MariaDB through the polled change log ({@code usersession.cache=on}).
 */
class CachedSessionsTest {

    private static final boolean PUSHED = "postgresql".equals(TestDatabase.KIND);
    /** Long enough that a slow read of the change log on a busy 2-core machine does not empty the cache mid-test. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    private Settings settings;
    private SeContainer container;
    private UserSessionStore store;
    private String session;

    @BeforeEach
    void boot() {
        TestDatabase.installChangeLog();
        settings = Settings.of(
                "usersession.cache", PUSHED ? "auto" : "on", "usersession.cache.revocation-bound", BOUND.toString());
        container = Containers.boot(Counter.class);
        store = container.select(UserSessionStore.class).get();
        session = container
                .select(UserSessions.class)
                .get()
                .open("cached-" + System.nanoTime(), Set.of("buyer"), "test")
                .session()
                .id();
    }

    @AfterEach
    void shutDown() {
        container.close();
        settings.close();
    }

    private int statementsOfFind() {
        CountingDriver.clear();
        store.find(session);
        return CountingDriver.executed().size();
    }

    /**
     * Returns once a read of the session runs no statement twice, 300 ms apart (the channel proved itself, the row
     * is cached, and the announcements of the test's earlier changes, which a poll brings up to 100 ms later, are
     * past).
     */
    private void awaitCached() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int cachedReads = 0;
        while (cachedReads < 2) {
            if (System.nanoTime() > deadline) {
                fail("the session was still read from the database after 10 s");
            }
            if (statementsOfFind() == 0) {
                cachedReads++;
                Thread.sleep(300);
            } else {
                cachedReads = 0;
                Thread.sleep(20);
            }
        }
    }

    /** @return how long until a read of the session satisfied {@code seen} */
    private Duration awaitRead(Predicate<Optional<SessionRecord>> seen) throws InterruptedException {
        long started = System.nanoTime();
        while (!seen.test(store.find(session))) {
            if (System.nanoTime() - started > Duration.ofSeconds(10).toNanos()) {
                fail("the change was not seen after 10 s");
            }
            Thread.sleep(1);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void aCachedSessionIsReadWithoutAStatement() throws Exception {
        awaitCached();
        assertEquals(0, statementsOfFind());
    }

    /**
     * The statement budget with the cache: a unit of work that reads beans of a cached session runs no statement;
     * one that changes one bean runs only its write (on PostgreSQL and MariaDB one statement, on H2 two). On
     * PostgreSQL the node keeps its own change (the row version the log gives the change is the one it expected),
     * so the units of work after it still read nothing.
     */
    @Test
    void aCachedSessionsReadRunsNoStatementAndAChangeOnlyItsWrite() throws Exception {
        UserSessions sessions = container.select(UserSessions.class).get();
        Counter counter = container.select(Counter.class).get();
        sessions.runIn(session, counter::increment); // the bean's row is inserted
        sessions.runIn(session, counter::increment); // the store learns whether one statement can write it
        awaitCached();

        CountingDriver.clear();
        assertEquals(2, sessions.callIn(session, counter::count));
        assertEquals(List.of(), CountingDriver.executed(), "a read of a cached session");

        CountingDriver.clear();
        sessions.runIn(session, counter::increment);
        assertEquals(
                "h2".equals(TestDatabase.KIND) ? 2 : 1,
                CountingDriver.executed().size(),
                () -> "a change of one bean: " + CountingDriver.executed());

        if (PUSHED) {
            Thread.sleep(700); // the node reads its own change in the log meanwhile (every 500 ms)
            CountingDriver.clear();
            assertEquals(3, sessions.callIn(session, counter::count));
            sessions.runIn(session, counter::increment);
            assertEquals(
                    1,
                    CountingDriver.executed().size(),
                    () -> "the node kept its own change: the next read and change run only the change: "
                            + CountingDriver.executed());
        }
    }

    /** Where the database cannot push, the cache (and its polling) is on only with {@code usersession.cache=on}. */
    @Test
    void withoutPushAutoLeavesTheCacheOff() throws Exception {
        if (PUSHED) {
            return; // auto is on here: every other test of this class
        }
        container.close();
        settings.close();
        settings = Settings.of("usersession.cache", "auto");
        container = Containers.boot();
        store = container.select(UserSessionStore.class).get();
        store.find(session);
        Thread.sleep(BOUND.toMillis());
        assertEquals(1, statementsOfFind(), "usersession.cache=auto reads every time on " + TestDatabase.KIND);
    }

    @Test
    void aSessionEndedByAnotherNodeIsRefusedWithinTheBound() throws Exception {
        awaitCached();
        TestDatabase.update("DELETE FROM user_session WHERE id = ?", session);

        Duration seenAfter = awaitRead(Optional::isEmpty);
        assertTrue(seenAfter.compareTo(BOUND) <= 0, "seen after " + seenAfter);
    }

    @Test
    void aChangeByAnotherNodeReachesTheCacheWithinTheBound() throws Exception {
        awaitCached();
        TestDatabase.update("UPDATE user_session SET user_groups = ? WHERE id = ?", "admin", session);

        Duration seenAfter = awaitRead(read -> read.orElseThrow().groups().equals(Set.of("admin")));
        assertTrue(seenAfter.compareTo(BOUND) <= 0, "seen after " + seenAfter);
    }

    @Test
    void whenTheListeningConnectionIsKilledNoChangeIsMissed() throws Exception {
        if (!PUSHED) {
            return;
        }
        awaitCached();
        killListener();
        TestDatabase.update("DELETE FROM user_session WHERE id = ?", session);

        Duration seenAfter = awaitRead(Optional::isEmpty);
        assertTrue(seenAfter.compareTo(BOUND) <= 0, "seen after " + seenAfter);
    }

    @Test
    void afterTheListeningConnectionWasKilledTheCacheServesAgain() throws Exception {
        if (!PUSHED) {
            return;
        }
        awaitCached();
        killListener();

        awaitCached();
        TestDatabase.update("UPDATE user_session SET user_groups = ? WHERE id = ?", "admin", session);
        Duration seenAfter = awaitRead(read -> read.orElseThrow().groups().equals(Set.of("admin")));
        assertTrue(seenAfter.compareTo(BOUND) <= 0, "seen after " + seenAfter);
    }

    /** Kills the server process of the connection the node listens on, as an operator or a failover would. */
    private static void killListener() {
        Object killed = TestDatabase.queryValue("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = 'usersession listener' AND pid <> pg_backend_pid()");
        assertTrue(((Number) killed).longValue() >= 1, "a listening connection was killed");
    }
}
