package dev.usersession.it;

import static dev.usersession.it.DeviceBindingRequests.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.app.DemoAccounts;
import dev.usersession.testing.DeviceKey;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code usersession.device-binding=required}: a session not bound within two minutes of its login is refused on
 * every request; a bound one goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceBindingRequiredIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("bindingrequired")
                .addAsResource("it/binding-required-config.properties", "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void aSessionNotBoundWithinTwoMinutesOfItsLoginIsRefusedAndABoundOneGoesOn() {
        Browser unbound = new Browser(base);
        String user = unbound.newUser("required");
        assertEquals(200, unbound.login(user, DemoAccounts.PASSWORD).statusCode());
        assertEquals(user + " true false", unbound.get("test/whoami").body(), "the moments of its registration");

        Browser bound = new Browser(base);
        bind(bound, user, DeviceKey.ec());

        assertEquals(204, unbound.postForm("test/clock/advance", "by", "PT2M").statusCode());
        assertEquals("anonymous", unbound.get("test/whoami").body(), "never bound: refused");
        assertEquals(user + " true false", bound.get("test/whoami").body(), "bound, with its cookie");
    }
}
