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
 * Checklist item 4: idle and absolute timeouts enforced from the database, with the server's clock moved by a
 * test-only control; and the last-access time is not written on every request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifetimeIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("lifetime");
    }

    @ArquillianResource
    URL base;

    private void advanceClock(String duration) {
        assertEquals(
                204,
                new Browser(base).postForm("test/clock/advance", "by", duration).statusCode());
    }

    @Test
    void idleSessionExpiresAndItsRowIsGone() {
        Browser browser = new Browser(base);
        String alice = browser.newUser("alice");
        browser.login(alice, DemoAccounts.PASSWORD);
        assertEquals(200, browser.get("protected").statusCode());

        advanceClock("PT31M");

        assertEquals(401, browser.get("protected").statusCode());
        assertEquals(
                "0", new Browser(base).get("test/db/sessions?user=" + alice).body());
    }

    @Test
    void busySessionEndsAtTheAbsoluteTimeout() {
        Browser browser = new Browser(base);
        browser.login(browser.newUser("bob"), DemoAccounts.PASSWORD);
        for (int step = 1; step <= 35; step++) {
            advanceClock("PT20M");
            assertEquals(200, browser.get("protected").statusCode(), "still busy after " + step * 20 + " minutes");
        }
        advanceClock("PT21M");
        assertEquals(401, browser.get("protected").statusCode(), "12 hours and a minute after login");
    }

    @Test
    void lastAccessIsWrittenOnlyWhenItHasGrownOlderThanAFractionOfTheIdleTimeout() {
        Browser browser = new Browser(base);
        String dave = browser.newUser("dave");
        browser.login(dave, DemoAccounts.PASSWORD);
        Browser inspector = new Browser(base);
        String atLogin = inspector.get("test/db/last-access?user=" + dave).body();

        browser.get("protected");
        browser.get("protected");
        assertEquals(atLogin, inspector.get("test/db/last-access?user=" + dave).body(), "no write per request");

        advanceClock("PT4M");
        browser.get("protected");
        String moved = inspector.get("test/db/last-access?user=" + dave).body();
        assertEquals(false, atLogin.equals(moved), "written once 3 minutes (a tenth of 30) have passed");
    }
}
