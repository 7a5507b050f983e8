package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code sendRedirect} overload (Servlet 6.1 added three) writes the state before the redirect commits: the
 * change is stored, and a conflict answers 409 instead of the redirect. WildFly 39 implements Servlet 6.0, where only
 * {@code sendRedirect(String)} exists: the three others are tested on Payara 7 (Servlet 6.1).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedirectIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("redirects");
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"location", "location-clear", "location-status", "location-status-clear"})
    void aRedirectCarriesAStoredChange(String overload) {
        Browser browser = loggedIn(overload);
        HttpResponse<String> redirect = browser.postForm("test/counter/increment-then-redirect?overload=" + overload);
        assertTrue(
                redirect.statusCode() == 302 || redirect.statusCode() == 303, overload + ": " + redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElseThrow().endsWith("/test/counter"));
        assertEquals("1", browser.get("test/counter").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"location", "location-clear", "location-status", "location-status-clear"})
    void aConflictBeforeARedirectIs409(String overload) {
        Browser browser = loggedIn(overload);
        HttpResponse<String> response = browser.postForm("test/counter/conflict-then-redirect?overload=" + overload);
        assertEquals(
                409, response.statusCode(), overload + ": " + response.headers().map());
        assertEquals("1", browser.get("test/counter").body(), "only the other unit of work's change is stored");
    }

    private Browser loggedIn(String overload) {
        if (!"location".equals(overload)) {
            String version = new Browser(base).get("test/servlet-version").body();
            Assumptions.assumeTrue(version.compareTo("6.1") >= 0, "Servlet " + version + " has no " + overload);
        }
        Browser browser = new Browser(base);
        assertEquals(
                200,
                browser.login(browser.newUser("redirect"), DemoAccounts.PASSWORD)
                        .statusCode());
        return browser;
    }
}
