package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.request.CsrfProtection;
import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist items 1, 2, 3, 5, 7 and 9: the token, the cookie, caching of authenticated responses, fixation, logout,
 * storage at rest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionCookieIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("cookie");
    }

    @ArquillianResource
    URL base;

    @Test
    void loginSetsAHostPrefixedSecureHttpOnlySameSiteCookieWithAWellFormedToken() {
        Browser browser = new Browser(base);
        String alice = browser.newUser("alice");
        HttpResponse<String> login = browser.login(alice, DemoAccounts.PASSWORD);

        assertEquals(200, login.statusCode(), login.body());
        String header = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(Browser.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertTrue(header.contains("; Path=/"), header);
        assertTrue(header.contains("; Secure"), header);
        assertTrue(header.contains("; HttpOnly"), header);
        assertTrue(header.contains("; SameSite=Lax"), header);
        assertFalse(header.toLowerCase().contains("domain="), header);
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        String token = browser.cookie().orElseThrow();
        assertEquals(43, token.length());
        assertTrue(SessionTokens.isWellFormed(token));
        assertFalse(login.body().contains(token), "the token never appears in a body");
        assertEquals(alice + " true false", browser.get("test/whoami").body());
    }

    @Test
    void responsesToSessionRequestsAreNotStoredByCachesUnlessTheApplicationSaysOtherwise() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("kim"), DemoAccounts.PASSWORD);

        HttpResponse<String> counter = browser.get("test/counter");
        assertEquals(200, counter.statusCode());
        assertEquals(
                "private, no-store",
                counter.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> large = browser.postForm("test/counter/increment-large");
        assertEquals(200, large.statusCode());
        assertEquals(
                "private, no-store",
                large.headers().firstValue("Cache-Control").orElse(""),
                "set before a body larger than the buffer commits the response");
        assertEquals(
                java.util.List.of("max-age=60"),
                browser.get("test/counter/cacheable").headers().allValues("Cache-Control"));

        HttpResponse<String> anonymous = new Browser(base).get("test/whoami");
        assertEquals("anonymous", anonymous.body());
        assertTrue(
                anonymous.headers().firstValue("Cache-Control").isEmpty(),
                anonymous.headers().toString());
    }

    @Test
    void everyLoginIssuesANewTokenAndTheOldOneStopsWorking() {
        Browser browser = new Browser(base);
        String bob = browser.newUser("bob");
        browser.login(bob, DemoAccounts.PASSWORD);
        String first = browser.cookie().orElseThrow();
        browser.postForm("test/counter/increment");

        browser.login(bob, DemoAccounts.PASSWORD);
        String second = browser.cookie().orElseThrow();

        assertNotEquals(first, second);
        assertEquals("1", browser.get("test/counter").body(), "a re-login keeps the session's state");
        Browser stale = new Browser(base);
        stale.setCookie(first);
        assertEquals("anonymous", stale.get("test/whoami").body());
    }

    @Test
    void theContainersOwnSessionIdChangesAtLogin() {
        Browser browser = new Browser(base);
        String user = browser.newUser("jsession");
        HttpResponse<String> before = browser.get("test/container-session");
        String jsessionBefore = before.body();
        assertTrue(before.headers().firstValue("Set-Cookie").orElseThrow().startsWith("JSESSIONID="));

        HttpResponse<String> login = browser.login(user, DemoAccounts.PASSWORD);

        assertEquals(200, login.statusCode(), login.body());
        String renewed = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertFalse(renewed.contains(jsessionBefore.split("\\.")[0]), renewed + " still holds " + jsessionBefore);
    }

    @Test
    void aForgedWellFormedTokenIsNotAdoptedAndCreatesNoRow() {
        String forged = SessionTokens.newToken();
        Browser browser = new Browser(base);
        browser.setCookie(forged);
        assertEquals("anonymous", browser.get("test/whoami").body());
        assertEquals(401, browser.get("protected").statusCode());
        assertEquals(
                "false",
                new Browser(base)
                        .get("test/db/contains?value=" + SessionTokens.hash(forged))
                        .body());

        browser.setCookie(forged);
        browser.setCookie(null);
        String dave = browser.newUser("dave");
        browser.setCookie(forged);
        browser.login(dave, DemoAccounts.PASSWORD);
        assertNotEquals(forged, browser.cookie().orElseThrow(), "login never adopts a token the server did not issue");
    }

    @Test
    void logoutDeletesTheSessionAndClearsTheCookie() {
        Browser browser = new Browser(base);
        String erin = browser.newUser("erin");
        browser.login(erin, DemoAccounts.PASSWORD);
        String token = browser.cookie().orElseThrow();

        HttpResponse<String> logout = browser.postJson("usersession/logout", "{}");

        assertEquals(204, logout.statusCode(), logout.body());
        assertTrue(logout.headers().allValues("Set-Cookie").stream().anyMatch(value -> value.contains("Max-Age=0")));
        assertTrue(browser.cookie().isEmpty());
        Browser old = new Browser(base);
        old.setCookie(token);
        assertEquals(401, old.get("protected").statusCode());
        assertEquals("0", new Browser(base).get("test/db/sessions?user=" + erin).body());
    }

    @Test
    void theTokenIsAcceptedOnlyFromTheCookie() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("frank"), DemoAccounts.PASSWORD);
        String token = browser.cookie().orElseThrow();
        Browser inUrl = new Browser(base);

        assertEquals(401, inUrl.get("protected?" + Browser.COOKIE + "=" + token).statusCode());
        assertEquals(401, inUrl.get("protected;jsessionid=" + token).statusCode());
        assertEquals(
                401,
                inUrl.send(inUrl.request("protected").header("Authorization", "Bearer " + token))
                        .statusCode(),
                "bearer tokens are off unless configured");
    }

    @Test
    void onlyTheHashOfTheTokenIsStoredAndTheHashIsNoToken() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("grace"), DemoAccounts.PASSWORD);
        String token = browser.cookie().orElseThrow();

        Browser inspector = new Browser(base);
        assertEquals("false", inspector.get("test/db/contains?value=" + token).body());
        assertEquals(
                "true",
                inspector
                        .get("test/db/contains?value=" + SessionTokens.hash(token))
                        .body());
        Browser withHash = new Browser(base);
        withHash.setCookie(SessionTokens.hash(token));
        assertEquals(401, withHash.get("protected").statusCode());
    }

    @Test
    void noRequestAttributeHoldsTheToken() {
        Browser browser = new Browser(base);
        String user = browser.newUser("dumped");
        HttpResponse<String> login = browser.send(browser.request("usersession/login")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", browser.origin())
                .header("X-Dump-Attributes", "yes")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + DemoAccounts.PASSWORD + "\"}")));
        assertEquals(200, login.statusCode(), login.body());
        String token = browser.cookie().orElseThrow();
        String atLogin = browser.get("test/attribute-dump").body();

        browser.send(browser.request("test/whoami")
                .header("X-Dump-Attributes", "yes")
                .GET());
        String inSession = browser.get("test/attribute-dump").body();

        assertFalse(atLogin.contains(token), "the login's attributes: " + atLogin);
        assertFalse(inSession.contains(token), "a session request's attributes: " + inSession);
        String csrfToken = CsrfProtection.tokenFor(token);
        assertTrue(login.body().contains("\"csrfToken\":\"" + csrfToken + "\""), "forms still get it: " + login.body());
        assertTrue(atLogin.contains(csrfToken), "the dump shows the attributes: " + atLogin);
        assertTrue(inSession.contains(csrfToken), "the dump shows the attributes: " + inSession);
    }
}
