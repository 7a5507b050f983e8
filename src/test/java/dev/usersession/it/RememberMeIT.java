package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Keep me signed in": a new session when the short one is gone, a rotated token at each use, the token before
 * accepted for a short grace (parallel requests of one browser) and while the current one never came back (a lost
 * response), a copied token detected (everything of the user
 * ends, and the browser is told), and the series ended by logout, a password change and "sign out everywhere".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RememberMeIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("remember");
    }

    @ArquillianResource
    URL base;

    @Test
    void withoutTheBoxThereIsNoRememberCookie() {
        Browser browser = new Browser(base);
        String user = browser.newUser("plain");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        assertTrue(browser.rememberCookie().isEmpty());
    }

    @Test
    void aRememberedBrowserGetsANewSessionThatIsNotARecentLoginAndARotatedToken() {
        Browser browser = new Browser(base);
        String user = rememberedLogin(browser, "keep");
        String first = browser.rememberCookie().orElseThrow();

        browser.setCookie(null); // the short session is gone (closed browser, expiry)
        assertTrue(browser.get("test/whoami").body().startsWith(user + " "), "a new session from the cookie");
        assertTrue(browser.cookie().isPresent());
        String second = browser.rememberCookie().orElseThrow();
        assertNotEquals(first, second, "each use rotates the token");
        assertEquals(
                first.substring(0, first.indexOf('.')), second.substring(0, second.indexOf('.')), "in the same series");
        HttpResponse<String> sensitive = browser.send(browser.request("test/reports/sensitive")
                .header("Accept", "application/json")
                .GET());
        assertEquals(401, sensitive.statusCode(), "a remembered login proves nothing recent");
        assertTrue(sensitive.body().contains("reauthentication_required"));
    }

    @Test
    void aRememberedLoginWhoseRequestEndsInAnErrorStillGetsItsNewTokens() {
        Browser browser = new Browser(base);
        String user = rememberedLogin(browser, "error");
        String original = browser.rememberCookie().orElseThrow();
        browser.setCookie(null);

        HttpResponse<String> refused = browser.send(browser.request("test/reports/sensitive")
                .header("Accept", "application/json")
                .GET());
        assertEquals(401, refused.statusCode(), "a remembered login is not recent");
        assertNotEquals(original, browser.rememberCookie().orElseThrow(), "the rotated token came with the error");
        assertTrue(browser.cookie().isPresent(), "and the new session");

        browser.postForm("test/clock/advance", "by", "PT2M");
        browser.setCookie(null);
        assertTrue(
                browser.get("test/whoami").body().startsWith(user + " "),
                "the browser holds the current token: no false theft alarm");
    }

    @Test
    void theTokenBeforeWorksWithinTheGraceAndIsTakenAsStolenAfterIt() {
        Browser browser = new Browser(base);
        String user = rememberedLogin(browser, "thief");
        String original = browser.rememberCookie().orElseThrow();
        browser.setCookie(null);
        assertTrue(browser.get("test/whoami").body().startsWith(user + " "));
        String rotated = browser.rememberCookie().orElseThrow();

        Browser parallel = new Browser(base); // a request of the same browser that left before the rotation
        parallel.setRememberCookie(original);
        assertTrue(parallel.get("test/whoami").body().startsWith(user + " "), "within the grace window");

        browser.postForm("test/clock/advance", "by", "PT2M");
        Browser copy = new Browser(base);
        copy.setRememberCookie(original);
        HttpResponse<String> stolen = copy.send(
                copy.request("test/whoami").header("Accept", "application/json").GET());
        assertEquals(401, stolen.statusCode());
        assertTrue(stolen.body().contains("remember_me_stolen"), stolen.body());
        assertTrue(copy.rememberCookie().isEmpty(), "the cookie is cleared");

        assertEquals("anonymous", browser.get("test/whoami").body(), "the user's sessions ended");
        Browser owner = new Browser(base);
        owner.setRememberCookie(rotated);
        assertEquals("anonymous", owner.get("test/whoami").body(), "the whole series ended");
    }

    @Test
    void aLostResponseIsNotTheftButTheTokenBeforeIsOnceTheCurrentOneCameBack() {
        Browser browser = new Browser(base);
        String user = rememberedLogin(browser, "lost");
        String original = browser.rememberCookie().orElseThrow();
        Browser lost = new Browser(base); // the browser's request whose response (new session, new token) was lost
        lost.setRememberCookie(original);
        assertTrue(lost.get("test/whoami").body().startsWith(user + " "));
        String neverArrived = lost.rememberCookie().orElseThrow();

        new Browser(base).postForm("test/clock/advance", "by", "PT31S");
        browser.setCookie(null); // the browser tries again with what it holds
        HttpResponse<String> again = browser.send(browser.request("test/whoami")
                .header("Accept", "application/json")
                .GET());
        assertTrue(again.body().startsWith(user + " "), "a new session, not theft: " + again.body());
        String reissued = browser.rememberCookie().orElseThrow();
        assertNotEquals(original, reissued, "a new token");
        assertNotEquals(neverArrived, reissued, "not the lost one");
        assertTrue(browser.get("test/whoami").body().startsWith(user + " "), "the new token came back");

        new Browser(base).postForm("test/clock/advance", "by", "PT2M");
        Browser copy = new Browser(base);
        copy.setRememberCookie(original);
        HttpResponse<String> stolen = copy.send(
                copy.request("test/whoami").header("Accept", "application/json").GET());
        assertEquals(401, stolen.statusCode(), stolen.body());
        assertTrue(stolen.body().contains("remember_me_stolen"), stolen.body());
        assertEquals("anonymous", browser.get("test/whoami").body(), "the user's sessions ended");
    }

    @Test
    void logoutPasswordChangeAndSignOutEverywhereEndTheSeries() {
        Browser loggedOut = new Browser(base);
        rememberedLogin(loggedOut, "out");
        String kept = loggedOut.rememberCookie().orElseThrow();
        assertEquals(204, loggedOut.postJson("usersession/logout", "{}").statusCode());
        assertTrue(loggedOut.rememberCookie().isEmpty());
        loggedOut.setRememberCookie(kept);
        assertEquals("anonymous", loggedOut.get("test/whoami").body());

        Browser laptop = new Browser(base);
        String user = rememberedLogin(laptop, "everywhere");
        Browser phone = new Browser(base);
        assertEquals(
                200,
                phone.postJson(
                                "usersession/login",
                                "{\"username\":\"" + user + "\",\"password\":\"" + DemoAccounts.PASSWORD
                                        + "\",\"remember\":true}")
                        .statusCode());
        assertEquals(
                200, laptop.postJson("usersession/sessions/end-others", "{}").statusCode());
        phone.setCookie(null);
        assertEquals("anonymous", phone.get("test/whoami").body(), "sign out everywhere else ends the phone's");
        laptop.setCookie(null);
        assertTrue(laptop.get("test/whoami").body().startsWith(user + " "), "the laptop's own stays");

        Browser tablet = new Browser(base);
        String changer = rememberedLogin(tablet, "changer");
        Browser desktop = new Browser(base);
        assertEquals(200, desktop.login(changer, DemoAccounts.PASSWORD).statusCode());
        assertEquals(
                200,
                desktop.postForm("test/password", "current", DemoAccounts.PASSWORD, "new", "a new long passphrase 42")
                        .statusCode());
        tablet.setCookie(null);
        assertEquals("anonymous", tablet.get("test/whoami").body(), "a password change ends the series");
    }

    private String rememberedLogin(Browser browser, String prefix) {
        String user = browser.newUser(prefix);
        HttpResponse<String> login = browser.postForm(
                "usersession/login", "username", user, "password", DemoAccounts.PASSWORD, "remember", "on");
        assertEquals(303, login.statusCode(), login.body());
        assertTrue(browser.rememberCookie().isPresent(), "the box was ticked");
        return user;
    }
}
