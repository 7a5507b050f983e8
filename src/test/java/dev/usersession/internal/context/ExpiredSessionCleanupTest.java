package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessions;
import dev.usersession.spi.SessionRecord;
import dev.usersession.spi.UserSessionStore;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpiredSessionCleanupTest {

    @Test
    void twoNodesCleaningAtOnceRemoveEveryExpiredSessionAndNoLiveOne() throws Exception {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Counter counter = container.select(Counter.class).get();
            String user = "cleanup-" + System.nanoTime();
            String first = sessions.open(user, Set.of(), "test").session().id();
            sessions.runIn(first, counter::increment);
            List<String> copies = new ArrayList<>();
            for (int i = 1; i < 1_300; i++) {
                copies.add(SessionTokens.hash(SessionTokens.newToken()));
            }
            TestDatabase.copySession(first, copies); // 1,300 sessions with a bean each, without 2,600 transactions
            List<String> live = new ArrayList<>();
            live.add(first);
            for (int i = 10; i < copies.size(); i += 10) {
                live.add(copies.get(i));
            }
            TestDatabase.update(
                    "update user_session set idle_expiry = created where user_name = ? and id not in ("
                            + String.join(
                                    ",", live.stream().map(id -> "'" + id + "'").toList()) + ")",
                    user);

            ExpiredSessionCleanup cleanup =
                    container.select(ExpiredSessionCleanup.class).get();
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            List<Future<Integer>> runs =
                    List.of(nodes.submit(() -> cleanup.removeExpired()), nodes.submit(() -> cleanup.removeExpired()));
            int removed = 0;
            for (Future<Integer> run : runs) {
                removed += run.get(2, TimeUnit.MINUTES);
            }
            nodes.shutdown();

            assertTrue(removed >= 1_300 - live.size(), "removed " + removed);
            assertEquals(live.size(), count("select count(*) from user_session where user_name = ?", user));
            assertEquals(
                    live.size(),
                    count(
                            "select count(*) from user_session_bean b join user_session s "
                                    + "on s.id = b.session_id where s.user_name = ?",
                            user));
            assertEquals(
                    0,
                    count("select count(*) from user_session_bean b where not exists "
                            + "(select 1 from user_session s where s.id = b.session_id)"));
        }
    }

    @Test
    void aBatchStartsAfterTheLastSessionTheBatchBeforeRemoved() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionStore store = container.select(UserSessionStore.class).get();
            String user = "cleanup-cursor-" + System.nanoTime();
            List<String> opened = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                opened.add(sessions.open(user, Set.of(), "test").session().id());
            }
            TestDatabase.update("update user_session set idle_expiry = created where user_name = ?", user);
            List<String> ids = opened.stream()
                    .sorted(Comparator.comparing(id -> position(id, user)))
                    .toList();

            List<SessionRecord> removed = store.deleteExpired(Instant.now(), ids.get(1), 2, session -> {});

            assertEquals(
                    ids.subList(2, 4),
                    removed.stream().map(SessionRecord::id).toList(),
                    "the next two after the given id, in the database's id order");
            assertEquals(3, count("select count(*) from user_session where user_name = ?", user));
        }
    }

    /** @return where the database's own order of ids puts this one among the user's sessions */
    private static long position(String id, String user) {
        return count("select count(*) from user_session where user_name = ? and id < ?", user, id);
    }

    @Test
    void aDutyCycleOutsideZeroToOneIsRefused() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            ExpiredSessionCleanup cleanup =
                    container.select(ExpiredSessionCleanup.class).get();
            assertThrows(IllegalArgumentException.class, () -> cleanup.removeExpired(0));
            assertThrows(IllegalArgumentException.class, () -> cleanup.removeExpired(1.5));
        }
    }

    @Test
    void eachRepositoryDeletesItsOwnExpiredRowsAndKeepsTheLiveOnes() {
        try (SeContainer container = Containers.boot(Counter.class)) {
            String user = "cleanup-rows-" + System.nanoTime();
            Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
            Timestamp future = Timestamp.from(Instant.now().plus(Duration.ofDays(3)));
            for (Timestamp expires : List.of(past, future)) {
                String id = user + (expires == past ? "-old" : "-new");
                TestDatabase.update(
                        "insert into login_device (id, user_name, created, expires) values (?, ?, ?, ?)",
                        id,
                        user,
                        past,
                        expires);
                TestDatabase.update(
                        "insert into login_challenge (id, purpose, user_name, created, expires) "
                                + "values (?, 'SECOND_FACTOR', ?, ?, ?)",
                        id,
                        user,
                        past,
                        expires);
                TestDatabase.update(
                        "insert into remember_me (series, token_hash, user_name, created, expires) "
                                + "values (?, 'hash', ?, ?, ?)",
                        id,
                        user,
                        past,
                        expires);
                TestDatabase.update(
                        "insert into login_attempts (subject, attempts, window_start, updated) "
                                + "values (?, 1, ?, ?)",
                        id,
                        past,
                        expires == past ? past : Timestamp.from(Instant.now()));
            }

            int removed = container.select(ExpiredSessionCleanup.class).get().removeExpiredRows();

            assertTrue(removed >= 4, "removed " + removed);
            for (String table : List.of(
                    "login_device where id",
                    "login_challenge where id",
                    "remember_me where series",
                    "login_attempts where subject")) {
                assertEquals(0, count("select count(*) from " + table + " = ?", user + "-old"), table);
                assertEquals(1, count("select count(*) from " + table + " = ?", user + "-new"), table);
            }
        }
    }

    private static long count(String sql, Object... parameters) {
        return ((Number) TestDatabase.queryValue(sql, parameters)).longValue();
    }
}
