package dev.usersession.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.auth.InvalidPasswordException;
import dev.usersession.auth.UserAccounts;
import dev.usersession.internal.errors.Failure;
import dev.usersession.it.app.DemoAccounts;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Settings;
import jakarta.enterprise.inject.se.SeContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String GOOD = "correct horse battery";

    private Settings settings;
    private SeContainer container;
    private UserAccounts accounts;
    private String user;

    @BeforeEach
    void boot() {
        settings = Settings.of("usersession.password.iterations", "1024");
        container = Containers.boot();
        accounts = container.select(UserAccounts.class).get();
        user = "user-" + UUID.randomUUID();
        assertTrue(accounts.create(user, GOOD.toCharArray(), Set.of()));
    }

    @AfterEach
    void shutDown() {
        container.close();
        settings.close();
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"password1", "qwerty123", "QWERTY123", "Password1"}) {
            InvalidPasswordException refused = assertThrows(
                    InvalidPasswordException.class,
                    () -> accounts.create("new-" + UUID.randomUUID(), common.toCharArray(), Set.of()));
            assertTrue(refused.getMessage().contains("commonly used"), refused.getMessage());
            assertThrows(InvalidPasswordException.class, () -> accounts.resetPassword(user, common.toCharArray()));
            assertThrows(
                    InvalidPasswordException.class,
                    () -> accounts.changePassword(user, GOOD.toCharArray(), common.toCharArray()));
        }
    }

    @Test
    void aPasswordThatIsOrContainsTheUserNameIsRefused() {
        String name = "Mallory" + UUID.randomUUID().toString().substring(0, 8);
        for (String password : new String[] {name, name.toLowerCase(), "my " + name.toUpperCase() + " secret"}) {
            InvalidPasswordException refused = assertThrows(
                    InvalidPasswordException.class, () -> accounts.create(name, password.toCharArray(), Set.of()));
            assertTrue(refused.getMessage().contains("user name"), refused.getMessage());
        }
        assertThrows(InvalidPasswordException.class, () -> accounts.resetPassword(user, ("x" + user).toCharArray()));
        assertFalse(accounts.exists(name));
    }

    @Test
    void aGoodPasswordPasses() {
        assertTrue(accounts.resetPassword(user, "a tune nobody hums".toCharArray()));
        assertTrue(accounts.changePassword(user, "a tune nobody hums".toCharArray(), GOOD.toCharArray()));
        assertTrue(
                accounts.create("ada-" + UUID.randomUUID(), DemoAccounts.PASSWORD.toCharArray(), Set.of()),
                "the test application's demo password");
        assertTrue(
                accounts.create("alice-" + UUID.randomUUID(), "shop-demo-2026".toCharArray(), Set.of()),
                "the example shop's demo password (DemoUsers)");
    }

    @Test
    void aPasswordOverTheMaximumIsABadRequestWithASentenceNotAServerError() {
        char[] tooLong = "p".repeat(UserAccounts.MAXIMUM_PASSWORD_LENGTH + 1).toCharArray();
        InvalidPasswordException refused = assertThrows(
                InvalidPasswordException.class, () -> accounts.create("long-" + UUID.randomUUID(), tooLong, Set.of()));
        assertThrows(InvalidPasswordException.class, () -> accounts.resetPassword(user, tooLong));
        assertThrows(InvalidPasswordException.class, () -> accounts.changePassword(user, GOOD.toCharArray(), tooLong));

        Failure failure = Failure.of(refused);
        assertEquals(400, failure.status());
        assertEquals("invalid_password", failure.code());
        assertEquals("A password must be 8 to 1024 characters long.", failure.message());
    }

    @Test
    void theJarHoldsTheCommonPasswordList() throws IOException {
        try (InputStream list = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
            long lines = new String(list.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .count();
            assertTrue(lines >= 29_000, lines + " passwords");
        }
    }
}
