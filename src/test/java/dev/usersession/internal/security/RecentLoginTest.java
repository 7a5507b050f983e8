package dev.usersession.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import dev.usersession.auth.ReauthenticationRequiredException;
import dev.usersession.auth.RequiresLogin;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.testing.Containers;
import dev.usersession.testing.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @RequiresLogin(recent = ..., level = ...)}: a stolen session alone cannot do sensitive actions. */
class RecentLoginTest {

    @ApplicationScoped
    @RequiresLogin
    public static class Account {
        public String view() {
            return "viewed";
        }

        @RequiresLogin(recent = "PT5M")
        public String changePassword() {
            return "changed";
        }

        @RequiresLogin(level = AssuranceLevel.AAL2)
        public String payout() {
            return "paid";
        }

        @RequiresLogin(level = AssuranceLevel.AAL2, recent = "PT5M")
        public String changePayee() {
            return "payee changed";
        }
    }

    @AfterEach
    void realTime() {
        MovableClock.reset();
    }

    @Test
    void aProofOlderThanRecentIsRefusedUntilTheUserReauthenticates() {
        try (SeContainer container = Containers.boot(Account.class, MovableClock.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionLifecycle lifecycle =
                    container.select(SessionLifecycle.class).get();
            Account account = container.select(Account.class).get();
            UserSessionInfo login = sessions.open("ann-" + System.nanoTime(), Set.of("customer"), "test")
                    .session();

            assertEquals("changed", sessions.callIn(login.id(), account::changePassword));
            MovableClock.advance(Duration.ofMinutes(6));
            assertThrows(
                    ReauthenticationRequiredException.class,
                    () -> sessions.callIn(login.id(), account::changePassword));
            assertEquals("viewed", sessions.callIn(login.id(), account::view));

            String renewedId = sessions.callIn(
                    login.id(),
                    () -> lifecycle
                            .reauthenticated(Factor.PASSWORD, AssuranceLevel.AAL1)
                            .session()
                            .id());
            assertNotEquals(login.id(), renewedId, "a re-authentication issues a new token");
            assertEquals("changed", sessions.callIn(renewedId, account::changePassword));
            assertEquals(sessions.find(login.id()), java.util.Optional.empty(), "the old token is gone");
        }
    }

    @Test
    void aSessionBelowTheLevelIsAskedForASecondFactor() {
        try (SeContainer container = Containers.boot(Account.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionLifecycle lifecycle =
                    container.select(SessionLifecycle.class).get();
            Account account = container.select(Account.class).get();
            String user = "bob-" + System.nanoTime();
            String password = sessions.open(user, Set.of(), "test").session().id();
            String twoFactors = sessions.open(
                            user,
                            Set.of(),
                            "test",
                            SessionProofs.of(Factor.PASSWORD, Instant.now(), AssuranceLevel.AAL1)
                                    .with(Factor.ONE_TIME_CODE, Instant.now(), AssuranceLevel.AAL2))
                    .session()
                    .id();

            assertThrows(SecondFactorRequiredException.class, () -> sessions.callIn(password, account::payout));
            assertEquals("paid", sessions.callIn(twoFactors, account::payout));
            String stepUp = sessions.callIn(
                    password,
                    () -> lifecycle
                            .reauthenticated(Factor.ONE_TIME_CODE, AssuranceLevel.AAL2)
                            .session()
                            .id());
            assertEquals("paid", sessions.callIn(stepUp, account::payout));
        }
    }

    @Test
    void aFreshPasswordDoesNotRenewTwoFactors() {
        try (SeContainer container = Containers.boot(Account.class, MovableClock.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            SessionLifecycle lifecycle =
                    container.select(SessionLifecycle.class).get();
            Account account = container.select(Account.class).get();
            UserSessionClock clock = container.select(UserSessionClock.class).get();
            Instant login = clock.now();
            String id = sessions.open(
                            "eve-" + System.nanoTime(),
                            Set.of(),
                            "test",
                            SessionProofs.of(Factor.PASSWORD, login, AssuranceLevel.AAL1)
                                    .with(Factor.ONE_TIME_CODE, login, AssuranceLevel.AAL2))
                    .session()
                    .id();
            assertEquals("payee changed", sessions.callIn(id, account::changePayee));

            MovableClock.advance(Duration.ofMinutes(20)); // past the window, within the idle timeout
            String password = sessions.callIn(
                    id,
                    () -> lifecycle
                            .reauthenticated(Factor.PASSWORD, AssuranceLevel.AAL1)
                            .session()
                            .id());
            assertThrows(
                    SecondFactorRequiredException.class,
                    () -> sessions.callIn(password, account::changePayee),
                    "a stolen cookie and the saved password do not make a recent second factor");
            assertEquals("paid", sessions.callIn(password, account::payout), "the session did reach AAL2");
            SessionProofs proofs = sessions.find(password).orElseThrow().proofs();
            assertEquals(
                    AssuranceLevel.AAL1,
                    proofs.levelWithin(Duration.ofMinutes(5), clock.now()),
                    "what the recent proofs reach now");

            String code = sessions.callIn(
                    password,
                    () -> lifecycle
                            .reauthenticated(Factor.ONE_TIME_CODE, AssuranceLevel.AAL2)
                            .session()
                            .id());
            assertEquals("payee changed", sessions.callIn(code, account::changePayee));
            assertEquals(
                    AssuranceLevel.AAL2,
                    sessions.find(code).orElseThrow().proofs().levelWithin(Duration.ofMinutes(5), clock.now()));
        }
    }

    @Test
    void proofsSurviveTheStoreAndASessionWithoutProofsIsNeverRecent() {
        try (SeContainer container = Containers.boot(Account.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Account account = container.select(Account.class).get();
            Instant at = Instant.parse("2026-12-02T10:15:30.123456Z");
            String id = sessions.open(
                            "cy-" + System.nanoTime(),
                            Set.of(),
                            "test",
                            new SessionProofs(at, at.plusSeconds(1), null, AssuranceLevel.AAL2))
                    .session()
                    .id();
            SessionProofs stored = sessions.find(id).orElseThrow().proofs();
            assertEquals(at, stored.passwordAt());
            assertEquals(at.plusSeconds(1), stored.oneTimeCodeAt());
            assertEquals(null, stored.passkeyAt());
            assertEquals(AssuranceLevel.AAL2, stored.level());

            String none = sessions.open("dee-" + System.nanoTime(), Set.of(), "test", SessionProofs.NONE)
                    .session()
                    .id();
            assertThrows(ReauthenticationRequiredException.class, () -> sessions.callIn(none, account::changePassword));
        }
    }
}
