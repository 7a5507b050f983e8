package dev.usersession.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.auth.UserAccounts;
import dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.testing.Containers;
import dev.usersession.testing.LogCapture;
import dev.usersession.testing.MovableClock;
import dev.usersession.testing.Settings;
import dev.usersession.testing.TestDatabase;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaIdentityStoreTest {

    private static final String PASSWORD = "correct horse battery";

    private Settings settings;
    private SeContainer container;
    private JpaIdentityStore store;
    private UserAccounts accounts;
    private String user;

    @BeforeEach
    void boot() {
        // Fast hashes; the stored-hash test below boots with the defaults.
        settings = Settings.of("usersession.password.iterations", "1024");
        container = Containers.boot(MovableClock.class);
        store = container.select(JpaIdentityStore.class).get();
        accounts = container.select(UserAccounts.class).get();
        user = "user-" + UUID.randomUUID();
        assertTrue(accounts.create(user, PASSWORD.toCharArray(), Set.of("customer", "beta")));
    }

    @AfterEach
    void shutDown() {
        container.close();
        settings.close();
        MovableClock.reset();
    }

    private CredentialValidationResult login(String name, String password) {
        return store.validate(new UsernamePasswordCredential(name, password));
    }

    @Test
    void rightPasswordGivesCallerAndGroups() {
        CredentialValidationResult result = login(user, PASSWORD);
        assertEquals(Status.VALID, result.getStatus());
        assertEquals(user, result.getCallerPrincipal().getName());
        assertEquals(Set.of("customer", "beta"), result.getCallerGroups());
    }

    @Test
    void unknownUserWrongPasswordAndDisabledAccountGetTheSameAnswer() {
        accounts.create(user + "-disabled", PASSWORD.toCharArray(), Set.of());
        accounts.disable(user + "-disabled");
        assertEquals(CredentialValidationResult.INVALID_RESULT, login("nobody-" + UUID.randomUUID(), PASSWORD));
        assertEquals(CredentialValidationResult.INVALID_RESULT, login(user, "wrong password"));
        assertEquals(CredentialValidationResult.INVALID_RESULT, login(user + "-disabled", PASSWORD));
    }

    @Test
    void storedHashIsPbkdf2Sha256WithAtLeast600000IterationsAndA32ByteSalt() {
        settings.close();
        container.close();
        container = Containers.boot();
        String name = "strong-" + UUID.randomUUID();
        container.select(UserAccounts.class).get().create(name, PASSWORD.toCharArray(), Set.of());

        String[] parts = ((String)
                        TestDatabase.queryValue("select password_hash from user_account where name = ?", name))
                .split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 600_000, parts[1]);
        assertTrue(Base64.getDecoder().decode(parts[2]).length >= 16);
        assertFalse(String.join(":", parts).contains(PASSWORD));
    }

    @Test
    void aHashWithFewerIterationsIsReplacedAtTheNextSuccessfulLogin() {
        assertEquals("1024", storedHash().split(":")[1]);
        container.close();
        settings.close();
        settings = Settings.of("usersession.password.iterations", "2048");
        container = Containers.boot(MovableClock.class);
        store = container.select(JpaIdentityStore.class).get();

        assertEquals(Status.INVALID, login(user, "wrong password").getStatus());
        assertEquals("1024", storedHash().split(":")[1], "a failed login changes nothing");
        assertEquals(Status.VALID, login(user, PASSWORD).getStatus());
        String upgraded = storedHash();
        assertEquals("2048", upgraded.split(":")[1]);
        assertEquals(Status.VALID, login(user, PASSWORD).getStatus(), "the password still works");
        assertEquals(upgraded, storedHash(), "a current hash stays");
    }

    @Test
    void namesCompareExactlyAndThePrincipalIsTheStoredName() {
        for (String variant : new String[] {user.toUpperCase(), user + " ", " " + user}) {
            assertEquals(Status.INVALID, login(variant, PASSWORD).getStatus(), "'" + variant + "'");
        }
        String mixedCase = "Zoe-" + UUID.randomUUID();
        accounts.create(mixedCase, PASSWORD.toCharArray(), Set.of());
        assertEquals(Status.INVALID, login(mixedCase.toLowerCase(), PASSWORD).getStatus());
        assertEquals(mixedCase, login(mixedCase, PASSWORD).getCallerPrincipal().getName());
    }

    @Test
    void aPasswordAloneNeverAuthenticatesAUserWithOneTimeCodesForAnotherMechanism() {
        enableOneTimeCodes(user);
        try (LogCapture audit = LogCapture.of("dev.usersession.audit", Level.INFO)) {
            assertEquals(Status.INVALID, login(user, PASSWORD).getStatus(), "Basic, a form of the application's");
            assertTrue(
                    audit.messages().stream()
                            .anyMatch(line -> line.contains("second_factor_bypass_refused") && line.contains(user)),
                    audit.messages().toString());
        }
        CredentialValidationResult libraryFirstStep = LibraryPasswordCheck.run(() -> login(user, PASSWORD));
        assertEquals(Status.VALID, libraryFirstStep.getStatus(), "the library's login asks for the code itself");
    }

    @Test
    void everyPasswordCheckForAnotherMechanismIsThrottledAndAudited() {
        try (LogCapture audit = LogCapture.of("dev.usersession.audit", Level.INFO)) {
            assertEquals(Status.VALID, login(user, PASSWORD).getStatus());
            assertTrue(
                    audit.messages().stream().anyMatch(line -> line.contains("password_accepted")),
                    audit.messages().toString());
            for (int i = 0; i < 5; i++) {
                assertEquals(Status.INVALID, login(user, "wrong password " + i).getStatus());
            }
            assertEquals(
                    5,
                    audit.messages().stream()
                            .filter(line -> line.contains("login_failed"))
                            .count(),
                    audit.messages().toString());
            assertEquals(
                    Status.INVALID,
                    login(user, PASSWORD).getStatus(),
                    "after 5 failures in a row the name waits, whichever mechanism asks");
            assertTrue(
                    audit.messages().stream().anyMatch(line -> line.contains("login_throttled")),
                    audit.messages().toString());
        }
        MovableClock.advance(Duration.ofSeconds(2));
        assertEquals(Status.VALID, login(user, PASSWORD).getStatus(), "the wait is over");
    }

    @Test
    void theLibrarysOwnChecksAreNotCountedTwice() {
        for (int i = 0; i < 8; i++) {
            int attempt = i;
            assertEquals(
                    Status.INVALID,
                    LibraryPasswordCheck.run(() -> login(user, "wrong " + attempt))
                            .getStatus());
        }
        assertEquals(
                Status.VALID,
                LibraryPasswordCheck.run(() -> login(user, PASSWORD)).getStatus(),
                "the library's login counted its attempts before it asked the store");
    }

    @Test
    void aNameLongerThanAnyAccountsIsRefusedWithoutACounterRow() {
        long before = ((Number) TestDatabase.queryValue("select count(*) from login_attempts")).longValue();
        assertEquals(Status.INVALID, login("x".repeat(256), PASSWORD).getStatus());
        assertEquals(before, ((Number) TestDatabase.queryValue("select count(*) from login_attempts")).longValue());
    }

    private void enableOneTimeCodes(String name) {
        OneTimeCodeFactor codes = container.select(OneTimeCodeFactor.class).get();
        byte[] secret = OneTimeCodeAlgorithm.fromBase32(codes.enroll(name).secret());
        codes.confirm(
                name,
                OneTimeCodeAlgorithm.standard()
                        .codeAt(secret, OneTimeCodeAlgorithm.standard().stepAt(Instant.now())));
    }

    private String storedHash() {
        return (String) TestDatabase.queryValue("select password_hash from user_account where name = ?", user);
    }
}
