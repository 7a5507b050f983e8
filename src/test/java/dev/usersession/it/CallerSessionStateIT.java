package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import dev.usersession.it.basiconly.BasicOnly;
import dev.usersession.it.basiconly.DirectoryIdentityStore;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @UserSession} beans for callers that another mechanism authenticated (here Jakarta Security's Basic, with
 * {@code usersession.mechanism.enabled=false}): the state belongs to a library session bound to the caller, named by
 * the session cookie, carried to the caller's next device, and never to another caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallerSessionStateIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("callers")
                .addPackage(BasicOnly.class.getPackage())
                .addAsResource(
                        new StringAsset("usersession.mechanism.enabled=false\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void aBasicCallersStateLivesInALibrarySessionOfThatCaller() {
        Browser laptop = new Browser(base);
        String ann = laptop.newUser("ann");
        String bob = laptop.newUser("bob");

        assertEquals("1", increment(laptop, ann).body());
        String annSession = laptop.cookie().orElseThrow();
        assertEquals("2", increment(laptop, ann).body(), "the cookie names the caller's session");
        assertEquals(annSession, laptop.cookie().orElseThrow());

        Browser phone = new Browser(base);
        assertEquals("3", increment(phone, ann).body(), "a new device starts with the caller's latest state");

        HttpResponse<String> otherCaller = increment(laptop, bob);
        assertEquals("1", otherCaller.body(), "another caller never gets ann's state");
        assertNotEquals(annSession, laptop.cookie().orElseThrow());

        HttpResponse<String> crossSite = laptop.send(laptop.request("test/counter/increment")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (bob + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, crossSite.statusCode(), "the caller's credentials travel with cross-site requests too");

        Browser stranger = new Browser(base);
        stranger.setCookie(phone.cookie().orElseThrow());
        HttpResponse<String> anonymous = stranger.postForm("test/counter/increment");
        assertTrue(
                anonymous.statusCode() == 401 || anonymous.statusCode() == 403,
                anonymous.statusCode() + " " + anonymous.body()
                        + ": the cookie alone authenticates nobody when the library's mechanism is off");
    }

    @Test
    void aUserWithASecondFactorIsNotAuthenticatedByAPasswordAloneAndGetsNoSessionFromAnotherStore() {
        Browser browser = new Browser(base);
        String user = browser.newUser("twofactors");
        assertEquals(200, browser.postForm("test/one-time-codes", "name", user).statusCode());

        HttpResponse<String> libraryStore =
                browser.send(withBasic(browser.request("protected"), user, DemoAccounts.PASSWORD)
                        .GET());
        assertEquals(
                401,
                libraryStore.statusCode(),
                "the library's store refuses a password alone for this user: " + libraryStore.body());
        assertTrue(browser.cookie().isEmpty());

        // The application's own store (a directory) authenticates the user: the container says who the caller is,
        // but the library opens no session of a user with two factors for a password login it did not see.
        HttpResponse<String> directory =
                browser.send(withBasic(browser.request("test/whoami"), user, DirectoryIdentityStore.PASSWORD)
                        .GET());
        assertEquals(200, directory.statusCode(), directory.body());
        assertTrue(directory.body().startsWith(user + " "), directory.body());
        assertTrue(browser.cookie().isEmpty(), "no library session: " + browser.cookie());
        HttpResponse<String> guarded =
                browser.send(withBasic(browser.request("test/reports/mine"), user, DirectoryIdentityStore.PASSWORD)
                        .GET());
        assertEquals(401, guarded.statusCode(), "@RequiresLogin needs the library's session: " + guarded.body());
        assertEquals("0", browser.get("test/db/sessions?user=" + user).body());

        String plain = browser.newUser("onefactor");
        HttpResponse<String> oneFactor = new Browser(base)
                .send(withBasic(new Browser(base).request("test/reports/mine"), plain, DirectoryIdentityStore.PASSWORD)
                        .GET());
        assertEquals(
                200,
                oneFactor.statusCode(),
                "a user without a second factor keeps the session and the guard: " + oneFactor.body());
    }

    private static HttpRequest.Builder withBasic(HttpRequest.Builder request, String user, String password) {
        return request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBasicCallerInTheAdminGroupGetsNoAdministrationWithoutAFreshProof() {
        Browser browser = new Browser(base);
        String root = browser.newUser("root", "usersession-admin");
        HttpResponse<String> refused = browser.send(browser.request("usersession/admin/sessions")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (root + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .GET());
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(
                refused.body().contains("\"reauthentication_required\""),
                "the session opened for another mechanism's caller records no proof: " + refused.body());
    }

    private static HttpResponse<String> increment(Browser browser, String user) {
        HttpRequest.Builder request = browser.request("test/counter/increment")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Origin", browser.origin())
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = browser.send(request);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
