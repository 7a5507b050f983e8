package dev.usersession.internal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import dev.usersession.admin.AuditEvent;
import dev.usersession.admin.SessionPage;
import dev.usersession.admin.SessionQuery;
import dev.usersession.admin.UserSessionAdmin;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.OneTimeCodeEnrollment;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.auth.UserAccounts;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Credentials;
import dev.usersession.testing.MovableClock;
import dev.usersession.testing.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The administration API: keyset pages over live sessions, filters, the state view (only fields marked viewable), ends,
 * and the guard (the identity store's current groups, a recent proof, a second factor where the administrator has
 * one).
 */
class UserSessionAdminTest {

    private static final String PASSWORD = "an administrator's password";
    private static final String ADMIN = "usersession-admin";

    /** An application's identity store that gives groups and fails for some callers. */
    @ApplicationScoped
    public static class FailingGroupsStore implements IdentityStore {
        @Override
        public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
            if (validationResult.getCallerPrincipal().getName().startsWith("broken-")) {
                throw new IllegalStateException("the directory is down");
            }
            return Set.of();
        }

        @Override
        public Set<ValidationType> validationTypes() {
            return EnumSet.of(ValidationType.PROVIDE_GROUPS);
        }
    }

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
                opened.add(sessions.open(run + (i % 7), Set.of("customer"), "agent " + i)
                        .session()
                        .id());
                if (i % 10 == 0) {
                    MovableClock.advance(Duration.ofSeconds(1)); // several sessions share a creation time
                }
            }
            String adminSession = administrator(container, run + "admin");

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

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void filtersByUserNamePrefixClientAndAgeAndRefusesForeignCursors() {
        try (Settings settings = Settings.of("usersession.idle-timeout", "PT8H");
                SeContainer container = Containers.boot(MovableClock.class, Counter.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            String run = "f" + System.nanoTime();
            String old = sessions.open(run + "-alice", Set.of(), "Firefox from 10.0.0.1")
                    .session()
                    .id();
            MovableClock.advance(Duration.ofHours(2));
            String recent = sessions.open(run + "-alice", Set.of(), "Chromium from 10.0.0.2")
                    .session()
                    .id();
            String other = sessions.open(run + "-bob", Set.of(), "FIREFOX from 10.0.0.3")
                    .session()
                    .id();
            sessions.open(run + "_percent", Set.of(), "Firefox"); // '_' is no wildcard
            String adminSession = administrator(container, run + "-root");
            Supplier<SessionQuery> base = () -> SessionQuery.all().withUserNamePrefix(run + "-");

            assertEquals(
                    List.of(other, recent, old),
                    ids(sessions, adminSession, admin, base.get().withClientContaining("from 10.0.0.")));
            assertEquals(
                    List.of(recent, old),
                    ids(sessions, adminSession, admin, SessionQuery.all().withUserNamePrefix(run + "-al")));
            assertEquals(
                    List.of(other, old),
                    ids(sessions, adminSession, admin, base.get().withClientContaining("firefox")));
            assertEquals(
                    List.of(old), ids(sessions, adminSession, admin, base.get().withOlderThan(Duration.ofHours(1))));
            assertEquals(
                    List.of(),
                    ids(sessions, adminSession, admin, SessionQuery.all().withUserNamePrefix(run + "%")));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> sessions.runIn(
                            adminSession, () -> admin.find(SessionQuery.all().after("not-a-cursor"))));
            assertThrows(
                    IllegalArgumentException.class, () -> SessionQuery.all().withLimit(501));
        }
    }

    @Test
    void onlyTheAdminGroupMayAdministerAndItsLooksAndEndsAreAuditedAndTheViewShowsMarkedFieldsOnly() {
        try (SeContainer container = Containers.boot(MovableClock.class, Credentials.class, Audit.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            Audit audit = container.select(Audit.class).get();
            String run = "g" + System.nanoTime();
            String victim = sessions.open(run + "-carol", Set.of("customer"), "phone")
                    .session()
                    .id();
            String second = sessions.open(run + "-carol", Set.of("customer"), "laptop")
                    .session()
                    .id();
            sessions.runIn(
                    victim, () -> container.select(Credentials.class).get().set("Carol", "tok-123-secret"));
            String customer = sessions.open(run + "-dave", Set.of("customer"), "browser")
                    .session()
                    .id();
            String root = administrator(container, run + "-root");

            assertThrows(NotLoggedInException.class, () -> admin.find(SessionQuery.all()));
            assertThrows(AccessDeniedException.class, () -> sessions.runIn(customer, () -> admin.end(victim)));
            assertTrue(sessions.find(victim).isPresent(), "a refused end ends nothing");

            Map<String, JsonValue> state =
                    sessions.callIn(root, () -> admin.storedState(victim)).orElseThrow();
            assertEquals(
                    "{\"shown\":{\"displayName\":\"Carol\"},\"hidden\":{\"apiToken\":16}}",
                    state.get(Credentials.class.getName()).toString(),
                    "a field not marked shows its size only");

            assertTrue(sessions.callIn(root, () -> admin.end(victim)));
            assertFalse(sessions.callIn(root, () -> admin.end(victim)), "ended once");
            assertTrue(sessions.find(victim).isEmpty());
            assertEquals(1, sessions.callIn(root, () -> admin.endAllFor(run + "-carol")));
            assertTrue(sessions.find(second).isEmpty());

            List<AuditEvent> mine = audit.events().stream()
                    .filter(event -> event.actor().equals(run + "-root"))
                    .toList();
            assertEquals(
                    List.of(
                            AuditEvent.Type.ADMIN_VIEWED_STATE,
                            AuditEvent.Type.ADMIN_ENDED_SESSION,
                            AuditEvent.Type.ADMIN_ENDED_USER_SESSIONS),
                    mine.stream().map(AuditEvent::type).toList());
            assertEquals(victim, mine.get(0).sessionId());
            assertEquals(run + "-carol", mine.get(2).userName());
            assertEquals("1", mine.get(2).detail());
        }
    }

    @Test
    void anAdministratorNeedsARecentProofWhereverTheSessionCameFrom() {
        try (SeContainer container = Containers.boot(MovableClock.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            SessionLifecycle lifecycle =
                    container.select(SessionLifecycle.class).get();
            String name = "r" + System.nanoTime() + "-root";
            String fresh = administrator(container, name);
            // "keep me signed in" and another mechanism's caller: sessions that record no proof
            String remembered = sessions.open(name, Set.of(ADMIN), "remembered", SessionProofs.NONE)
                    .session()
                    .id();
            String customer = sessions.open(
                            "r" + System.nanoTime() + "-customer", Set.of("customer"), "browser", SessionProofs.NONE)
                    .session()
                    .id();

            assertTrue(sessions.callIn(fresh, () -> admin.session(fresh)).isPresent(), "a password proved now");
            assertThrows(
                    ReauthenticationRequiredException.class,
                    () -> sessions.runIn(remembered, () -> admin.find(SessionQuery.all())));
            assertThrows(
                    AccessDeniedException.class,
                    () -> sessions.runIn(customer, () -> admin.find(SessionQuery.all())),
                    "a caller who is no administrator is refused, not asked to prove who they are");

            MovableClock.advance(Duration.ofMinutes(15).plusSeconds(1));
            assertThrows(
                    ReauthenticationRequiredException.class,
                    () -> sessions.runIn(fresh, () -> admin.session(fresh)),
                    "older than usersession.admin.recent");
            String proved = sessions.callIn(
                    remembered,
                    () -> lifecycle
                            .reauthenticated(Factor.PASSWORD, AssuranceLevel.AAL1)
                            .session()
                            .id());
            assertTrue(sessions.callIn(proved, () -> admin.session(proved)).isPresent(), "a fresh proof lets it in");
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void theWindowIsASetting() {
        try (Settings settings = Settings.of("usersession.admin.recent", "PT1H", "usersession.idle-timeout", "PT2H");
                SeContainer container = Containers.boot(MovableClock.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            String root = administrator(container, "w" + System.nanoTime() + "-root");
            MovableClock.advance(Duration.ofMinutes(59));
            assertTrue(sessions.callIn(root, () -> admin.session(root)).isPresent());
        }
        try (Settings settings = Settings.of("usersession.admin.recent", "PT0S")) {
            assertTrue(new UserSessionConfig()
                    .problems().stream().anyMatch(problem -> problem.contains("usersession.admin.recent")));
        }
    }

    @Test
    void theAdminGroupIsTheIdentityStoresCurrentAnswerAndAStoreThatCannotAnswerGrantsNothing() {
        try (SeContainer container = Containers.boot(MovableClock.class, FailingGroupsStore.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            JpaAccountRepository table =
                    container.select(JpaAccountRepository.class).get();
            String name = "c" + System.nanoTime() + "-root";
            String root = administrator(container, name);
            assertTrue(sessions.callIn(root, () -> admin.session(root)).isPresent());

            // changed in the store behind the library's back (a DBA, another application): the session still holds it
            assertTrue(table.updateGroups(name, Set.of("customer")));
            assertTrue(sessions.find(root).orElseThrow().groups().contains(ADMIN));
            assertThrows(AccessDeniedException.class, () -> sessions.runIn(root, () -> admin.session(root)));
            assertTrue(table.updateGroups(name, Set.of(ADMIN)));
            assertTrue(sessions.callIn(root, () -> admin.session(root)).isPresent());

            String broken = administrator(container, "broken-" + System.nanoTime());
            assertThrows(
                    AccessDeniedException.class,
                    () -> sessions.runIn(broken, () -> admin.session(broken)),
                    "a store that fails refuses the call");
        }
    }

    @Test
    void anAdministratorWithOneTimeCodesNeedsASecondFactorProvedWithinTheWindow() {
        try (SeContainer container = Containers.boot(MovableClock.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            UserSessionAdmin admin = container.select(UserSessionAdmin.class).get();
            SessionLifecycle lifecycle =
                    container.select(SessionLifecycle.class).get();
            String name = "t" + System.nanoTime() + "-root";
            administrator(container, name);
            enableCodes(container, name);
            Instant now = container.select(UserSessionClock.class).get().now();

            String passwordOnly =
                    sessions.open(name, Set.of(ADMIN), "console").session().id();
            String twoFactors = sessions.open(
                            name,
                            Set.of(ADMIN),
                            "console",
                            SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1)
                                    .with(Factor.ONE_TIME_CODE, now, AssuranceLevel.AAL2))
                    .session()
                    .id();
            String passkey = sessions.open(
                            name, Set.of(ADMIN), "console", SessionProofs.of(Factor.PASSKEY, now, AssuranceLevel.AAL2))
                    .session()
                    .id();
            String oldCode = sessions.open(
                            name,
                            Set.of(ADMIN),
                            "console",
                            SessionProofs.of(
                                            Factor.ONE_TIME_CODE,
                                            now.minus(Duration.ofMinutes(20)),
                                            AssuranceLevel.AAL2)
                                    .with(Factor.PASSWORD, now, AssuranceLevel.AAL1))
                    .session()
                    .id();

            assertThrows(
                    SecondFactorRequiredException.class,
                    () -> sessions.runIn(passwordOnly, () -> admin.session(passwordOnly)));
            assertThrows(
                    SecondFactorRequiredException.class,
                    () -> sessions.runIn(oldCode, () -> admin.session(oldCode)),
                    "AAL2 reached 20 minutes ago, then a password: the second factor is not recent");
            assertTrue(
                    sessions.callIn(twoFactors, () -> admin.session(twoFactors)).isPresent());
            assertTrue(sessions.callIn(passkey, () -> admin.session(passkey)).isPresent());
            String stepUp = sessions.callIn(
                    passwordOnly,
                    () -> lifecycle
                            .reauthenticated(Factor.ONE_TIME_CODE, AssuranceLevel.AAL2)
                            .session()
                            .id());
            assertTrue(sessions.callIn(stepUp, () -> admin.session(stepUp)).isPresent());
        }
    }

    /** @return a fresh session (a password proved now) of a new account with the admin group */
    private static String administrator(SeContainer container, String name) {
        container.select(UserAccounts.class).get().create(name, PASSWORD.toCharArray(), Set.of(ADMIN));
        return container
                .select(UserSessions.class)
                .get()
                .open(name, Set.of(ADMIN), "console")
                .session()
                .id();
    }

    private static void enableCodes(SeContainer container, String name) {
        OneTimeCodeFactor codes = container.select(OneTimeCodeFactor.class).get();
        OneTimeCodeEnrollment enrollment = codes.enroll(name);
        OneTimeCodeAlgorithm totp = OneTimeCodeAlgorithm.standard();
        Instant now = container.select(UserSessionClock.class).get().now();
        codes.confirm(name, totp.codeAt(OneTimeCodeAlgorithm.fromBase32(enrollment.secret()), totp.stepAt(now)));
    }

    private static List<String> ids(
            UserSessions sessions, String adminSession, UserSessionAdmin admin, SessionQuery query) {
        return sessions.callIn(adminSession, () -> admin.find(query)).sessions().stream()
                .map(UserSessionInfo::id)
                .toList();
    }
}
