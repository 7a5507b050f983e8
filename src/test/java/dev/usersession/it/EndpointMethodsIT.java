package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's endpoints answer a method they do not take with 405, an {@code Allow} header and the library's short
 * error body, whatever the method (before: an HTML page without {@code Allow}, and 501 "not defined in RFC 2068" for
 * {@code PATCH} or WebDAV's methods), and {@code OPTIONS} names what they take, never {@code TRACE}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EndpointMethodsIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("endpoint-methods");
    }

    @ArquillianResource
    URL base;

    private static final List<String> POST_ONLY = List.of(
            "usersession/login",
            "usersession/login/second-factor",
            "usersession/login/passkey",
            "usersession/reauthenticate",
            "usersession/logout");
    private static final List<String> GET_AND_POST =
            List.of("usersession/sessions", "usersession/totp", "usersession/passkeys", "usersession/admin/sessions");

    private HttpResponse<String> send(Browser browser, String method, String path) {
        return browser.send(browser.request(path)
                .header("Accept", "application/json")
                .header("Origin", browser.origin())
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertMethodNotAllowed(HttpResponse<String> response, String allow) {
        String where = response.request().method() + " " + response.uri() + ": " + response.body();
        assertEquals(405, response.statusCode(), where);
        assertEquals(allow, response.headers().firstValue("Allow").orElse(""), where);
        assertTrue(response.body().contains("\"error\":\"method_not_allowed\""), where);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), where);
    }

    @Test
    void aMethodAnEndpointDoesNotTakeIs405WithAllowForEveryMethod() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("methods"), DemoAccounts.PASSWORD);
        for (String method : List.of("PATCH", "PUT", "DELETE", "PROPFIND", "MKCOL", "BREW")) {
            for (String path : POST_ONLY) {
                assertMethodNotAllowed(send(browser, method, path), "POST, OPTIONS");
            }
            for (String path : GET_AND_POST) {
                assertMethodNotAllowed(send(browser, method, path), "GET, HEAD, POST, OPTIONS");
            }
        }
        assertMethodNotAllowed(send(browser, "GET", "usersession/login"), "POST, OPTIONS");
    }

    @Test
    void optionsNamesTheMethodsAnEndpointTakesAndTheyStillWork() {
        Browser browser = new Browser(base);
        HttpResponse<String> options = send(browser, "OPTIONS", "usersession/login");
        assertEquals(200, options.statusCode(), options.body());
        assertEquals("POST, OPTIONS", options.headers().firstValue("Allow").orElse(""));
        options = send(browser, "OPTIONS", "usersession/sessions");
        assertEquals(
                "GET, HEAD, POST, OPTIONS",
                options.headers().firstValue("Allow").orElse(""));

        assertEquals(401, send(browser, "GET", "usersession/sessions").statusCode());
        assertEquals(401, send(browser, "HEAD", "usersession/sessions").statusCode());
        String user = browser.newUser("methods-ok");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        assertEquals(200, send(browser, "GET", "usersession/sessions").statusCode());
    }
}
