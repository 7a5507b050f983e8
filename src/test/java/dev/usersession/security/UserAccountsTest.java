package dev.usersession.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserAccounts;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Settings;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
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
    void changingThePasswordEndsTheOtherSessionsButNotTheCurrentOne() {
        String current = sessions.open(user, Set.of("customer"), "laptop").session().id();
        sessions.open(user, Set.of("customer"), "phone");
        sessions.open(user, Set.of("customer"), "tablet");

        boolean changed = sessions.callIn(current, () -> accounts.changePassword(user, "first password".toCharArray(),
                "second password".toCharArray()));

        assertTrue(changed);
        assertEquals(List.of(current), sessions.listFor(user).stream().map(UserSessionInfo::id).toList());
        JpaIdentityStore store = container.select(JpaIdentityStore.class).get();
        assertEquals(Status.VALID, store.validate(new UsernamePasswordCredential(user, "second password"))
                .getStatus());
        assertEquals(Status.INVALID, store.validate(new UsernamePasswordCredential(user, "first password"))
                .getStatus());
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
        assertThrows(IllegalArgumentException.class, () -> accounts.create("x" + user, "short".toCharArray(),
                Set.of()));
    }

    @Test
    void sessionCapEndsTheOldestSession() {
        try (Settings cap = Settings.of("usersession.max-sessions-per-user", "2")) {
            container.close();
            container = Containers.boot();
            sessions = container.select(UserSessions.class).get();
            String first = sessions.open(user, Set.of(), "one").session().id();
            String second = sessions.open(user, Set.of(), "two").session().id();
            String third = sessions.open(user, Set.of(), "three").session().id();
            assertEquals(List.of(second, third), sessions.listFor(user).stream().map(UserSessionInfo::id).toList());
            assertFalse(sessions.find(first).isPresent());
        }
    }

    @Test
    void sessionCapCanRefuseTheNewLogin() {
        try (Settings cap = Settings.of("usersession.max-sessions-per-user", "1",
                "usersession.on-max-sessions", "refuse")) {
            container.close();
            container = Containers.boot();
            sessions = container.select(UserSessions.class).get();
            sessions.open(user, Set.of(), "one");
            assertThrows(dev.usersession.SessionLimitReachedException.class,
                    () -> sessions.open(user, Set.of(), "two"));
        }
    }
}
