package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A cookie of another name with raw non-ASCII or control bytes (which another application on the host, or a script on
 * a sibling domain, can set) does not lock users out: the application answers as without it, and a session cookie
 * in the same request still authenticates. (WildFly answered every such request with a 500, UT000173.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileCookieIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("hostile-cookies");
    }

    @ArquillianResource
    URL base;

    @Test
    void aNonAsciiCookieOfAnotherNameLeavesThePageWorking() {
        RawHttp.Response response = RawHttp.get(base, "test/whoami", "Cookie: other=café");
        assertEquals(200, response.status(), response.text());
        assertTrue(response.text().contains("anonymous"), response.text());
    }

    @Test
    void aControlByteInACookieOfAnotherNameLeavesThePageWorking() {
        RawHttp.Response response = RawHttp.get(base, "test/whoami", "Cookie: other=a\u0001b");
        assertEquals(200, response.status(), response.text());
        assertTrue(response.text().contains("anonymous"), response.text());
    }

    @Test
    void theSessionCookieBesideHostileOnesStillAuthenticates() {
        Browser browser = new Browser(base);
        String user = browser.newUser("hostile");
        assertEquals(200, browser.login(user, DemoAccounts.PASSWORD).statusCode());
        String session = Browser.COOKIE + "=" + browser.cookie().orElseThrow();

        RawHttp.Response sameHeader = RawHttp.get(base, "test/whoami",
                "Cookie: other=café; " + session + "; ctl=\u0001x");
        assertEquals(200, sameHeader.status(), sameHeader.text());
        assertTrue(sameHeader.text().contains(user + " true"), sameHeader.text());

        RawHttp.Response ownHeader = RawHttp.get(base, "test/whoami",
                "Cookie: other=café\r\nCookie: " + session);
        assertEquals(200, ownHeader.status(), ownHeader.text());
        assertTrue(ownHeader.text().contains(user + " true"), ownHeader.text());
    }
}
