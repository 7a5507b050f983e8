package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.auth.UserAccounts;
import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checklist items 11, 14, 15 and 16: login answers, identity stores together, throttling, CSRF; the password policy's
 * answers. The application allows one other origin ({@code usersession.allowed-origins}, in its
 * {@code META-INF/microprofile-config.properties}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginSecurityIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("login")
                .addAsResource("it/allowed-origins-config.properties", "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void unknownUserAndWrongPasswordGetIdenticalAnswersInTheSameTime() {
        Browser browser = new Browser(base);
        browser.login("grace", "warm-up password");
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        String unknownBody = null;
        String wrongBody = null;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            HttpResponse<String> a = browser.login("nobody-" + i, "some password");
            unknown.add(System.nanoTime() - start);
            start = System.nanoTime();
            HttpResponse<String> b = browser.login(i % 2 == 0 ? "heidi" : "grace", "wrong password " + i);
            wrong.add(System.nanoTime() - start);
            assertEquals(401, a.statusCode());
            assertEquals(401, b.statusCode());
            unknownBody = a.body();
            wrongBody = b.body();
        }
        assertEquals(unknownBody, wrongBody);
        // The fastest of each: other load on the machine can only make an answer slower, never faster, so the
        // minimum shows the work the server did while a median moves with whatever else runs.
        double ratio = (double) fastest(unknown) / fastest(wrong);
        assertTrue(ratio > 0.8 && ratio < 1.25, "unknown/wrong fastest time ratio " + ratio);
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfter() {
        Browser browser = new Browser(base);
        String frank = browser.newUser("frank");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, browser.login(frank, "wrong password " + i).statusCode());
        }
        HttpResponse<String> throttled = browser.login(frank, DemoAccounts.PASSWORD);
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void crossOriginPostsAreRefused() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("bob"), DemoAccounts.PASSWORD);

        HttpResponse<String> crossSite = browser.send(browser.request("test/counter/increment")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> fetchSite = browser.send(browser.request("test/counter/increment")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> noHeaders =
                browser.send(browser.request("test/counter/increment").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> sameOrigin = browser.postForm("test/counter/increment");
        HttpResponse<String> crossSiteJson = browser.send(browser.request("test/counter/increment")
                .header("Origin", "https://evil.example")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(403, crossSite.statusCode());
        assertEquals(
                "This request came from another site and was refused\n",
                crossSite.body(),
                "the library's short answer, not the server's error page");
        assertEquals(403, crossSiteJson.statusCode());
        assertTrue(crossSiteJson.body().contains("\"error\":\"cross_site_request\""), crossSiteJson.body());
        assertEquals(403, fetchSite.statusCode());
        assertEquals(403, noHeaders.statusCode(), "neither Origin nor a CSRF token");
        assertEquals(200, sameOrigin.statusCode());
        assertEquals("1", sameOrigin.body(), "the refused posts changed nothing");
    }

    @Test
    void anOriginWithTheSameHostButAnotherSchemeIsCrossOrigin() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("ivan"), DemoAccounts.PASSWORD);
        String otherScheme = browser.origin().startsWith("https:")
                ? browser.origin().replaceFirst("^https:", "http:")
                : browser.origin().replaceFirst("^http:", "https:");

        assertEquals(403, postWithOrigin(browser, otherScheme).statusCode(), otherScheme + " on " + base);
        HttpResponse<String> own = postWithOrigin(browser, browser.origin());
        assertEquals(200, own.statusCode(), browser.origin() + " on " + base);
        assertEquals("1", own.body());
    }

    @Test
    void anAllowedOriginPassesWhenTheBrowserSendsSecFetchSiteToo() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("judy"), DemoAccounts.PASSWORD);

        for (String fetchSite : List.of("cross-site", "same-site")) {
            assertEquals(
                    200,
                    browser.send(browser.request("test/counter/increment")
                                    .header("Sec-Fetch-Site", fetchSite)
                                    .header("Origin", "https://shop.example")
                                    .POST(HttpRequest.BodyPublishers.noBody()))
                            .statusCode(),
                    fetchSite);
            assertEquals(
                    403,
                    browser.send(browser.request("test/counter/increment")
                                    .header("Sec-Fetch-Site", fetchSite)
                                    .header("Origin", "https://evil.example")
                                    .POST(HttpRequest.BodyPublishers.noBody()))
                            .statusCode(),
                    fetchSite);
            assertEquals(
                    403,
                    browser.send(browser.request("test/counter/increment")
                                    .header("Sec-Fetch-Site", fetchSite)
                                    .POST(HttpRequest.BodyPublishers.noBody()))
                            .statusCode(),
                    fetchSite + " without Origin");
        }
        assertEquals("3", browser.postForm("test/counter/increment").body(), "only the allowed origin's posts counted");
    }

    @Test
    void aCrossOriginLoginFormIsRefused() {
        Browser browser = new Browser(base);
        HttpResponse<String> login = browser.send(browser.request("usersession/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=grace&password=correct+horse+battery")));
        assertEquals(403, login.statusCode());
        assertTrue(browser.cookie().isEmpty());
    }

    @Test
    void aFormLoginRedirectsToTheNextPathOnlyWithinTheApplication() {
        Browser browser = new Browser(base);
        String erin = browser.newUser("erin");
        HttpResponse<String> ok = browser.postForm(
                "usersession/login", "username", erin, "password", DemoAccounts.PASSWORD, "next", "/protected");
        assertEquals(303, ok.statusCode());
        assertTrue(ok.headers().firstValue("Location").orElseThrow().endsWith("/login/protected"));

        HttpResponse<String> open = new Browser(base)
                .postForm(
                        "usersession/login",
                        "username",
                        erin,
                        "password",
                        DemoAccounts.PASSWORD,
                        "next",
                        "//evil.example/");
        assertTrue(open.headers().firstValue("Location").orElseThrow().endsWith("/login/"), "no open redirect");

        HttpResponse<String> failed =
                new Browser(base).postForm("usersession/login", "username", erin, "password", "wrong one");
        assertTrue(failed.headers().firstValue("Location").orElseThrow().endsWith("/login?error=invalid"));
    }

    @Test
    void identityStoresCombineByPriority() {
        Browser customer = new Browser(base);
        assertEquals(
                200,
                customer.login("grace", DemoAccounts.PASSWORD).statusCode(),
                "the partner store goes first and refuses grace; the JPA store validates her");
        assertEquals("grace true false", customer.get("test/whoami").body());

        Browser partner = new Browser(base);
        assertEquals(200, partner.login("carol", "partner password").statusCode());
        assertEquals("carol false true", partner.get("test/whoami").body());
    }

    private static HttpResponse<String> postWithOrigin(Browser browser, String origin) {
        return browser.send(browser.request("test/counter/increment")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aPasswordLongerThanTheMaximumIsABadRequestForAnyUser() {
        String tooLong = "p".repeat(UserAccounts.MAXIMUM_PASSWORD_LENGTH + 1);
        for (String user : new String[] {"grace", "nobody-" + System.nanoTime()}) {
            HttpResponse<String> login = new Browser(base).login(user, tooLong);
            assertEquals(400, login.statusCode(), login.body());
            assertTrue(login.body().contains("\"password_too_long\""), login.body());
        }
    }

    @Test
    void aNewPasswordThatBreaksThePolicyIsABadRequestWithTheReason() {
        Browser browser = new Browser(base);
        HttpResponse<String> tooLong = browser.send(browser.request("test/accounts")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Origin", browser.origin())
                .POST(HttpRequest.BodyPublishers.ofString("groups=customer&name=long-" + System.nanoTime()
                        + "&password=" + "p".repeat(UserAccounts.MAXIMUM_PASSWORD_LENGTH + 1))));
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(
                tooLong.body().startsWith("{\"error\":\"invalid_password\",\"message\":\"A password must be "),
                tooLong.body());

        HttpResponse<String> common = browser.postForm(
                "test/accounts", "groups", "customer", "name", "common-" + System.nanoTime(), "password", "Password1");
        assertEquals(400, common.statusCode(), common.body());
        assertTrue(common.body().contains("commonly used"), common.body());
        assertFalse(common.body().contains("Exception"), common.body());
    }

    private static long fastest(List<Long> values) {
        return Collections.min(values);
    }
}
