package dev.usersession.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.SessionProofs;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import dev.usersession.auth.SecondFactorRequiredException;
import dev.usersession.auth.TooManyAttemptsException;
import dev.usersession.auth.UserAccounts;
import dev.usersession.auth.UserCredentials;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Settings;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountsTest {

    private Settings settings;
    private SeContainer container;
    private UserAccounts accounts;
    private UserSessions sessions;
    private String user;

    @BeforeEach
    void boot() {
        settings = Settings.of("usersession.password.iterations", "1024");
        container = Containers.boot();
        accounts = container.select(UserAccounts.class).get();
        sessions = container.select(UserSessions.class).get();
        user = "user-" + UUID.randomUUID();
        accounts.create(user, "first password".toCharArray(), Set.of("customer"));
    }

    @AfterEach
    void shutDown() {
        container.close();
        settings.close();
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndRenewsTheCurrentOne() {
        String current =
                sessions.open(user, Set.of("customer"), "laptop").session().id();
        sessions.open(user, Set.of("customer"), "phone");
        sessions.open(user, Set.of("customer"), "tablet");

        String[] renewed = new String[2];
        boolean changed = sessions.callIn(current, () -> {
            boolean done =
                    accounts.changePassword(user, "first password".toCharArray(), "second password".toCharArray());
            renewed[0] = sessions.current().orElseThrow().id();
            renewed[1] = container
                    .select(dev.usersession.internal.context.UserSessionManager.class)
                    .get()
                    .current()
                    .takeRenewedToken();
            return done;
        });

        assertTrue(changed);
        assertNotEquals(current, renewed[0], "a copy of the old token must stop working");
        assertEquals(SessionTokens.hash(renewed[1]), renewed[0], "the new token goes out with the response");
        assertEquals(
                List.of(renewed[0]),
                sessions.listFor(user).stream().map(UserSessionInfo::id).toList());
        assertFalse(sessions.find(current).isPresent());
        JpaIdentityStore store = container.select(JpaIdentityStore.class).get();
        assertEquals(
                Status.VALID,
                store.validate(new UsernamePasswordCredential(user, "second password"))
                        .getStatus());
        assertEquals(
                Status.INVALID,
                store.validate(new UsernamePasswordCredential(user, "first password"))
                        .getStatus());
    }

    @Test
    void theCurrentPasswordOfAPasswordChangeIsThrottledLikeALogin() {
        for (int i = 0; i < 5; i++) {
            assertFalse(accounts.changePassword(user, ("guess " + i).toCharArray(), "second password".toCharArray()));
        }
        TooManyAttemptsException refused = assertThrows(
                TooManyAttemptsException.class,
                () -> accounts.changePassword(user, "first password".toCharArray(), "second password".toCharArray()));
        assertTrue(refused.retryAfterSeconds() >= 1);
        JpaIdentityStore store = container.select(JpaIdentityStore.class).get();
        assertEquals(
                Status.VALID,
                LibraryPasswordCheck.run(() -> store.validate(new UsernamePasswordCredential(user, "first password")))
                        .getStatus(),
                "nothing changed");
    }

    @Test
    void managingTheFactorsOfAnAccountWithASecondFactorNeedsASecondFactorAndEndsTheOtherSessions() {
        UserCredentials credentials = container.select(UserCredentials.class).get();
        OneTimeCodeFactor codes = container.select(OneTimeCodeFactor.class).get();
        Instant now = Instant.now();
        String victim = sessions.open(
                        user, Set.of("customer"), "laptop", SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1))
                .session()
                .id();
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(
                sessions.callIn(victim, credentials::enrollOneTimeCodes).secret());
        long step = OneTimeCodeAlgorithm.standard().stepAt(now);
        String[] current = {victim};
        sessions.callIn(victim, () -> {
            credentials.confirmOneTimeCodes(OneTimeCodeAlgorithm.standard().codeAt(secret, step));
            current[0] = sessions.current().orElseThrow().id();
            return null;
        });
        assertTrue(codes.isEnabled(user));

        // The thief: a copied cookie of a session whose password proof is fresh (the saved password, re-proved).
        String thief = sessions.open(
                        user,
                        Set.of("customer"),
                        "elsewhere",
                        SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1)
                                .with(Factor.ONE_TIME_CODE, now.minus(Duration.ofHours(3)), AssuranceLevel.AAL2))
                .session()
                .id();
        assertThrows(SecondFactorRequiredException.class, () -> sessions.callIn(thief, credentials::newRecoveryCodes));
        assertThrows(
                SecondFactorRequiredException.class, () -> sessions.callIn(thief, credentials::disableOneTimeCodes));
        assertThrows(
                SecondFactorRequiredException.class,
                () -> sessions.callIn(thief, () -> {
                    credentials.requireRecentProof();
                    return null;
                }),
                "which passkey registration asks");
        assertTrue(codes.isEnabled(user), "nothing changed");

        // The owner, with a fresh code: turning codes off ends every other session of the user.
        String owner = sessions.callIn(current[0], () -> {
            credentials.reauthenticateWithCode(OneTimeCodeAlgorithm.standard().codeAt(secret, step + 1));
            assertTrue(credentials.disableOneTimeCodes());
            return sessions.current().orElseThrow().id();
        });
        assertEquals(
                List.of(owner),
                sessions.listFor(user).stream().map(UserSessionInfo::id).toList(),
                "the thief's session ended with the change of factors");
    }

    @Test
    void aPasswordChangeOfAnAccountWithASecondFactorNeedsARecentSecondFactor() {
        OneTimeCodeFactor codes = container.select(OneTimeCodeFactor.class).get();
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(codes.enroll(user).secret());
        long step = OneTimeCodeAlgorithm.standard().stepAt(Instant.now());
        codes.confirm(user, OneTimeCodeAlgorithm.standard().codeAt(secret, step));
        Instant now = Instant.now();
        String thief = sessions.open(
                        user,
                        Set.of("customer"),
                        "elsewhere",
                        SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1)
                                .with(Factor.ONE_TIME_CODE, now.minus(Duration.ofHours(3)), AssuranceLevel.AAL2))
                .session()
                .id();
        assertThrows(
                SecondFactorRequiredException.class,
                () -> sessions.callIn(
                        thief,
                        () -> accounts.changePassword(
                                user, "first password".toCharArray(), "thief's password".toCharArray())));
        String owner = sessions.open(
                        user,
                        Set.of("customer"),
                        "laptop",
                        SessionProofs.of(Factor.PASSWORD, now, AssuranceLevel.AAL1)
                                .with(Factor.ONE_TIME_CODE, now, AssuranceLevel.AAL2))
                .session()
                .id();
        assertTrue(sessions.callIn(
                owner,
                () -> accounts.changePassword(user, "first password".toCharArray(), "second password".toCharArray())));
    }

    @Test
    void removingEveryFactorEndsTheUsersSessions() {
        OneTimeCodeFactor codes = container.select(OneTimeCodeFactor.class).get();
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(codes.enroll(user).secret());
        codes.confirm(
                user,
                OneTimeCodeAlgorithm.standard()
                        .codeAt(secret, OneTimeCodeAlgorithm.standard().stepAt(Instant.now())));
        sessions.open(user, Set.of("customer"), "phone");
        accounts.removeSecondFactors(user);
        assertFalse(codes.isEnabled(user));
        assertEquals(List.of(), sessions.listFor(user), "an administrator's removal ends the user's sessions");
    }

    @Test
    void anAdministratorsResetCanRemoveEveryFactor() {
        OneTimeCodeFactor codes = container.select(OneTimeCodeFactor.class).get();
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(codes.enroll(user).secret());
        codes.confirm(
                user,
                OneTimeCodeAlgorithm.standard()
                        .codeAt(secret, OneTimeCodeAlgorithm.standard().stepAt(Instant.now())));
        assertTrue(accounts.resetPassword(user, "second password".toCharArray(), false));
        assertTrue(codes.isEnabled(user), "a plain reset keeps the factors");
        assertTrue(accounts.resetPassword(user, "third password".toCharArray(), true));
        assertFalse(codes.isEnabled(user), "a reset after a take-over removes them");
    }

    @Test
    void changingGroupsEndsTheOtherSessionsAndRenewsTheCurrentOneWithTheNewGroups() {
        String current =
                sessions.open(user, Set.of("customer"), "laptop").session().id();
        String other =
                sessions.open(user, Set.of("customer"), "phone").session().id();

        Set<String> groups = sessions.callIn(current, () -> {
            accounts.changeGroups(user, Set.of("customer", "admin"));
            return sessions.current().orElseThrow().groups();
        });

        assertEquals(Set.of("customer", "admin"), groups);
        assertFalse(sessions.find(current).isPresent());
        assertFalse(sessions.find(other).isPresent());
        assertEquals(Set.of("customer", "admin"), sessions.listFor(user).get(0).groups());
        assertEquals(Set.of("customer", "admin"), accounts.groupsOf(user).orElseThrow());

        accounts.changeGroups(user, Set.of("customer"));
        assertTrue(sessions.listFor(user).isEmpty(), "outside the user's session, all of them end");
    }

    @Test
    void deletingAnAccountEndsItsSessionsAndItsName() {
        sessions.open(user, Set.of(), "laptop");
        assertTrue(accounts.delete(user));
        assertTrue(sessions.listFor(user).isEmpty());
        assertFalse(accounts.exists(user));
        assertFalse(accounts.delete(user));
    }

    @Test
    void wrongCurrentPasswordChangesNothing() {
        assertFalse(accounts.changePassword(user, "not it at all".toCharArray(), "second password".toCharArray()));
    }

    @Test
    void disablingAnAccountEndsAllItsSessions() {
        sessions.open(user, Set.of(), "laptop");
        sessions.open(user, Set.of(), "phone");
        assertTrue(accounts.disable(user));
        assertTrue(sessions.listFor(user).isEmpty());
    }

    @Test
    void takenNamesAndShortPasswordsAreRefused() {
        assertFalse(accounts.create(user, "another password".toCharArray(), Set.of()));
        assertThrows(
                IllegalArgumentException.class, () -> accounts.create("x" + user, "short".toCharArray(), Set.of()));
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void sessionCapEndsTheOldestSession() {
        try (Settings cap = Settings.of("usersession.max-sessions-per-user", "2")) {
            container.close();
            container = Containers.boot();
            sessions = container.select(UserSessions.class).get();
            String first = sessions.open(user, Set.of(), "one").session().id();
            String second = sessions.open(user, Set.of(), "two").session().id();
            String third = sessions.open(user, Set.of(), "three").session().id();
            assertEquals(
                    List.of(second, third),
                    sessions.listFor(user).stream().map(UserSessionInfo::id).toList());
            assertFalse(sessions.find(first).isPresent());
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void sessionCapCanRefuseTheNewLogin() {
        try (Settings cap =
                Settings.of("usersession.max-sessions-per-user", "1", "usersession.on-max-sessions", "refuse")) {
            container.close();
            container = Containers.boot();
            sessions = container.select(UserSessions.class).get();
            sessions.open(user, Set.of(), "one");
            assertThrows(
                    dev.usersession.auth.SessionLimitReachedException.class,
                    () -> sessions.open(user, Set.of(), "two"));
        }
    }
}
