package dev.usersession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.it.app.DemoAccounts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checklist item 6: a user lists their sessions and ends one or all others. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionManagementIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return Deployments.testApplication("management");
    }

    @ArquillianResource
    URL base;

    private static JsonArray list(Browser browser) {
        HttpResponse<String> response = browser.get("usersession/sessions");
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    @Test
    void oneDeviceEndsAnotherAndTheEndedCookieIsRefused() {
        Browser laptop = new Browser(base);
        Browser phone = new Browser(base);
        String alice = laptop.newUser("alice");
        laptop.login(alice, DemoAccounts.PASSWORD);
        phone.login(alice, DemoAccounts.PASSWORD);

        JsonArray sessions = list(laptop);
        assertEquals(2, sessions.size());
        JsonObject other = sessions.getValuesAs(JsonObject.class).stream()
                .filter(session -> !session.getBoolean("current"))
                .findFirst()
                .orElseThrow();
        assertFalse(sessions.toString().contains(phone.cookie().orElseThrow()), "never a token");
        // Java's HTTP client names no browser; the raw User-Agent is never shown.
        assertTrue(other.getString("client").startsWith("Unknown browser from "), other.getString("client"));

        HttpResponse<String> end =
                laptop.postJson("usersession/sessions/end", "{\"id\":\"" + other.getString("id") + "\"}");

        assertEquals(204, end.statusCode(), end.body());
        assertEquals(401, phone.get("protected").statusCode());
        assertEquals(200, laptop.get("protected").statusCode());
        assertEquals(1, list(laptop).size());
    }

    @Test
    void endAllOthersKeepsOnlyTheCurrentSession() {
        Browser[] devices = {new Browser(base), new Browser(base), new Browser(base)};
        String bob = devices[0].newUser("bob");
        for (Browser device : devices) {
            device.login(bob, DemoAccounts.PASSWORD);
        }
        HttpResponse<String> ended = devices[0].postJson("usersession/sessions/end-others", "{}");

        assertEquals("{\"ended\":2}", ended.body());
        assertEquals(200, devices[0].get("protected").statusCode());
        assertEquals(401, devices[1].get("protected").statusCode());
        assertEquals(401, devices[2].get("protected").statusCode());
    }

    @Test
    void aUserCannotEndSomeoneElsesSession() {
        Browser dave = new Browser(base);
        Browser erin = new Browser(base);
        dave.login(dave.newUser("dave"), DemoAccounts.PASSWORD);
        erin.login(erin.newUser("erin"), DemoAccounts.PASSWORD);
        String erinsId = list(erin).getJsonObject(0).getString("id");

        assertEquals(
                404,
                dave.postJson("usersession/sessions/end", "{\"id\":\"" + erinsId + "\"}")
                        .statusCode());
        assertEquals(200, erin.get("protected").statusCode());
    }

    @Test
    void listingSessionsNeedsALogin() {
        assertEquals(401, new Browser(base).get("usersession/sessions").statusCode());
    }
}
