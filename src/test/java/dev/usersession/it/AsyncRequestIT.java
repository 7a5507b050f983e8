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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asynchronous requests (a suspended JAX-RS resource resumed from another thread, a {@code CompletionStage},
 * server-sent
 * events, servlet async completed on another thread or dispatched back) work with the library: the change their async
 * part makes to a {@code @UserSession} bean is stored before
 * the response commits, and a conflict or an ended session is a clear 409 or 401.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncRequestIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("async");
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"suspended", "stage"})
    void theAsyncPartsChangeIsStored(String resource) {
        Browser browser = loggedIn();
        HttpResponse<String> first = browser.postForm("rest/async/" + resource);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("1", first.body());
        assertEquals("2", browser.postForm("rest/async/" + resource).body());
        assertEquals("2", browser.get("test/counter").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"suspended", "stage"})
    void aConflictInTheAsyncPartIs409(String resource) {
        Browser browser = loggedIn();
        HttpResponse<String> response = browser.postForm("rest/async/" + resource + "?mode=conflict");
        assertEquals(409, response.statusCode(), response.body());
        assertEquals("1", browser.get("test/counter").body(), "only the other unit of work's change is stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"suspended", "stage"})
    void aSessionEndedDuringTheAsyncPartIs401(String resource) {
        Browser browser = loggedIn();
        HttpResponse<String> response = browser.postForm("rest/async/" + resource + "?mode=ended");
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void serverSentEventsCarryAStoredChange() {
        Browser browser = loggedIn();
        HttpResponse<String> events = browser.get("rest/async/events");
        assertEquals(200, events.statusCode(), events.body());
        assertTrue(events.body().contains("data: 1") || events.body().contains("data:1"), events.body());
        assertEquals("1", browser.get("test/counter").body());
        assertTrue(browser.get("rest/async/events").body().contains("2"));
        assertEquals("2", browser.get("test/counter").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete", "dispatch"})
    void servletAsyncStoresTheChangeOfItsAsyncPart(String path) {
        Browser browser = loggedIn();
        HttpResponse<String> first = browser.postForm("servlet-async/" + path);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("1", first.body());
        assertEquals("2", browser.postForm("servlet-async/" + path).body());
        assertEquals("2", browser.get("test/counter").body());
    }

    @Test
    void aConflictBeforeAServletAsyncCompleteIs409() {
        Browser browser = loggedIn();
        HttpResponse<String> response = browser.postForm("servlet-async/complete?mode=conflict");
        assertEquals(409, response.statusCode(), response.body());
        assertEquals("1", browser.get("test/counter").body());
    }

    private Browser loggedIn() {
        Browser browser = new Browser(base);
        assertEquals(
                200,
                browser.login(browser.newUser("async"), DemoAccounts.PASSWORD).statusCode());
        return browser;
    }
}
