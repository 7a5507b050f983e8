package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionConfig;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Settings;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@code usersession.*} setting is read and checked at deployment: a value that cannot be used fails the
 * deployment, naming the setting and the values it allows, instead of failing requests later.
 */
class SettingsValidationTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "usersession.idle-timeout|abc|ISO-8601 duration",
                "usersession.idle-timeout|PT0S|above zero",
                "usersession.absolute-timeout|-PT1H|above zero",
                "usersession.touch-fraction|1|above 0 and below 1",
                "usersession.touch-fraction|0|above 0 and below 1",
                "usersession.login.carry-state|yes|true or false",
                "usersession.cookie.name|my cookie|letters, digits",
                "usersession.cookie.secure|ture|true or false",
                "usersession.cookie.same-site|None|Lax or Strict",
                "usersession.login-page|login|starts with a single /",
                "usersession.allowed-origins|https://shop.example/path|scheme, host and port only",
                "usersession.max-sessions-per-user|-1|at least 0",
                "usersession.on-max-sessions|end-newest|end-oldest or refuse",
                "usersession.password.iterations|0|at least 1",
                "usersession.login.free-attempts|many|whole number",
                "usersession.login.max-backoff|15m|ISO-8601 duration",
                "usersession.login.address-limit|-5|at least 0",
                "usersession.login.global-window|PT0S|above zero",
                "usersession.login.devices-per-user|-1|at least 0",
                "usersession.identity-store.priority|first|whole number",
                "usersession.cleanup.interval|0|ISO-8601 duration",
                "usersession.cleanup.batch-size|0|at least 1",
                "usersession.cleanup.duty-cycle|0|above 0 and at most 1",
                "usersession.cleanup.duty-cycle|1.5|above 0 and at most 1",
                "usersession.state-cache-size|-1|at least 0",
            })
    void aValueThatCannotBeUsedFailsTheDeploymentNamingTheSettingAndTheAllowedValues(
            String name, String value, String allowed) {
        String message = deploymentFailure(name, value);

        assertTrue(message.contains(name), message);
        assertTrue(message.contains("'" + value + "'"), message);
        assertTrue(message.contains(allowed), message);
    }

    @Test
    void anAbsoluteTimeoutShorterThanTheIdleTimeoutFailsTheDeployment() {
        String message = deploymentFailure("usersession.idle-timeout", "PT2H", "usersession.absolute-timeout", "PT1H");

        assertTrue(message.contains("usersession.absolute-timeout"), message);
        assertTrue(message.contains("usersession.idle-timeout"), message);
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void aDuplicatedAllowedOriginIsFine() {
        try (Settings settings = Settings.of(
                        "usersession.allowed-origins",
                        "https://shop.example, https://shop.example,http://localhost:8080");
                SeContainer container = Containers.boot(Counter.class)) {
            assertEquals(
                    Set.of("https://shop.example", "http://localhost:8080"),
                    container.select(UserSessionConfig.class).get().allowedOrigins());
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void usableValuesAreReadAsGiven() {
        try (Settings settings = Settings.of(
                        "usersession.idle-timeout",
                        " PT10M ",
                        "usersession.cookie.same-site",
                        "strict",
                        "usersession.on-max-sessions",
                        "Refuse",
                        "usersession.cookie.secure",
                        "FALSE");
                SeContainer container = Containers.boot(Counter.class)) {
            UserSessionConfig config = container.select(UserSessionConfig.class).get();
            assertEquals(java.time.Duration.ofMinutes(10), config.idleTimeout());
            assertEquals("Strict", config.cookieSameSite());
            assertEquals(UserSessionConfig.OnMaxSessions.REFUSE, config.onMaxSessions());
            assertEquals(false, config.cookieSecure());
        }
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    private static String deploymentFailure(String... namesAndValues) {
        try (Settings settings = Settings.of(namesAndValues)) {
            DeploymentException failure = assertThrows(
                    DeploymentException.class,
                    () -> Containers.boot(Counter.class).close());
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }
}
