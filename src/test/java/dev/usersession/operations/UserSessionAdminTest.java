package dev.usersession.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.AccessDeniedException;
import dev.usersession.AuditEvent;
import dev.usersession.NotLoggedInException;
import dev.usersession.SessionPage;
import dev.usersession.SessionQuery;
import dev.usersession.UserSessionAdmin;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Credentials;
import dev.usersession.testing.MovableClock;
import dev.usersession.testing.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The administration API: keyset pages over live sessions, filters, the redacted state view, ends, the guard. */
class UserSessionAdminTest {

    /** An application's audit observer. */
    @ApplicationScoped
    public static class Audit {
        private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        void seen(@Observes AuditEvent event) {
            events.add(event);
        }

        List<AuditEvent> events() {
            return List.copyOf(events);
        }
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void pagesWalkEveryLiveSessionOnceNewestFirstWhatever() {
        try (SeContainer container = Containers.boot(MovableClock.class, Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            String run = "p" + System.nanoTime() + "-";
            Set<String> opened = new HashSet<>();
            for (int i = 0; i < 73; i++) {
                opened.add(sessions.open(run + (i % 7), Set.of("customer"), "agent " + i).session().id());
                if (i % 10 == 0) {
                    MovableClock.advance(Duration.ofSeconds(1)); // several sessions share a creation time
                }
            }
            String adminSession = sessions.open(run + "admin", Set.of("usersession-admin"), "console").session().id();

            List<UserSessionInfo> walked = new ArrayList<>();
            SessionQuery query = SessionQuery.all().withUserNamePrefix(run).withLimit(10);
            int pages = 0;
            while (true) {
                SessionQuery current = query;
                SessionPage page = sessions.callIn(adminSession, () -> admin.find(current));
                walked.addAll(page.sessions());
                pages++;
                // a session that starts between two pages never shifts the pages still to walk
                MovableClock.advance(Duration.ofSeconds(1));
                sessions.open(run + "late", Set.of(), "late");
                if (page.next().isEmpty()) {
                    break;
                }
                query = query.after(page.next().get());
            }
            List<String> ids = walked.stream().map(UserSessionInfo::id).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no session twice");
            assertTrue(ids.containsAll(opened), "every session once");
            assertEquals(74, ids.size(), "73 sessions and the administrator's, none of the late ones");
            assertEquals(8, pages);
            for (int i = 1; i < walked.size(); i++) {
                assertFalse(walked.get(i).created().isAfter(walked.get(i - 1).created()), "newest first");
            }
        }
    }

    @Test
    void filtersByUserNamePrefixClientAndAgeAndRefusesForeignCursors() {
        try (Settings settings = Settings.of("usersession.idle-timeout", "PT8H");
                SeContainer container = Containers.boot(MovableClock.class, Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            String run = "f" + System.nanoTime();
            String old = sessions.open(run + "-alice", Set.of(), "Firefox from 10.0.0.1").session().id();
            MovableClock.advance(Duration.ofHours(2));
            String recent = sessions.open(run + "-alice", Set.of(), "Chromium from 10.0.0.2").session().id();
            String other = sessions.open(run + "-bob", Set.of(), "FIREFOX from 10.0.0.3").session().id();
            sessions.open(run + "_percent", Set.of(), "Firefox"); // '_' is no wildcard
            String adminSession = sessions.open(run + "-root", Set.of("usersession-admin"), "console").session().id();
            Supplier<SessionQuery> base = () -> SessionQuery.all().withUserNamePrefix(run + "-");

            assertEquals(List.of(other, recent, old), ids(sessions, adminSession, admin,
                    base.get().withClientContaining("from 10.0.0.")));
            assertEquals(List.of(recent, old), ids(sessions, adminSession, admin,
                    SessionQuery.all().withUserNamePrefix(run + "-al")));
            assertEquals(List.of(other, old), ids(sessions, adminSession, admin,
                    base.get().withClientContaining("firefox")));
            assertEquals(List.of(old), ids(sessions, adminSession, admin, base.get().withOlderThan(Duration.ofHours(1))));
            assertEquals(List.of(), ids(sessions, adminSession, admin, SessionQuery.all().withUserNamePrefix(run + "%")));
            assertThrows(IllegalArgumentException.class, () -> sessions.runIn(adminSession,
                    () -> admin.find(SessionQuery.all().after("not-a-cursor"))));
            assertThrows(IllegalArgumentException.class, () -> SessionQuery.all().withLimit(501));
        }
    }

    @Test
    void onlyTheAdminGroupMayAdministerAndItsLooksAndEndsAreAudited() {
        try (SeContainer container = Containers.boot(MovableClock.class, Credentials.class, Audit.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            Audit audit = container.select(Audit.class).get();
            String run = "g" + System.nanoTime();
            String victim = sessions.open(run + "-carol", Set.of("customer"), "phone").session().id();
            String second = sessions.open(run + "-carol", Set.of("customer"), "laptop").session().id();
            sessions.runIn(victim, () -> container.select(Credentials.class).get().set("Carol", "tok-123-secret"));
            String customer = sessions.open(run + "-dave", Set.of("customer"), "browser").session().id();
            String root = sessions.open(run + "-root", Set.of("usersession-admin"), "console").session().id();

            assertThrows(NotLoggedInException.class, () -> admin.find(SessionQuery.all()));
            assertThrows(AccessDeniedException.class, () -> sessions.runIn(customer, () -> admin.end(victim)));
            assertTrue(sessions.find(victim).isPresent(), "a refused end ends nothing");

            Map<String, JsonValue> state = sessions.callIn(root, () -> admin.storedState(victim)).orElseThrow();
            String stored = state.get(Credentials.class.getName()).toString();
            assertTrue(stored.contains("\"displayName\":\"Carol\""), stored);
            assertTrue(stored.contains("\"apiToken\":\"[redacted]\""), stored);
            assertFalse(stored.contains("tok-123"), stored);

            assertTrue(sessions.callIn(root, () -> admin.end(victim)));
            assertFalse(sessions.callIn(root, () -> admin.end(victim)), "ended once");
            assertTrue(sessions.find(victim).isEmpty());
            assertEquals(1, sessions.callIn(root, () -> admin.endAllFor(run + "-carol")));
            assertTrue(sessions.find(second).isEmpty());

            List<AuditEvent> mine = audit.events().stream().filter(event -> event.actor().equals(run + "-root")).toList();
            assertEquals(List.of(AuditEvent.Type.ADMIN_VIEWED_STATE, AuditEvent.Type.ADMIN_ENDED_SESSION,
                    AuditEvent.Type.ADMIN_ENDED_USER_SESSIONS), mine.stream().map(AuditEvent::type).toList());
            assertEquals(victim, mine.get(0).sessionId());
            assertEquals(run + "-carol", mine.get(2).userName());
            assertEquals("1", mine.get(2).detail());
        }
    }

    private static List<String> ids(UserSessions sessions, String adminSession, UserSessionAdmin admin,
            SessionQuery query) {
        return sessions.callIn(adminSession, () -> admin.find(query)).sessions().stream().map(UserSessionInfo::id)
                .toList();
    }
}
