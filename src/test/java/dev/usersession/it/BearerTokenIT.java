package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that turns on {@code usersession.bearer.enabled} (through MicroProfile Config, in its
 * {@code META-INF/microprofile-config.properties}) accepts the token in an {@code Authorization: Bearer} header.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BearerTokenIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("bearer")
                .addAsResource("it/bearer-config.properties", "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void apiClientsMayPresentTheTokenAsABearerToken() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("api"), DemoAccounts.PASSWORD);
        String token = browser.cookie().orElseThrow();

        Browser apiClient = new Browser(base);
        assertEquals(
                200,
                apiClient
                        .send(apiClient.request("protected").header("Authorization", "Bearer " + token))
                        .statusCode());
        assertEquals(
                401,
                apiClient
                        .send(apiClient.request("protected").header("Authorization", "Bearer x" + token))
                        .statusCode());
        assertEquals(
                200,
                apiClient
                        .send(apiClient
                                .request("test/counter/increment")
                                .header("Authorization", "Bearer " + token)
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                        .statusCode(),
                "no CSRF check for bearer requests: browsers never send them on their own");
    }
}
