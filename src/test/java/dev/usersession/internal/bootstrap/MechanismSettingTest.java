package dev.usersession.internal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.security.UserSessionAuthenticationMechanism;
import dev.usersession.testing.Containers;
import dev.usersession.testing.Counter;
import dev.usersession.testing.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

/**
 * {@code usersession.mechanism.enabled} decides which beans exist, so the library reads it before any bean can be
 * created: from the configuration sources. An application's configuration bean that answers otherwise is not
 * silently ignored (the library's mechanism registered while the application's configuration says it is off): the
 * deployment fails, naming the setting and where to give it.
 */
class MechanismSettingTest {

    /** An application's configuration that turns the library's mechanism off in code. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class MechanismOffInCode extends UserSessionConfig {
        @Override
        public boolean mechanismEnabled() {
            return false;
        }
    }

    @Test
    void aConfigurationBeanThatDisagreesWithTheSourcesFailsTheDeploymentNamingTheSetting() {
        DeploymentException failure = assertThrows(
                DeploymentException.class,
                () -> Containers.boot(Counter.class, MechanismOffInCode.class).close());

        String messages = messages(failure);
        assertTrue(messages.contains("usersession.mechanism.enabled"), messages);
        assertTrue(messages.contains("configuration sources"), messages);
    }

    @SuppressWarnings("try") // the resource holds for the block, which never names it
    @Test
    void aConfigurationBeanThatAgreesWithTheSourcesDeploysWithoutTheMechanism() {
        try (Settings settings = Settings.of("usersession.mechanism.enabled", "false");
                SeContainer container = Containers.boot(Counter.class, MechanismOffInCode.class)) {
            assertFalse(container.select(UserSessionConfig.class).get().mechanismEnabled());
            assertTrue(
                    container
                            .select(UserSessionAuthenticationMechanism.class, Any.Literal.INSTANCE)
                            .isUnsatisfied(),
                    "no library mechanism while the setting is off");
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
